import { connect } from "node:net";
import nodemailer from "nodemailer";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { afterEach, describe, expect, it } from "vitest";
import { parseInbound } from "./parse-inbound.js";
import { type Envelope, MessageRefused, type SmtpReceiver, startSmtpReceiver } from "./smtp-receiver.js";

const DESK = "support@multicloud-ready.fr";
const LIMIT = 20_000;

interface Received {
  raw: Buffer;
  envelope: Envelope;
}

const quietLogger = { info() {}, warn() {}, error() {} };
/** Warnings of the receiver under test, by message. */
const warnings: string[] = [];
let receiver: SmtpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  warnings.length = 0;
});

/** A receiver on a free loopback port; `handle` stands for the desk's onMessage. */
async function start(handle: (message: Received) => Promise<void> = async () => {}) {
  const received: Received[] = [];
  receiver = await startSmtpReceiver({
    host: "127.0.0.1",
    port: 0,
    maxMessageBytes: LIMIT,
    acceptRecipient: (address) => address === DESK,
    onMessage: async (raw, envelope) => {
      received.push({ raw, envelope });
      await handle({ raw, envelope });
    },
    logger: { ...quietLogger, warn: (_details, message) => warnings.push(message) },
  });
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false });
  return { received, transport, port: receiver.port };
}

/** A raw SMTP client, for envelopes nodemailer's transport does not write (null sender, declared SIZE). */
async function sendRaw(port: number, envelope: SMTPConnection.Envelope, message: string) {
  const client = new SMTPConnection({ host: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) =>
    client.connect((error) => (error ? reject(error) : resolve())),
  );
  try {
    return await new Promise<SMTPConnection.SentMessageInfo>((resolve, reject) =>
      client.send(envelope, message, (error, info) => (error ? reject(error) : resolve(info))),
    );
  } finally {
    client.quit();
  }
}

/** Speaks SMTP line by line; gives the greeting, then the whole reply to each command. */
function dialogue(port: number, commands: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const replies: string[] = [];
    let pending = "";
    const socket = connect(port, "127.0.0.1");
    socket.on("data", (chunk) => {
      pending += chunk.toString();
      // A reply is complete at its last line, "NNN text" with a space after the code.
      if (!/^\d{3} .*\r\n$/m.test(pending.split(/(?<=\r\n)/).at(-1) ?? "")) return;
      replies.push(pending);
      pending = "";
      const next = commands[replies.length - 1];
      if (next === undefined) {
        socket.end("QUIT\r\n");
        resolve(replies);
      } else {
        socket.write(`${next}\r\n`);
      }
    });
    socket.on("error", reject);
  });
}

const mail = {
  from: "Camille Dupont <camille.dupont@banque-ducasse.fr>",
  to: DESK,
  subject: "[INC-4711] Base de données inaccessible",
  text: "La base ne répond plus depuis 8 h.",
};

