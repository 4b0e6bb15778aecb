import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "./client.js";
import { compiledByShape, compileStatement, executeCompiled, insertFromJson, rowsJson } from "./prepared.js";
import { outbox } from "./schema/index.js";
import { createTestDatabase, databaseKindsUnderTest } from "./testing/index.js";

// Statements compiled once and run with values only (the busiest writes: opening a ticket, every
// audit entry). What matters to a user: the values of each call are the ones written, whatever
// ran before on the same connection, and a call missing a value writes nothing.

type Mail = typeof outbox.$inferInsert;

function mail(subject: string, extra: Partial<Mail> = {}): Mail {
  return {
    kind: "test",
    toAddress: "alice@example.com",
    subject,
    textBody: `Body of ${subject}`,
    messageId: `<${randomUUID()}@example.com>`,
    headers: { "Content-Language": "fr" },
    nextAttemptAt: new Date("2026-11-23T09:00:00Z"),
    claimedUntil: null,
    createdAt: new Date("2026-11-23T09:00:00Z"),
    ...extra,
  };
}

const insertMails = compiledByShape(
  (keys: readonly string[]) => keys.join(),
  (keys) => sql`${insertFromJson(outbox, keys, sql`${sql.placeholder("mails")}::jsonb`)} returning subject`,
);

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("compiled statements on %s", (kind) => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
  });
  afterAll(async () => {
    await database?.close();
  });

  const write = (rows: Mail[]) =>
    executeCompiled<{ subject: string }>(database.db, insertMails(Object.keys(rows[0] ?? {})), {
      mails: rowsJson(rows),
    });

  it("writes each call's own values, dates, JSON and nulls included", async () => {
    await write([mail("Première")]);
    await write([mail("Seconde", { claimedUntil: new Date("2026-11-24T10:30:00Z"), headers: { a: "b" } })]);
    const rows = await database.db
      .select({ subject: outbox.subject, claimedUntil: outbox.claimedUntil, headers: outbox.headers })
      .from(outbox)
      .orderBy(outbox.subject);
    expect(rows).toEqual([
      { subject: "Première", claimedUntil: null, headers: { "Content-Language": "fr" } },
      { subject: "Seconde", claimedUntil: new Date("2026-11-24T10:30:00Z"), headers: { a: "b" } },
    ]);
  });

  it("compiles one statement per shape, which writes any number of rows in their order", async () => {
    const first = insertMails(Object.keys(mail("x")));
    expect(insertMails(Object.keys(mail("y")))).toBe(first);
    expect(insertMails(Object.keys(mail("y", { sentAt: null })))).not.toBe(first);
    const written = await write([mail("Trois-1"), mail("Trois-2"), mail("Trois-3")]);
    expect(written.map((row) => row.subject)).toEqual(["Trois-1", "Trois-2", "Trois-3"]);
  });

  it("refuses a call missing a value, and writes nothing", async () => {
    const statement = insertMails(Object.keys(mail("x")));
    await expect(executeCompiled(database.db, statement, {})).rejects.toThrow(/mails/);
    const { subject: _, ...withoutSubject } = mail("Incomplète");
    await expect(
      executeCompiled(database.db, statement, { mails: rowsJson([withoutSubject]) }),
    ).rejects.toThrow();
    const found = await database.db.select().from(outbox).where(eq(outbox.textBody, "Body of Incomplète"));
    expect(found).toEqual([]);
  });

  it("refuses a column the table does not have when compiling", () => {
    expect(() => insertFromJson(outbox, ["subject", "colour"], sql`'[]'::jsonb`)).toThrow(
      /colour is not a column/,
    );
  });

  it("names a statement after its text", () => {
    const a = compileStatement(sql`select ${sql.placeholder("x")}::int as x`);
    expect(compileStatement(sql`select ${sql.placeholder("y")}::int as x`).name).toBe(a.name);
    expect(compileStatement(sql`select ${sql.placeholder("x")}::int as y`).name).not.toBe(a.name);
  });
});
