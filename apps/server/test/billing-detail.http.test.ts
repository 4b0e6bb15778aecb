import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { auditLog, euroRates, vendorAccounts } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writePendingDetailedLines } from "../src/modules/billing/detailed-lines.js";
import { withDuckDb } from "../src/modules/billing/duckdb.js";
import { FOCUS_SAMPLE } from "../src/modules/billing/focus-files.test-helper.js";
import { billingTestApp, importSample } from "./helpers/billing.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import type { TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-10-15T09:00:00Z");
// Two AWS accounts of the FinOps sample's one billing account: one customer each.
const GARNIER_ACCOUNT = "11353890204";
const DUCASSE_ACCOUNT = "18938484842";

/** What the sample holds for a sub-account, read from the file itself with DuckDB. */
async function sampleFigures(dir: string, subAccountId: string) {
  return withDuckDb(dir, async (c) => {
    const result = await c.runAndReadAll(
      `SELECT count(*) AS n, CAST(sum(CAST(BilledCost AS DECIMAL(38,18))) AS VARCHAR) AS billed
         FROM read_csv('${FOCUS_SAMPLE}', header = true, all_varchar = true, nullstr = 'NULL')
        WHERE SubAccountId = '${subAccountId}'`,
    );
    const [row] = result.getRowObjectsJson();
    return { lines: Number(row?.n), billed: String(row?.billed) };
  });
}