// MCR-SUP-03 / DSN-SUP-03: e-mail reaches the desk over SMTP; nothing accepted may be lost.
describe("startSmtpReceiver", () => {
  it("hands over the message as sent, with the envelope and a Return-Path on top", async () => {
    const { received, transport } = await start();
    const info = await transport.sendMail(mail);
    expect(info.accepted).toEqual([DESK]);
    expect(received).toHaveLength(1);
    const raw = received[0]?.raw ?? Buffer.alloc(0);
    expect(received[0]?.envelope).toEqual({ mailFrom: "camille.dupont@banque-ducasse.fr", rcptTo: [DESK] });
    expect(raw.toString("utf8")).toMatch(/^Return-Path: <camille\.dupont@banque-ducasse\.fr>\r\n/);
    const parsed = await parseInbound(raw);
    expect(parsed.ok && parsed.message.subject).toBe("[INC-4711] Base de données inaccessible");
    expect(parsed.ok && parsed.message.text.trim()).toBe("La base ne répond plus depuis 8 h.");
  });

  it("takes several messages on one connection", async () => {
    const { received, transport } = await start();
    await transport.sendMail(mail);
    await transport.sendMail({ ...mail, subject: "[INC-4712] Deuxième" });
    expect(received).toHaveLength(2);
  });

  it("records the null sender of a bounce, so that parsing recognises it", async () => {
    const { received, port } = await start();
    const bounce = "From: MAILER-DAEMON@mx.banque-ducasse.fr\r\nSubject: Undelivered\r\n\r\nuser unknown\r\n";
    await sendRaw(port, { from: "", to: DESK }, bounce);
    expect(received[0]?.envelope.mailFrom).toBe("");
    const parsed = await parseInbound(received[0]?.raw ?? "");
    expect(parsed.ok && parsed.message.isBounce).toBe(true);
  });

  it("refuses an unknown recipient at RCPT with 550 and takes nothing", async () => {
    const { received, transport } = await start();
    await expect(transport.sendMail({ ...mail, to: "nobody@multicloud-ready.fr" })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(received).toHaveLength(0);
  });

  it("delivers to the known recipients of a message that also names unknown ones", async () => {
    const { received, transport } = await start();
    const info = await transport.sendMail({ ...mail, to: [DESK, "nobody@multicloud-ready.fr"] });
    expect(info.rejected).toEqual(["nobody@multicloud-ready.fr"]);
    expect(received[0]?.envelope.rcptTo).toEqual([DESK]);
  });

  it("matches recipients without regard to case", async () => {
    const { received, transport } = await start();
    await transport.sendMail({ ...mail, to: "Support@MultiCloud-Ready.FR" });
    expect(received[0]?.envelope.rcptTo).toEqual([DESK]);
  });

  it("refuses an oversized message with 552 and never hands it over", async () => {
    const { received, transport } = await start();
    const text = "x".repeat(LIMIT + 1_000);
    await expect(transport.sendMail({ ...mail, text })).rejects.toMatchObject({ responseCode: 552 });
    expect(received).toHaveLength(0);
    expect(warnings).toEqual(["inbound mail refused: too large"]);
    // The connection stays usable for the next, smaller message.
    await transport.sendMail(mail);
    expect(received).toHaveLength(1);
  });

  it("refuses at MAIL FROM a message whose declared SIZE is over the limit", async () => {
    const { received, port } = await start();
    const [, ehlo, mailFrom] = await dialogue(port, [
      "EHLO client.example",
      `MAIL FROM:<camille.dupont@banque-ducasse.fr> SIZE=${LIMIT + 1}`,
    ]);
    expect(ehlo).toMatch(new RegExp(`SIZE ${LIMIT}`));
    expect(mailFrom).toMatch(/^552 /);
    expect(received).toHaveLength(0);
  });

  it("answers 451 when the handler fails, so that the sending server retries", async () => {
    const { received, transport } = await start(async () => {
      throw new Error("database unavailable");
    });
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
    expect(received).toHaveLength(1);
  });

  it("answers 451 also when the handler throws before returning a promise", async () => {
    receiver = await startSmtpReceiver({
      host: "127.0.0.1",
      port: 0,
      maxMessageBytes: LIMIT,
      acceptRecipient: () => true,
      onMessage: () => {
        throw new Error("not a promise");
      },
      logger: quietLogger,
    });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false });
    await expect(transport.sendMail(mail)).rejects.toMatchObject({ responseCode: 451 });
  });

  it("refuses for good, with the handler's reason, when the handler throws MessageRefused", async () => {
    const { transport } = await start(async () => {
      throw new MessageRefused("5.7.1 E-mail tickets are for the Premium plan (MCR-SUP-03)");
    });
    const error = await transport.sendMail(mail).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ responseCode: 550 });
    expect(String((error as { response?: string }).response)).toContain("Premium plan (MCR-SUP-03)");
  });

  it("offers no AUTH and no STARTTLS", async () => {
    const { port } = await start();
    const [, ehlo] = await dialogue(port, ["EHLO client.example"]);
    expect(ehlo).toMatch(/^250 /m);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
  });

  it("stops listening once closed", async () => {
    const { port } = await start();
    await receiver?.close();
    receiver = undefined;
    await expect(
      new Promise((resolve, reject) => {
        const socket = connect(port, "127.0.0.1", () => resolve(socket.end()));
        socket.on("error", reject);
      }),
    ).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
