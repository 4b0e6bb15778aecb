import { tickets } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ATTACHMENT_LIMITS } from "../src/modules/desk/attachments.js";
import { premiumNamedContact } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

const TICKET = {
  category: "incident",
  priority: "P3",
  title: "Sauvegarde en échec",
  description: "La sauvegarde de la nuit a échoué ; journal et capture joints.",
};
const PNG = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(64, 7)]);

/** Files from the portal (issue 13): the rules the portal checks before sending, and files with an opening. */
describe.each(databaseKindsUnderTest(postgresUrl))("files with a new request on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let contact: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const provider = await createOrganisation(t.database.db, "provider");
    agent = await createUser(t.database.db, provider.id, ["support_agent"], { totp: true });
    ({ contact } = await premiumNamedContact(t.database.db));
  });
  afterAll(async () => {
    await t?.close();
  });

  const openWithFiles = async (user: TestUser, form: FormData) =>
    t.app.inject({
      method: "POST",
      url: "/api/tickets/with-files",
      headers: (await signInAs(t.app, user, now)).headers,
      payload: form,
    });
  const formOf = (ticket: object, files: [Buffer | string, string][]) => {
    const form = new FormData();
    form.append("ticket", JSON.stringify(ticket));
    for (const [content, name] of files) form.append("files", new Blob([content]), name);
    return form;
  };
  const ticketCount = async () => (await t.database.db.select().from(tickets)).length;

  it("tells the portal the server's own limits", async () => {
    const rules = await t.app.inject({
      method: "GET",
      url: "/api/attachments/rules",
      headers: (await signInAs(t.app, contact, now)).headers,
    });
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toMatchObject({
      maxBytes: ATTACHMENT_LIMITS.maxBytes,
      maxFiles: ATTACHMENT_LIMITS.maxFiles,
    });
    expect(rules.json().extensions).toEqual(expect.arrayContaining([".pdf", ".png", ".txt"]));
    expect(rules.json().extensions).not.toContain(".exe");
  });

  it("opens a request with its files on the first message", async () => {
    const opened = await openWithFiles(
      contact,
      formOf({ ...TICKET, customerReference: "INC-12" }, [
        [PNG, "capture.png"],
        ["erreur 503 à 02:14", "journal.txt"],
      ]),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = opened.json();
    expect(ticket).toMatchObject({ title: TICKET.title, customerReference: "INC-12", status: "new" });
    const first = ticket.timeline.find((entry: { attachments: unknown[] }) => entry.attachments.length > 0);
    expect(first.body).toBe(TICKET.description);
    expect(first.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "capture.png",
      "journal.txt",
    ]);
    // Staff see them and download them.
    const staff = await signInAs(t.app, agent, now);
    const download = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${first.attachments[0].id}`,
      headers: staff.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it("refuses the whole request, opening nothing, for a file too large, too many files, a bad field or no form", async () => {
    const before = await ticketCount();
    const tooLarge = await openWithFiles(
      contact,
      formOf(TICKET, [
        ["ok", "notes.txt"],
        [Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 65), "dump.txt"],
      ]),
    );
    expect(tooLarge.statusCode, tooLarge.body).toBe(400);
    expect(tooLarge.json()).toMatchObject({ details: { reason: "attachment_too_large" } });
    expect(tooLarge.json().message).toContain("dump.txt");

    const many = Array.from({ length: ATTACHMENT_LIMITS.maxFiles + 1 }, (_, i): [string, string] => [
      "x",
      `n${i}.txt`,
    ]);
    expect((await openWithFiles(contact, formOf(TICKET, many))).json()).toMatchObject({
      details: { reason: "attachment_too_many" },
    });

    const noTitle = await openWithFiles(contact, formOf({ ...TICKET, title: " " }, [["x", "a.txt"]]));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().details.issues[0].field).toBe("ticket.title");
    const notJson = new FormData();
    notJson.append("ticket", "{oops");
    expect((await openWithFiles(contact, notJson)).statusCode).toBe(400);

    const json = await t.app.inject({
      method: "POST",
      url: "/api/tickets/with-files",
      headers: (await signInAs(t.app, contact, now)).headers,
      payload: TICKET,
    });
    expect(json.statusCode).toBe(415);
    // Staff do not open customers' requests.
    expect((await openWithFiles(agent, formOf(TICKET, [["x", "a.txt"]]))).statusCode).toBe(403);
    expect(await ticketCount()).toBe(before);
  });
});
