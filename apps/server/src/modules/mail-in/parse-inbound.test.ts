import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { describe, expect, it } from "vitest";
import { type InboundMessage, parseInbound } from "./parse-inbound.js";

/** A message as a real client would send it, MIME encoding included. */
function compose(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

async function parsed(raw: Buffer | string): Promise<InboundMessage> {
  const result = await parseInbound(raw);
  if (!result.ok) throw new Error(`expected a message, got: ${result.detail}`);
  return result.message;
}

const crlf = (...lines: string[]) => lines.join("\r\n");

describe("parseInbound", () => {
  it("reads a customer's reply: sender, recipients, threading, decoded subject and body, date", async () => {
    const raw = await compose({
      from: '"Camille Dupont" <Camille.Dupont@Banque-Ducasse.FR>',
      to: ["support@multicloud-ready.fr", "Équipe DSI <dsi@banque-ducasse.fr>"],
      cc: "Direction: Paul <paul@banque-ducasse.fr>, Anne <anne@banque-ducasse.fr>;",
      subject: "RE: [MCR-2026-00042] Base de données inaccessible — urgent",
      messageId: "<CAF00d@mail.gmail.com>",
      inReplyTo: "<ticket-42-ack@multicloud-ready.fr>",
      references: ["<ticket-42@multicloud-ready.fr>", "<ticket-42-ack@multicloud-ready.fr>"],
      date: new Date("2026-11-23T09:00:00Z"),
      text: "Toujours en panne.\n\nLe lun. 23 nov. 2026 à 10:00, Support <support@multicloud-ready.fr> a écrit :\n> Bonjour",
    });
    const message = await parsed(raw);
    expect(message).toMatchObject({
      messageId: "<CAF00d@mail.gmail.com>",
      inReplyTo: "<ticket-42-ack@multicloud-ready.fr>",
      references: ["<ticket-42@multicloud-ready.fr>", "<ticket-42-ack@multicloud-ready.fr>"],
      from: { address: "camille.dupont@banque-ducasse.fr", name: "Camille Dupont" },
      to: ["support@multicloud-ready.fr", "dsi@banque-ducasse.fr"],
      cc: ["paul@banque-ducasse.fr", "anne@banque-ducasse.fr"],
      subject: "RE: [MCR-2026-00042] Base de données inaccessible — urgent",
      autoSubmitted: false,
      isBounce: false,
      automaticReason: null,
      attachments: [],
    });
    expect(message.text).toContain("Toujours en panne.\n\nLe lun. 23 nov. 2026");
    expect(message.date?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it("converts an HTML-only body to text", async () => {
    const raw = await compose({
      from: "jean.martin@fibre-poitou.fr",
      to: "soutien@deux-sevres-numerique.fr",
      subject: "Coupure",
      html: "<p>Bonjour,</p><p>Le lien <b>NRO-79</b> est coupé.</p>",
    });
    const { text } = await parsed(raw);
    expect(text).toContain("Bonjour,");
    expect(text).toContain("Le lien NRO-79 est coupé.");
    expect(text).not.toContain("<");
  });

  it("keeps attachments with their name, type, size and bytes, and tells inline images apart", async () => {
    const log = Buffer.from("2026-11-23 03:10 db-01 connection refused\n");
    const raw = await compose({
      from: "dsi@transports-garnier.fr",
      to: "support@multicloud-ready.fr",
      subject: "[INC-12] Logs",
      text: "Logs joints.",
      html: '<p>Logs joints.</p><img src="cid:logo@garnier">',
      attachments: [
        { filename: "journal db-01.log", content: log, contentType: "text/plain" },
        { filename: "logo.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47]), cid: "logo@garnier" },
      ],
    });
    const { attachments } = await parsed(raw);
    expect(attachments).toHaveLength(2);
    const journal = attachments.find((attachment) => attachment.fileName === "journal db-01.log");
    expect(journal).toMatchObject({
      fileName: "journal db-01.log",
      contentType: "text/plain",
      size: log.length,
      inline: false,
    });
    expect(journal?.content.equals(log)).toBe(true);
    const logo = attachments.find((attachment) => attachment.fileName === "logo.png");
    expect(logo).toMatchObject({ contentType: "image/png", size: 4, inline: true });
  });

  it("flags an out-of-office reply as automatic (RFC 3834)", async () => {
    const raw = await compose({
      from: "camille.dupont@banque-ducasse.fr",
      to: "support@multicloud-ready.fr",
      subject: "Réponse automatique : [MCR-2026-00042]",
      headers: { "Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All" },
      text: "Je suis absente jusqu'au 30 novembre.",
    });
    expect(await parsed(raw)).toMatchObject({
      autoSubmitted: true,
      isBounce: false,
      automaticReason: "Auto-Submitted: auto-replied",
    });
  });

  it("flags a delivery failure report as a bounce, from the receiver's Return-Path <>", async () => {
    const raw = crlf(
      "Return-Path: <>",
      "From: Mail Delivery System <MAILER-DAEMON@mx.banque-ducasse.fr>",
      "To: support@multicloud-ready.fr",
      "Subject: Undelivered Mail Returned to Sender",
      "Auto-Submitted: auto-replied",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      "",
      "--B",
      "Content-Type: text/plain",
      "",
      "<ancien.contact@banque-ducasse.fr>: user unknown",
      "--B",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.banque-ducasse.fr",
      "",
      "Final-Recipient: rfc822; ancien.contact@banque-ducasse.fr",
      "Action: failed",
      "Status: 5.1.1",
      "--B--",
      "",
    );
    expect(await parsed(raw)).toMatchObject({
      autoSubmitted: true,
      isBounce: true,
      automaticReason: "Return-Path: <>",
    });
  });

  it("trusts the first Return-Path, the receiver's, over one the sender wrote further down", async () => {
    const raw = crlf(
      "Return-Path: <camille.dupont@banque-ducasse.fr>",
      "From: camille.dupont@banque-ducasse.fr",
      "Return-Path: <>",
      "Subject: x",
      "",
      "Bonjour",
    );
    expect((await parsed(raw)).autoSubmitted).toBe(false);
  });

  it("gives a null date rather than the time of parsing when the Date header is unreadable", async () => {
    const raw = crlf("From: a@banque-ducasse.fr", "Date: lundi matin", "Subject: x", "", "Bonjour");
    expect((await parsed(raw)).date).toBeNull();
    expect((await parsed(crlf("From: a@banque-ducasse.fr", "", "x"))).date).toBeNull();
  });

  it("gives null ids and empty lists when a message has no threading headers", async () => {
    const message = await parsed(crlf("From: a@banque-ducasse.fr", "", "x"));
    expect(message).toMatchObject({ messageId: null, inReplyTo: null, references: [], to: [], subject: "" });
  });

  it("refuses as malformed, without throwing, what is not an e-mail or has no sender", async () => {
    const cases: [Buffer | string, string][] = [
      ["", "no header fields"],
      [Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 13, 0]), "no header fields"],
      ["just some text\nwith no header at all", "no header fields"],
      [crlf("Subject: orphan", "", "body"), "no sender address"],
      [crlf("From: Support Team", "Subject: x", "", "body"), "no sender address"],
    ];
    for (const [raw, detail] of cases) {
      const result = await parseInbound(raw);
      expect(result.ok, String(raw)).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe("malformed");
        expect(result.detail).toContain(detail);
      }
    }
  });
});
