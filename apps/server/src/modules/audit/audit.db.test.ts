import type { Database } from "@guichet/db";
import { auditLog, users } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditToCsv } from "./audit-csv.js";
import { type AuditActor, recordAudit } from "./record-audit.js";
import { searchAudit } from "./search-audit.js";
import { verifyAuditTrail } from "./verify-audit.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("audit trail on %s (DSN-SEC-01)", (kind) => {
  let database: Database;
  let camille: AuditActor;
  beforeAll(async () => {
    database = await createTestDatabase(kind, postgresUrl);
    const { db } = database;
    await db.execute(
      sql`insert into organisations (id, kind, slug, name) values ('00000000-0000-4000-8000-000000000001', 'customer', 'o', 'O')`,
    );
    const [user] = await db
      .insert(users)
      .values({
        organisationId: "00000000-0000-4000-8000-000000000001",
        email: "camille@example.fr",
        firstName: "Camille",
        lastName: "Martin",
      })
      .returning({ id: users.id });
    camille = {
      userId: user?.id ?? null,
      label: "Camille Martin <camille@example.fr>",
      organisationId: "00000000-0000-4000-8000-000000000001",
      via: "session",
      ip: "192.0.2.1",
    };
    for (const [i, day] of ["2026-11-02", "2026-11-10", "2026-11-20"].entries()) {
      await recordAudit(
        db,
        camille,
        // A date in the data is kept as its ISO instant, which the hash covers too.
        { action: "auth.sign_in", data: { n: i, since: new Date(`${day}T08:00:00Z`) } },
        new Date(`${day}T09:00:00Z`),
      );
    }
    await recordAudit(
      db,
      { ...camille, userId: null, label: "=cmd|' /C calc'!A0", via: "anonymous" },
      { action: "auth.sign_in", outcome: "failure", data: { email: '=HYPERLINK("http://evil")' } },
      new Date("2026-11-21T09:00:00Z"),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers who used an identifier between two dates in one query", async () => {
    const entries = await searchAudit(database.db, {
      email: "camille@example.fr",
      from: new Date("2026-11-05T00:00:00Z"),
      to: new Date("2026-11-30T00:00:00Z"),
      limit: 100,
    });
    expect(entries.map((e) => e.at.toISOString())).toEqual([
      "2026-11-20T09:00:00.000Z",
      "2026-11-10T09:00:00.000Z",
    ]);
    expect(
      entries.every((e) => e.actorLabel === "Camille Martin <camille@example.fr>" && e.ip === "192.0.2.1"),
    ).toBe(true);
  });

  it("exports CSV that a spreadsheet cannot run as a formula", async () => {
    const csv = auditToCsv(await searchAudit(database.db, { limit: 100 }));
    expect(csv.split("\r\n")[0]).toMatch(/^seq,at,actorLabel/);
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv).not.toContain(",=cmd");
  });

  it("refuses to change or delete an entry, whoever asks", async () => {
    const refusal = async (statement: Promise<unknown>) => {
      const error = await statement.then(
        () => undefined,
        (e: Error & { cause?: Error }) => e,
      );
      return (error?.cause ?? error)?.message ?? "accepted";
    };
    expect(
      await refusal(database.db.execute(sql`update audit_log set action = 'nothing' where seq = 1`)),
    ).toMatch(/append-only/);
    expect(await refusal(database.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
  });

  it("keeps one chain when many transactions append at once, each holding on after its entry", async () => {
    const appended = Array.from({ length: 12 }, (_, i) =>
      database.db.transaction(async (tx) => {
        await recordAudit(
          tx,
          camille,
          { action: "ticket.opened", data: { n: i } },
          new Date("2026-11-22T09:00:00Z"),
        );
        // The rest of the writer's transaction: the next appender waits for this commit.
        await tx.execute(sql`select pg_sleep(0.02)`);
      }),
    );
    await Promise.all(appended);
    expect(await verifyAuditTrail(database.db)).toEqual({ intact: true, entries: 16, chains: 1, anchors: 0 });
  });

  it("says intact, then names the first entry changed behind its back", async () => {
    expect(await verifyAuditTrail(database.db)).toEqual({ intact: true, entries: 16, chains: 1, anchors: 0 });
    const [first] = await database.db.select({ data: auditLog.data }).from(auditLog).where(sql`seq = 1`);
    expect(first?.data).toEqual({ n: 0, since: "2026-11-02T08:00:00.000Z" });
    // A database administrator disables the guard and rewrites history.
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await database.db.execute(sql`update audit_log set actor_label = 'Someone else' where seq = 2`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    expect(await verifyAuditTrail(database.db)).toEqual({
      intact: false,
      entries: 1,
      chains: 1,
      anchors: 0,
      broken: {
        kind: "entry",
        seq: 2,
        chain: "00000000-0000-4000-8000-000000000001",
        reason: "content_changed",
      },
    });
    const [entry] = await database.db.select().from(auditLog).where(sql`seq = 2`);
    expect(entry?.actorLabel).toBe("Someone else");
  });
});