/** A downloaded detail read back by DuckDB: its lines, the sum of BilledCost, its sub-accounts. */
async function readBack(dir: string, source: string) {
  return withDuckDb(dir, async (c) => {
    const result = await c.runAndReadAll(
      `SELECT count(*) AS n, CAST(sum(CAST(BilledCost AS DECIMAL(38,18))) AS VARCHAR) AS billed,
              list(DISTINCT CAST(SubAccountId AS VARCHAR)) AS subs FROM ${source}`,
    );
    const [row] = result.getRowObjectsJson();
    return { lines: Number(row?.n), billed: String(row?.billed), subAccounts: row?.subs as string[] };
  });
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "a customer's own costs: detailed billing and explorer (MCR 6.1.2, MCR-BIL-04) on %s",
  (kind) => {
    let t: TestApp;
    let dataDir: string;
    let billing: TestUser;
    let garnierAdmin: TestUser;
    let ducasseReader: TestUser;
    let garnierUser: TestUser;
    let garnierId: string;
    const get = async (user: TestUser, url: string) =>
      t.app.inject({ method: "GET", url, headers: (await signInAs(t.app, user, now)).headers });
    const csvLines = (body: string) => body.trim().split("\n");

    beforeAll(async () => {
      ({ t, dataDir, billing } = await billingTestApp(kind, postgresUrl, now));
      const { db } = t.database;
      const garnier = await createOrganisation(db, "customer", [
        { item: "support-standard", from: "2024-01-01" },
      ]);
      const ducasse = await createOrganisation(db, "customer", [
        { item: "support-premium", from: "2024-01-01" },
      ]);
      garnierId = garnier.id;
      garnierAdmin = await createUser(db, garnier.id, ["customer_admin"]);
      garnierUser = await createUser(db, garnier.id, ["user"]);
      ducasseReader = await createUser(db, ducasse.id, ["billing_reader"]);
      for (const [organisationId, account] of [
        [garnier.id, GARNIER_ACCOUNT],
        [ducasse.id, DUCASSE_ACCOUNT],
      ] as const)
        await db.insert(vendorAccounts).values({
          organisationId,
          catalogueItemId: "aws",
          vendorAccountId: account,
          billingAccountId: "1234567890123",
          consoleUrl: "https://console.aws.amazon.com/",
          createdAt: now,
        });
      await db
        .insert(euroRates)
        .values({ day: "2024-08-30", currency: "USD", unitsPerEuro: "1.1", importedAt: now });
      const imported = await importSample(t, billing, now);
      expect(imported.statusCode, imported.body).toBe(201);
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("until the import's Parquet is written (the background step), the download says it is being prepared", async () => {
      for (const format of ["csv", "parquet"]) {
        const early = await get(garnierAdmin, `/api/billing/detailed-lines/${format}?month=2024-09`);
        expect(early.statusCode, early.body).toBe(409);
        expect(early.json()).toMatchObject({
          code: "conflict",
          message: expect.stringContaining("en préparation"),
          details: { month: "2024-09", preparing: true },
        });
      }
      // Nothing was handed out, so nothing was audited as downloaded.
      expect(
        await t.database.db.select().from(auditLog).where(eq(auditLog.action, "billing.detail_downloaded")),
      ).toEqual([]);
      // The months list says so, for the portal to show it instead of a link that would fail.
      const months = async () =>
        (
          (await get(garnierAdmin, "/api/billing/cost-months")).json() as {
            items: { month: string; preparing: boolean }[];
          }
        ).items;
      expect(await months()).toEqual([expect.objectContaining({ month: "2024-09", preparing: true })]);
      // The background work's sweep (billing.detailed-lines), run here as the server would.
      expect(await writePendingDetailedLines(t.context, t.database.db)).toEqual({ batches: 1, units: 4 });
      expect(await months()).toEqual([expect.objectContaining({ month: "2024-09", preparing: false })]);
      const ready = await get(garnierAdmin, "/api/billing/detailed-lines/csv?month=2024-09");
      expect(ready.statusCode, ready.body).toBe(200);
    });

    it("the detailed billing as CSV holds the customer's own FOCUS lines only, audited", async () => {
      const expected = await sampleFigures(dataDir, GARNIER_ACCOUNT);
      const response = await get(garnierAdmin, "/api/billing/detailed-lines/csv?month=2024-09");
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-disposition"]).toContain("facturation-detaillee-2024-09.csv");
      const [header, first] = csvLines(response.body);
      expect((header as string).split(",")).toEqual(
        expect.arrayContaining(["BilledCost", "SubAccountId", "ChargePeriodStart"]),
      );
      expect(header).not.toContain("__bad");
      // Timestamps in FOCUS's UTC form, whatever the sample wrote.
      expect(first).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/);
      const file = join(dataDir, "garnier.csv");
      writeFileSync(file, response.body);
      const read = await readBack(dataDir, `read_csv('${file}', header = true, all_varchar = true)`);
      expect(read).toEqual({
        lines: expected.lines,
        billed: expected.billed,
        subAccounts: [GARNIER_ACCOUNT],
      });
      expect(response.body).not.toContain(DUCASSE_ACCOUNT);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "billing.detail_downloaded"));
      expect(entry).toMatchObject({ organisationId: garnierId });
    });

    it("as Parquet, the same lines, whose amounts sum to the sample's", async () => {
      const expected = await sampleFigures(dataDir, DUCASSE_ACCOUNT);
      const response = await get(ducasseReader, "/api/billing/detailed-lines/parquet?month=2024-09");
      expect(response.statusCode, response.body).toBe(200);
      const file = join(dataDir, "ducasse.parquet");
      writeFileSync(file, response.rawPayload);
      expect(await readBack(dataDir, `read_parquet('${file}')`)).toEqual({
        lines: expected.lines,
        billed: expected.billed,
        subAccounts: [DUCASSE_ACCOUNT],
      });
    });

    it("never another customer's: refused for another tenant and for a user without billing rights; 404 for a month without lines", async () => {
      expect(
        (
          await get(
            ducasseReader,
            `/api/billing/detailed-lines/csv?month=2024-09&organisationId=${garnierId}`,
          )
        ).statusCode,
      ).toBe(403);
      expect((await get(garnierUser, "/api/billing/detailed-lines/csv?month=2024-09")).statusCode).toBe(403);
      const none = await get(garnierAdmin, "/api/billing/detailed-lines/parquet?month=2024-10");
      expect(none.statusCode).toBe(404);
      expect(none.json().message).toContain("2024-10");
      const staff = await get(
        billing,
        `/api/billing/detailed-lines/csv?month=2024-09&organisationId=${garnierId}`,
      );
      expect(staff.statusCode).toBe(200);
      expect(staff.body).not.toContain(DUCASSE_ACCOUNT);
    });

    it("the explorer sums the customer's own costs in EUR by service and by day, filtered; months listed", async () => {
      const months = await get(garnierAdmin, "/api/billing/cost-months");
      expect(months.json().items).toEqual([
        expect.objectContaining({
          month: "2024-09",
          lineCount: (await sampleFigures(dataDir, GARNIER_ACCOUNT)).lines,
        }),
      ]);
      const byService = await get(
        garnierAdmin,
        "/api/billing/cost-explorer?from=2024-08-25&to=2024-10-05&by=service",
      );
      expect(byService.statusCode, byService.body).toBe(200);
      const body = byService.json();
      expect(body.rates).toEqual([{ currency: "USD", day: "2024-08-30", unitsPerEuro: "1.1" }]);
      const total = body.rows.reduce(
        (n: number, r: { amount: string }) => n + Math.round(Number(r.amount) * 100),
        0,
      );
      const usd = Number((await sampleFigures(dataDir, GARNIER_ACCOUNT)).billed);
      // Rounded per row: within a cent per service of the exact total.
      expect(Math.abs(total - (usd / 1.1) * 100)).toBeLessThanOrEqual(body.rows.length);
      // Vendors by the name their file gives (ProviderName), which a customer reads, not cost_imports.
      const byVendor = (
        await get(garnierAdmin, "/api/billing/cost-explorer?from=2024-08-25&to=2024-10-05&by=vendor")
      ).json();
      expect(byVendor.rows.length).toBeGreaterThan(0);
      for (const { vendor } of byVendor.rows as Array<{ vendor: string }>) {
        const name = byVendor.vendorNames[vendor] as string;
        expect(name.toLowerCase().replace(/[^a-z0-9]+/g, "-")).toBe(vendor);
        expect(name).not.toBe(vendor);
      }
      const service = body.rows[0].service as string;
      const byDay = await get(
        garnierAdmin,
        `/api/billing/cost-explorer?from=2024-08-25&to=2024-10-05&by=day,service&service=${encodeURIComponent(service)}`,
      );
      expect(new Set(byDay.json().rows.map((r: { service: string }) => r.service))).toEqual(
        new Set([service]),
      );
      expect(byDay.json().rows.every((r: { day: string }) => /^2024-0[89]-\d{2}$/.test(r.day))).toBe(true);
      const other = await get(
        ducasseReader,
        `/api/billing/cost-explorer?from=2024-08-25&to=2024-10-05&organisationId=${garnierId}`,
      );
      expect(other.statusCode).toBe(403);
      const tooLong = await get(garnierAdmin, "/api/billing/cost-explorer?from=2024-01-01&to=2025-06-01");
      expect(tooLong.statusCode).toBe(400);
    });
  },
);
