import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costDaily, type Database, type Db, organisations, vendorAccounts } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readConfig } from "../../config.js";
import { loadContract } from "../../contract/load-contract.js";
import { systemActor } from "../audit/record-audit.js";
import { FOCUS_SAMPLE } from "./focus-files.test-helper.js";
import { importCosts } from "./import-costs.js";
import { listUnmatchedAccounts } from "./list-unmatched-accounts.js";
import { costAccountKey, matchCostOwners, rematchCostOwners } from "./match-cost-owners.js";

const postgresUrl = inject("postgresUrl");
const contract = loadContract("multicloud-ready");
const now = new Date("2026-10-15T10:00:00Z");

async function customer(db: Db, slug: string): Promise<string> {
  const [row] = await db
    .insert(organisations)
    .values({ kind: "customer", slug, name: slug })
    .returning({ id: organisations.id });
  return (row as { id: string }).id;
}

/** A vendor account as an accepted order records it (issue 16, MCR-ACC-04). */
async function recordAccount(
  db: Db,
  organisationId: string,
  item: string,
  vendorAccountId: string,
  billingAccountId?: string,
) {
  await db.insert(vendorAccounts).values({
    organisationId,
    catalogueItemId: item,
    vendorAccountId,
    billingAccountId: billingAccountId ?? null,
    consoleUrl: "https://console.example/",
    createdAt: now,
  });
}

const ownedBy = async (db: Db, organisationId: string) => {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${costDaily.lineCount}), 0)::int` })
    .from(costDaily)
    .where(eq(costDaily.organisationId, organisationId));
  return row?.n;
};

describe.each(databaseKindsUnderTest(postgresUrl))(
  "cost lines meet customers by their vendor accounts on %s (MCR-BIL-01)",
  (kind) => {
    let database: Database;
    let dataDir: string;
    beforeAll(async () => {
      database = await createTestDatabase(kind, postgresUrl);
      dataDir = mkdtempSync(join(tmpdir(), "guichet-match-"));
    });
    afterAll(async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("an import gives a recorded account's lines to its customer; the others stay listed for staff", async () => {
      const db = database.db;
      const garnier = await customer(db, "garnier");
      await recordAccount(db, garnier, "aws", "1234567890123", "1234567890123");
      const summary = await importCosts(
        { config: readConfig({ GUICHET_DATA_DIR: dataDir }), contract },
        db,
        [{ path: FOCUS_SAMPLE, name: "focus.csv" }],
        systemActor("test"),
        now,
      );
      expect(summary.lineCount).toBe(1000);
      expect(await ownedBy(db, garnier)).toBe(942); // the sample's AWS lines
      const unmatched = await listUnmatchedAccounts(db);
      expect(unmatched.map((a) => a.vendor).sort()).not.toContain("aws");
      expect(unmatched.reduce((n, a) => n + a.lineCount, 0)).toBe(58);

      // Recorded after the import: the invoice run's rematch bills those lines, once.
      const microsoft = unmatched.find((a) => a.vendor === "microsoft") as (typeof unmatched)[number];
      const ducasse = await customer(db, "ducasse");
      await recordAccount(db, ducasse, "azure", microsoft.billingAccountId);
      const moved = await rematchCostOwners(db);
      expect(moved).toBeGreaterThan(0);
      expect(await ownedBy(db, ducasse)).toBe(
        unmatched.filter((a) => a.vendor === "microsoft").reduce((n, a) => n + a.lineCount, 0),
      );
      expect(await rematchCostOwners(db)).toBe(0);
    });

    it("a billing account shared by customers is matched by sub-account only, never guessed", async () => {
      const db = database.db;
      const a = await customer(db, "shared-a");
      const b = await customer(db, "shared-b");
      await recordAccount(db, a, "azure", "sub-a", "shared-billing");
      await recordAccount(db, b, "azure", "sub-b", "shared-billing");
      const accounts = [
        { vendor: "microsoft", billingAccountId: "shared-billing", subAccountId: "sub-a" },
        { vendor: "microsoft", billingAccountId: "shared-billing", subAccountId: "sub-b" },
        { vendor: "microsoft", billingAccountId: "shared-billing", subAccountId: "sub-unknown" },
        { vendor: "microsoft", billingAccountId: "shared-billing", subAccountId: "" },
      ];
      const owners = await matchCostOwners(db, accounts);
      expect(accounts.map((x) => owners.get(costAccountKey(x)) ?? null)).toEqual([a, b, null, null]);
    });
  },
);
