import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database, Db } from "./client.js";
import { copyCsvInto } from "./copy-from.js";
import { costDaily, costImports, organisations } from "./schema/index.js";
import { atomically } from "./tenant-scope.js";
import { createTestDatabase, databaseKindsUnderTest } from "./testing/index.js";

/** What the database said (its message and detail), under the query wrapper's "Failed query: …". */
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause =
      (error as { cause?: { message?: string; detail?: string } }).cause ??
      (error as { message?: string; detail?: string });
    return `${cause.message} ${cause.detail ?? ""}`;
  }
  return "accepted";
}

/**
 * cost_daily's foreign keys are checked once per statement (migration 0042): the same rules as
 * the declared keys they replaced, for a COPY as for an INSERT or an UPDATE.
 */
describe.each(databaseKindsUnderTest(inject("postgresUrl")))("cost_daily's references on %s", (kind) => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    dir = mkdtempSync(join(tmpdir(), "guichet-cost-refs-"));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function anImport(db: Db): Promise<string> {
    const id = randomUUID();
    await db.insert(costImports).values({
      id,
      batchId: randomUUID(),
      fileName: "focus.csv",
      fileSha256: randomUUID(),
      vendor: "aws",
      vendorName: "AWS",
      billingAccountId: "123",
      billingPeriod: "2026-10",
      parquetPath: "p",
      lineCount: 1,
      status: "in_force",
      importedAt: new Date("2026-10-15T10:00:00Z"),
    });
    return id;
  }

  async function aCustomer(db: Db): Promise<string> {
    const [row] = await db
      .insert(organisations)
      .values({ kind: "customer", slug: `c-${randomUUID().slice(0, 8)}`, name: "Client" })
      .returning({ id: organisations.id });
    return (row as { id: string }).id;
  }

  const sum = (importId: string, organisationId: string | null) => ({
    importId,
    organisationId,
    day: "2026-10-01",
    billingPeriod: "2026-10",
    vendor: "aws",
    billingAccountId: "123",
    service: "EC2",
    chargeCategory: "Usage",
    chargeFrequency: "Usage-Based",
    currency: "USD",
    billedCost: "1.5",
    listCost: "1.5",
    effectiveCost: "1.5",
    lineCount: 1,
  });

  const COLUMNS = [
    "import_id",
    "organisation_id",
    "day",
    "billing_period",
    "vendor",
    "billing_account_id",
    "service",
    "charge_category",
    "charge_frequency",
    "currency",
    "billed_cost",
    "list_cost",
    "effective_cost",
    "line_count",
  ];
  const csvRow = (importId: string, organisationId: string | null) =>
    [
      importId,
      organisationId ?? "",
      "2026-10-02",
      "2026-10",
      "aws",
      "123",
      "S3",
      "Usage",
      "Usage-Based",
      "USD",
      2,
      2,
      2,
      1,
    ].join(",");

  it("keeps a sum whose import and customer exist, by INSERT and by COPY", async () => {
    const { db } = database;
    const importId = await anImport(db);
    const customerId = await aCustomer(db);
    await db.insert(costDaily).values(sum(importId, customerId));
    const file = join(dir, "good.csv");
    writeFileSync(file, `${csvRow(importId, customerId)}\n${csvRow(importId, null)}\n`);
    await atomically(db, (tx) => copyCsvInto(tx, "cost_daily", COLUMNS, [file]));
    const kept = await db.select().from(costDaily).where(eq(costDaily.importId, importId));
    expect(kept.map((r) => r.organisationId).sort()).toEqual([customerId, customerId, null].sort());
  });

  it("refuses a sum of an unknown import or customer, by INSERT, UPDATE or COPY, naming the key", async () => {
    const { db } = database;
    const importId = await anImport(db);
    const customerId = await aCustomer(db);
    expect(await refusal(db.insert(costDaily).values(sum(randomUUID(), customerId)))).toMatch(
      /violates foreign key "cost_daily_import_id".*Key \(import_id\)=.*not present in table "cost_imports"/s,
    );
    expect(await refusal(db.insert(costDaily).values(sum(importId, randomUUID())))).toMatch(
      /cost_daily_organisation_id/,
    );
    await db.insert(costDaily).values(sum(importId, null));
    expect(
      await refusal(
        db.update(costDaily).set({ organisationId: randomUUID() }).where(eq(costDaily.importId, importId)),
      ),
    ).toMatch(/cost_daily_organisation_id/);
    const file = join(dir, "bad.csv");
    writeFileSync(file, `${csvRow(importId, null)}\n${csvRow(randomUUID(), null)}\n`);
    expect(await refusal(atomically(db, (tx) => copyCsvInto(tx, "cost_daily", COLUMNS, [file])))).toMatch(
      /cost_daily_import_id/,
    );
    // Nothing of the refused statements was kept.
    const rows = await db.select().from(costDaily).where(eq(costDaily.importId, importId));
    expect(rows.map((r) => r.organisationId)).toEqual([null]);
  });

  it("deletes an import's sums with it, and keeps a customer with sums from being deleted", async () => {
    const { db } = database;
    const importId = await anImport(db);
    const other = await anImport(db);
    const customerId = await aCustomer(db);
    await db.insert(costDaily).values([sum(importId, customerId), sum(other, customerId)]);
    await db.delete(costImports).where(eq(costImports.id, importId));
    const left = await db
      .select({ importId: costDaily.importId })
      .from(costDaily)
      .where(eq(costDaily.organisationId, customerId));
    expect(left).toEqual([{ importId: other }]);
    expect(await refusal(db.delete(organisations).where(eq(organisations.id, customerId)))).toMatch(
      /violates foreign key "cost_daily_organisation_id"/,
    );
    // An update that keeps the id is not a removal.
    await db.update(organisations).set({ name: "Client renommé" }).where(eq(organisations.id, customerId));
    expect(
      await refusal(
        db.update(organisations).set({ id: randomUUID() }).where(eq(organisations.id, customerId)),
      ),
    ).toMatch(/cost_daily_organisation_id/);
  });
});
