import { randomUUID } from "node:crypto";
import { type Database, outbox } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeOutboxCursor, listOutbox, type OutboxMessageView, ZOutboxCursor } from "./list-outbox.js";
import { enqueueInvitation } from "./test-fixtures.js";

const t0 = new Date("2026-03-10T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("listOutbox on %s", (kind) => {
  let database: Database;
  const acme = randomUUID();
  const globex = randomUUID();
  /** Message-IDs by name, enqueued a minute apart; "b" and "c" at the same instant. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    const plan: [string, string | null, Date][] = [
      ["a", acme, minutes(0)],
      ["b", globex, minutes(1)],
      ["c", acme, minutes(1)],
      ["d", null, minutes(2)],
      ["e", acme, minutes(3)],
    ];
    for (const [name, organisationId, at] of plan) {
      const { messageId } = await enqueueInvitation(database.db, at, {
        organisationId,
        to: `${name}@acme.example`,
      });
      ids[name] = messageId;
    }
    await database.db
      .update(outbox)
      .set({ status: "sent", sentAt: minutes(4) })
      .where(eq(outbox.toAddress, "a@acme.example"));
  });
  afterAll(async () => {
    await database?.close();
  });

  const names = (items: OutboxMessageView[]) => items.map((i) => i.to.slice(0, i.to.indexOf("@")));

  it("lists newest first with what the back office shows, body included", async () => {
    const page = await listOutbox(database.db);
    const order = names(page.items);
    // "b" and "c" share an instant: their order is stable (by id) but not meaningful.
    expect([order[0], order[1], new Set(order.slice(2, 4)), order[4]]).toEqual([
      "e",
      "d",
      new Set(["b", "c"]),
      "a",
    ]);
    expect(page.nextCursor).toBeNull();
    const [newest] = page.items;
    expect(Object.keys(newest ?? {}).sort()).toEqual(
      [
        "attempts",
        "createdAt",
        "id",
        "kind",
        "lastError",
        "messageId",
        "nextAttemptAt",
        "organisationId",
        "sentAt",
        "status",
        "subject",
        "text",
        "to",
      ].sort(),
    );
    expect(newest).toMatchObject({
      messageId: ids.e,
      status: "pending",
      organisationId: acme,
      createdAt: minutes(3),
    });
    expect(newest?.text).toContain("/invitation/s3cr3t");
  });

  it("filters by status and by organisation", async () => {
    expect(names((await listOutbox(database.db, { status: "sent" })).items)).toEqual(["a"]);
    expect(names((await listOutbox(database.db, { organisationId: globex })).items)).toEqual(["b"]);
    expect(names((await listOutbox(database.db, { organisationId: acme, status: "pending" })).items)).toEqual(
      ["e", "c"],
    );
  });

  it("pages through everything once, ties on the same instant included", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listOutbox(database.db, {
        limit: 2,
        cursor: cursor ? ZOutboxCursor.parse(cursor) : undefined,
      });
      seen.push(...names(page.items));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("refuses a cursor it did not make", () => {
    expect(ZOutboxCursor.safeParse("not-a-cursor").success).toBe(false);
    expect(ZOutboxCursor.safeParse(Buffer.from('["yesterday","x"]').toString("base64url")).success).toBe(
      false,
    );
    const made = encodeOutboxCursor({ createdAt: t0, id: "4f7a1c1e-9d0b-4c7e-8a55-0f8e8d1c2b3a" });
    expect(ZOutboxCursor.parse(made)).toEqual({ createdAt: t0, id: "4f7a1c1e-9d0b-4c7e-8a55-0f8e8d1c2b3a" });
  });
});
