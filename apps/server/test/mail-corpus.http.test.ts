import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { receiveDeskMail } from "../src/modules/desk/mail-intake.js";
import { decodeTnef } from "../src/modules/mail-in/tnef.js";
import { mailsAbout, premiumNamedContact } from "./helpers/desk.js";
import type { TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

// Issue 14, part 3: real-world mail shapes (test/data/mail-corpus, made by its generate.py; the
// two .tnef files are Outlook's own output) each become a ticket or a reply whose text reads as
// the sender wrote it, keeping the files the desk allows and naming, with why, those it leaves
// out, on the ticket and in the acknowledgement (MCR-SUP-03, DSN-SUP-03).

const postgresUrl = inject("postgresUrl");
const CORPUS = resolve(import.meta.dirname, "data/mail-corpus");
const SAMPLE_SENDER = "camille.martin@client.example";

/** A sample as its bytes, sent by `contact` (an ASCII address put in place, the other bytes kept). */
function sample(name: string, contact: TestUser, replace: Record<string, string> = {}): Buffer {
  let text = readFileSync(resolve(CORPUS, name)).toString("latin1").replaceAll(SAMPLE_SENDER, contact.email);
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return Buffer.from(text, "latin1");
}

describe("TNEF (winmail.dat) as Outlook writes it", () => {
  it("gives its files with their long names, and its HTML body", () => {
    const files = decodeTnef(readFileSync(resolve(CORPUS, "outlook-attachments.tnef")));
    expect(files?.files.map((f) => [f.fileName, f.content.length])).toEqual([
      ["zappa_av1.jpg", 2937],
      ["bookmark.htm", 85805],
    ]);
    const html = decodeTnef(readFileSync(resolve(CORPUS, "outlook-html.tnef")));
    expect(html?.files.map((f) => f.fileName)).toEqual(["image001.jpg", "image002.jpg", "image003.png"]);
    expect(html?.html).toContain("<html");
  });

  it("reads nothing, and never throws, from bytes that are not TNEF or are cut short", () => {
    const whole = readFileSync(resolve(CORPUS, "outlook-attachments.tnef"));
    expect(decodeTnef(Buffer.from("not tnef at all"))).toBeNull();
    for (const length of [5, 6, 20, 1000, 50_000, whole.length - 3])
      expect(() => decodeTnef(whole.subarray(0, length))).not.toThrow();
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))("the desk takes real-world mail on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let contact: TestUser;
  let session: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    ({ contact } = await premiumNamedContact(t.database.db));
    session = await signInAs(t.app, contact, now);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function take(raw: Buffer) {
    const outcome = await receiveDeskMail(t.context, t.database, raw, now);
    if (outcome.outcome !== "opened" && outcome.outcome !== "joined")
      throw new Error(`not taken: ${JSON.stringify(outcome)}`);
    const view = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${outcome.ticketId}`,
      headers: session.headers,
    });
    return { outcome, ticket: view.json() };
  }
  const fileNames = (entry: { attachments: { fileName: string }[] }) =>
    entry.attachments.map((a) => a.fileName);

  it("opens a ticket from Outlook's winmail.dat with the files inside it", async () => {
    const { ticket } = await take(sample("outlook-winmail.eml", contact));
    expect(ticket.title).toBe("Erreur à la connexion");
    expect(ticket.description).toContain("Voici la capture de l'erreur à la connexion.");
    // The JPEG is kept; an HTML page is no type the desk serves, and is said to be left out.
    expect(fileNames(ticket.timeline[0])).toEqual(["zappa_av1.jpg"]);
    expect(ticket.description).toContain("Pièces jointes non retenues");
    expect(ticket.description).toContain("« bookmark.htm »");
  });

  it("reads the body inside winmail.dat when it is all Outlook sent", async () => {
    const { ticket } = await take(sample("outlook-tnef-only.eml", contact));
    expect(ticket.description.length).toBeGreaterThan(20);
    expect(ticket.description).not.toContain("<html");
    expect(fileNames(ticket.timeline[0])).toEqual(["image001.jpg", "image002.jpg", "image003.png"]);
  });

  it.each([
    [
      "latin1-quoted-printable.eml",
      "Problème de facturation",
      "La facture de novembre est erronée : le forfait a été compté deux fois.",
    ],
    [
      "windows-1252-8bit.eml",
      "Coût affiché €",
      "Le cœur du problème : « le coût affiché est 12 € » au lieu de 10 €.",
    ],
    ["iso-2022-jp.eml", "ログインできません", "こんにちは。コンソールにログインできません。"],
    ["html-only.eml", "Page blanche", "Le portail affiche une page blanche."],
  ])("reads %s in its own charset", async (name, title, text) => {
    const { ticket } = await take(sample(name, contact));
    expect(ticket.title).toBe(title);
    expect(ticket.description.replace(/\s+/g, " ")).toContain(text);
  });

  it("takes the text and the attached PDF of nested multiparts, not the inline logo", async () => {
    const { ticket } = await take(sample("nested-multiparts.eml", contact));
    expect(ticket.description).toContain("Les sauvegardes échouent depuis le 20 novembre.");
    expect(fileNames(ticket.timeline[0])).toEqual(["rapport-sauvegarde.pdf"]);
  });

  it("keeps parts sent without a file name, named from their type", async () => {
    const { ticket } = await take(sample("parts-without-filename.eml", contact));
    expect(ticket.description).toContain("Le journal et le rapport sont joints.");
    expect(fileNames(ticket.timeline[0]).sort()).toEqual(["piece-jointe.pdf", "piece-jointe.txt"]);
  });

  it("keeps the allowed files of a mail with a bad one, says which were left out and why, on the ticket and in the acknowledgement", async () => {
    const { outcome, ticket } = await take(sample("one-bad-attachment.eml", contact));
    expect(outcome.outcome).toBe("opened");
    expect(fileNames(ticket.timeline[0])).toEqual(["migration.log", "cahier-des-charges.doc", "notes.rtf"]);
    const note = "Pièces jointes non retenues";
    expect(ticket.description).toContain(note);
    expect(ticket.description).toContain("Type de fichier non accepté pour « outil.exe »");
    expect(ticket.description).toContain("Le contenu de « capture.png » ne correspond pas à son type");
    const [acknowledgement] = await mailsAbout(t.database.db, ticket.id);
    expect(acknowledgement?.kind).toBe("ticket_acknowledged");
    expect(acknowledgement?.textBody).toContain(note);
    expect(acknowledgement?.textBody).toContain("« outil.exe »");
    expect(acknowledgement?.textBody).toContain("« capture.png »");
    // Office documents are served as downloads, like every file.
    const doc = ticket.timeline[0].attachments[1];
    const download = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${doc.id}`,
      headers: session.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/msword");
    expect(download.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("joins a reply from Outlook in ISO-8859-15 to its ticket, without the quoted history", async () => {
    const { ticket: opened } = await take(
      sample("latin1-quoted-printable.eml", contact, { "<latin1@": "<latin1-again@" }),
    );
    const { outcome, ticket } = await take(
      sample("reply-iso-8859-15.eml", contact, { "{reference}": opened.reference }),
    );
    expect(outcome).toMatchObject({ outcome: "joined", ticketId: opened.id });
    const reply = ticket.timeline.at(-1);
    expect(reply.body).toBe("Merci, le problème est résolu de notre côté.");
  });
});
