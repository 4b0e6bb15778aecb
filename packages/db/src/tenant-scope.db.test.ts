import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, rowsOf } from "./client.js";
import { auditLog, organisations, subscriptions } from "./schema/index.js";
import { runInTenant, scopedDatabase } from "./tenant-scope.js";
import { createTestDatabase, databaseKindsUnderTest } from "./testing/index.js";

// Tenant isolation enforced by the database itself (DSN-SEC-01, DSN-SEC-04 via issue 4): a request
// handler running in one customer's scope cannot see, change or forge another customer's rows,
// and cannot rewrite the audit trail.
/** What the database said, under the query wrapper's "Failed query: …". */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { cause?: { message?: string } }).cause?.message ?? error);
  }
  return "accepted";
}

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("row-level security on %s", (kind) => {
  let database: Database;
  let scoped: Database;
  let acme = "";
  let globex = "";

  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    scoped = scopedDatabase(database);
    const rows = await database.db
      .insert(organisations)
      .values([
        { kind: "provider", slug: "provider", name: "Provider" },
        { kind: "customer", slug: "acme", name: "Acme" },
        { kind: "customer", slug: "globex", name: "Globex" },
      ])
      .returning();
    acme = rows.find((row) => row.slug === "acme")?.id ?? "";
    globex = rows.find((row) => row.slug === "globex")?.id ?? "";
    await database.db.insert(subscriptions).values([
      { organisationId: acme, catalogueItemId: "aws", startsOn: "2026-01-01" },
      { organisationId: globex, catalogueItemId: "azure", startsOn: "2026-01-01" },
    ]);
    await database.db.insert(auditLog).values({
      at: new Date("2026-11-23T09:00:00Z"),
      actorLabel: "system",
      via: "system",
      action: "test.seeded",
      outcome: "success",
      data: {},
      hash: "h1",
      prevHash: "h0",
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shows a customer its own rows only", async () => {
    const seen = await runInTenant(database, acme, async () => ({
      organisations: await scoped.db.select({ slug: organisations.slug }).from(organisations),
      subscriptions: await scoped.db.select({ item: subscriptions.catalogueItemId }).from(subscriptions),
    }));
    expect(seen).toEqual({ organisations: [{ slug: "acme" }], subscriptions: [{ item: "aws" }] });
  });

  it("shows the provider's staff every tenant", async () => {
    const slugs = await runInTenant(database, "*", async () =>
      (await scoped.db.select({ slug: organisations.slug }).from(organisations))
        .map((row) => row.slug)
        .sort(),
    );
    expect(slugs).toEqual(["acme", "globex", "provider"]);
  });

  it("changes nothing of another tenant, even when asked by id", async () => {
    const changed = await runInTenant(database, acme, async () =>
      scoped.db
        .update(subscriptions)
        .set({ catalogueItemId: "gcp" })
        .where(eq(subscriptions.organisationId, globex))
        .returning(),
    );
    expect(changed).toEqual([]);
    const [held] = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.organisationId, globex));
    expect(held?.catalogueItemId).toBe("azure");
  });

  it("refuses a row written into another tenant and keeps nothing of the transaction", async () => {
    const said = await refusal(
      runInTenant(database, acme, async () => {
        await scoped.db
          .insert(subscriptions)
          .values({ organisationId: acme, catalogueItemId: "gcp", startsOn: "2026-02-01" });
        await scoped.db
          .insert(subscriptions)
          .values({ organisationId: globex, catalogueItemId: "gcp", startsOn: "2026-02-01" });
      }),
    );
    expect(said).toMatch(/row-level security/);
    const gcp = await database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.catalogueItemId, "gcp"));
    expect(gcp).toEqual([]);
  });

  it("lets a tenant append to the audit trail but never read, update or delete it", async () => {
    await runInTenant(database, acme, async () => {
      expect(await scoped.db.select().from(auditLog)).toEqual([]);
      await scoped.db.insert(auditLog).values({
        at: new Date("2026-11-23T10:00:00Z"),
        actorLabel: "Camille",
        via: "session",
        action: "test.appended",
        outcome: "success",
        data: {},
        hash: "h2",
        prevHash: "h1",
      });
    });
    const update = runInTenant(database, "*", () =>
      scoped.db.update(auditLog).set({ actorLabel: "someone else" }),
    );
    expect(await refusal(update)).toMatch(/permission denied/);
    expect(await refusal(runInTenant(database, "*", () => scoped.db.delete(auditLog)))).toMatch(
      /permission denied/,
    );
    const actions = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .orderBy(auditLog.seq);
    expect(actions).toEqual([{ action: "test.seeded" }, { action: "test.appended" }]);
  });

  it("uses the owner's connection outside a tenant scope, and forgets the scope after it", async () => {
    await runInTenant(database, acme, async () => undefined);
    const [role] = rowsOf<{ name: string }>(await scoped.db.execute(sql`select current_user as name`));
    expect(role?.name).not.toBe("guichet_app");
    expect(await scoped.db.select().from(organisations)).toHaveLength(3);
  });
});
