import { type Database, outbox } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { enqueueMail } from "./enqueue-mail.js";
import { enqueueInvitation, invitation } from "./test-fixtures.js";

const now = new Date("2026-03-10T09:00:00Z");

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("enqueueMail on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(outbox);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, invitation(now));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await database.db.select().from(outbox)).toEqual([]);
  });

  it("writes one pending message, rendered, due at once, with a Message-ID on PUBLIC_URL's host", async () => {
    const organisationId = crypto.randomUUID();
    const { id, messageId } = await enqueueInvitation(database.db, now, { organisationId });
    expect(messageId).toBe(`<${id}@portail.example.fr>`);
    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({
      id,
      organisationId,
      kind: "invitation",
      toAddress: "camille.martin@acme.example",
      subject: "Invitation à Portail Exemple",
      messageId,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      claimedUntil: null,
      sentAt: null,
      headers: { "Auto-Submitted": "auto-generated", "Content-Language": "fr" },
    });
    expect(row?.textBody).toContain("https://portail.example.fr/invitation/s3cr3t");
    expect(row?.textBody).toContain("expire le vendredi 13 mars 2026 à 10:00 UTC+1 (MCR-ACC-01).");
  });

  it("threads a reply under the message it answers", async () => {
    const first = await enqueueInvitation(database.db, now);
    await enqueueInvitation(database.db, now, { inReplyTo: first.messageId });
    const rows = await database.db.select().from(outbox);
    const reply = rows.find((r) => r.messageId !== first.messageId);
    expect(reply?.headers).toMatchObject({ "In-Reply-To": first.messageId, References: first.messageId });
  });

  it("refuses an address that is not one plain address, inside the caller's transaction", async () => {
    for (const to of ["camille@acme.example\r\nBcc: x@evil.example", "a@b.example, c@d.example", "nobody"]) {
      await expect(enqueueInvitation(database.db, now, { to })).rejects.toThrow(
        "not a single e-mail address",
      );
    }
    expect(await database.db.select().from(outbox)).toEqual([]);
  });
});
