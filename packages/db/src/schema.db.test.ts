import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "./client.js";
import { migrateDatabase } from "./migrate.js";
import { organisations, subscriptions } from "./schema/index.js";
import { createTestDatabase, databaseKindsUnderTest } from "./testing/index.js";

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("schema on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers a ping and reports its kind", async () => {
    await expect(database.ping()).resolves.toBeUndefined();
    expect(database.kind).toBe(kind);
  });

  it("applies migrations twice without changing anything", async () => {
    await migrateDatabase(database);
    const rows = await database.db.select().from(organisations);
    expect(rows).toEqual([]);
  });

  it("answers what a customer holds", async () => {
    const [customer] = await database.db
      .insert(organisations)
      .values({ kind: "customer", slug: "acme", name: "Acme" })
      .returning();
    if (!customer) throw new Error("insert returned nothing");
    await database.db.insert(subscriptions).values([
      { organisationId: customer.id, catalogueItemId: "aws", startsOn: "2026-01-01" },
      { organisationId: customer.id, catalogueItemId: "support-premium", startsOn: "2026-02-01" },
    ]);
    const held = await database.db
      .select({ item: subscriptions.catalogueItemId, from: subscriptions.startsOn })
      .from(subscriptions)
      .where(eq(subscriptions.organisationId, customer.id))
      .orderBy(subscriptions.startsOn);
    expect(held).toEqual([
      { item: "aws", from: "2026-01-01" },
      { item: "support-premium", from: "2026-02-01" },
    ]);
  });

  it("refuses a second provider and a subscription ending before it starts", async () => {
    await database.db.insert(organisations).values({ kind: "provider", slug: "p1", name: "Provider" });
    await expect(
      database.db.insert(organisations).values({ kind: "provider", slug: "p2", name: "Another" }),
    ).rejects.toThrow();
    const [customer] = await database.db.select().from(organisations).where(eq(organisations.slug, "acme"));
    await expect(
      database.db.insert(subscriptions).values({
        organisationId: customer?.id ?? "",
        catalogueItemId: "azure",
        startsOn: "2026-03-01",
        endsOn: "2026-02-01",
      }),
    ).rejects.toThrow();
  });
});
