import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costDaily, costImports, organisations, runInTenant, scopedDatabase } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { MissingEuroRateError } from "@guichet/domain";
import { eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { systemActor } from "../audit/record-audit.js";
import { costImportFixture } from "./cost-import.test-helper.js";
import { describeFocusRefusal } from "./describe-refusal.js";
import { writePendingDetailedLines } from "./detailed-lines.js";
import { withDuckDb } from "./duckdb.js";
import { FOCUS_SAMPLE, gzipOf, sampleWithLine, writeFromSample } from "./focus-files.test-helper.js";
import { importCosts } from "./import-costs.js";
import { importEuroRates } from "./import-euro-rates.js";
import { listUnmatchedAccounts } from "./list-unmatched-accounts.js";
import { periodRates } from "./period-rates.js";
import { FocusRefusedError } from "./stage-focus-file.js";

const postgresUrl = inject("postgresUrl");
const actor = systemActor("test");
const now = new Date("2026-10-15T10:00:00Z");

/** Sum of a column of a file, by DuckDB straight from the CSV: the figure an import must keep. */
async function fileTotal(path: string, column: string, where = "true"): Promise<string> {
  return withDuckDb(tmpdir(), async (c) => {
    const r = await c.runAndReadAll(
      `SELECT CAST(sum(CAST("${column}" AS DECIMAL(38,18))) AS VARCHAR) AS s FROM read_csv('${path}', all_varchar = true, nullstr = 'NULL') WHERE ${where}`,
    );
    return String(r.getRowObjectsJson()[0]?.s);
  });
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "FOCUS cost import on %s (MCR-BIL-01, MCR-BIL-04)",
  (kind) => {
    const f = costImportFixture(kind, postgresUrl);
    const { costsDir } = f;
    const totals = async (vendor?: string) => {
      const [row] = await f.database.db
        .select({
          billed: sql<string>`coalesce(sum(${costDaily.billedCost}), 0)::text`,
          lines: sql<number>`coalesce(sum(${costDaily.lineCount}), 0)::int`,
        })
        .from(costDaily)
        .where(vendor ? eq(costDaily.vendor, vendor) : sql`true`);
      return { billed: Number(row?.billed).toFixed(10), lines: row?.lines };
    };
    const inForce = async () =>
      f.database.db
        .select()
        .from(costImports)
        .where(eq(costImports.status, "in_force"))
        .orderBy(costImports.billingPeriod, costImports.vendor);

    it("imports the FinOps sample with its quirks (NULL strings, timestamps without T or Z, USD, a line of the next period)", async () => {
      const summary = await importCosts(
        f.context,
        f.database.db,
        [{ path: FOCUS_SAMPLE, name: "focus_sample_1.0.csv" }],
        actor,
        now,
      );
      expect(summary.lineCount).toBe(1000);
      expect(summary.units.map((u) => [u.billingPeriod, u.vendor, u.lineCount, u.outcome])).toEqual([
        ["2024-09", "aws", 942, "imported"],
        ["2024-09", "microsoft", 51, "imported"],
        ["2024-09", "oracle", 6, "imported"],
        ["2024-10", "oracle", 1, "imported"],
      ]);
      // Every line is in the daily sums, to the last decimal the file gave.
      expect(await totals()).toEqual({
        billed: Number(await fileTotal(FOCUS_SAMPLE, "BilledCost")).toFixed(10),
        lines: 1000,
      });
      // The import commits without the detailed lines' Parquet (issue 17): the accepted file is
      // kept until the background step writes it, partitioned by billing period and vendor.
      const units = await inForce();
      for (const unit of units) expect(existsSync(join(costsDir(), unit.parquetPath))).toBe(false);
      expect(readdirSync(join(costsDir(), ".pending"))).toEqual([units[0]?.batchId]);
      expect(await writePendingDetailedLines(f.context, f.database.db)).toEqual({ batches: 1, units: 4 });
      expect(readdirSync(join(costsDir(), ".pending"))).toEqual([]);
      for (const unit of units) {
        expect(unit.parquetPath).toMatch(
          new RegExp(`^period=${unit.billingPeriod}/vendor=${unit.vendor}/account=[^/]+/import=${unit.id}$`),
        );
        expect(readdirSync(join(costsDir(), unit.parquetPath)).some((f) => f.endsWith(".parquet"))).toBe(
          true,
        );
      }
    });

    it("lists every account that matches no customer for staff; no customer sees those lines", async () => {
      const unmatched = await listUnmatchedAccounts(f.database.db);
      expect(unmatched.length).toBeGreaterThan(0);
      expect(unmatched.reduce((n, a) => n + a.lineCount, 0)).toBe(1000);
      expect(unmatched.map((a) => a.vendor)).toEqual(expect.arrayContaining(["aws", "microsoft", "oracle"]));
      const [customer] = await f.database.db
        .insert(organisations)
        .values({ kind: "customer", slug: "costs-customer", name: "Costs customer" })
        .returning({ id: organisations.id });
      const seen = await runInTenant(f.database, customer?.id as string, () =>
        scopedDatabase(f.database).db.select().from(costDaily),
      );
      expect(seen).toEqual([]);
    });

    it("bills nothing twice: the same file again changes nothing", async () => {
      const before = await totals();
      const summary = await importCosts(
        f.context,
        f.database.db,
        [{ path: FOCUS_SAMPLE, name: "again.csv" }],
        actor,
        now,
      );
      expect(summary.units.every((u) => u.outcome === "unchanged")).toBe(true);
      expect(await totals()).toEqual(before);
      expect(await inForce()).toHaveLength(4);
    });

    it("a restated file replaces the earlier one for its period; the replaced Parquet goes", async () => {
      const awsBefore = await totals("aws");
      const replacedPaths = (await inForce()).map((u) => u.parquetPath);
      for (const path of replacedPaths) expect(existsSync(join(costsDir(), path))).toBe(true);
      const restated = await writeFromSample(
        f.files,
        "restated.csv",
        `SELECT * REPLACE (CASE WHEN ProviderName = 'AWS' THEN CAST(CAST(BilledCost AS DECIMAL(38,18)) * 2 AS VARCHAR) ELSE BilledCost END AS BilledCost) FROM sample`,
      );
      const summary = await importCosts(
        f.context,
        f.database.db,
        [{ path: restated, name: "restated.csv" }],
        actor,
        now,
      );
      expect(summary.units.map((u) => u.outcome)).toEqual(["replaced", "replaced", "replaced", "replaced"]);
      expect(Number((await totals("aws")).billed)).toBeCloseTo(Number(awsBefore.billed) * 2, 9);
      expect((await totals()).lines).toBe(1000);
      expect(await inForce()).toHaveLength(4);
      for (const path of replacedPaths) expect(existsSync(join(costsDir(), path))).toBe(false);
    });

    it("reads gzip'd CSV and Parquet as well", async () => {
      const before = await totals();
      const gz = gzipOf(FOCUS_SAMPLE, join(f.files, "sample.csv.gz"));
      await importCosts(f.context, f.database.db, [{ path: gz, name: "sample.csv.gz" }], actor, now);
      const fromGzip = await totals();
      expect(fromGzip.lines).toBe(1000);
      expect(fromGzip.billed).not.toBe(before.billed); // the restatement above is itself replaced
      expect(fromGzip.billed).toBe(Number(await fileTotal(FOCUS_SAMPLE, "BilledCost")).toFixed(10));
      const parquet = await writeFromSample(f.files, "sample.parquet", "SELECT * FROM sample");
      const summary = await importCosts(
        f.context,
        f.database.db,
        [{ path: parquet, name: "sample.parquet" }],
        actor,
        now,
      );
      expect(summary.lineCount).toBe(1000);
      expect(await totals()).toEqual(fromGzip);
    });

    it.each([
      [
        "an unknown charge category",
        500,
        (l: string) => l.replace('"Usage"', '"Refund"'),
        "ChargeCategory",
        "Refund",
      ],
      [
        "an amount with a decimal comma",
        3,
        (l: string) => l.replace(/^NULL,0\.00000000000,/, 'NULL,"0,5",'),
        "BilledCost",
        "0,5",
      ],
      [
        "an impossible date",
        10,
        (l: string) => l.replace('"2024-10-01 00:00:00"', '"2024-13-01 00:00:00"'),
        "BillingPeriodEnd",
        "2024-13-01 00:00:00",
      ],
      [
        "a currency that is no code",
        999,
        (l: string) => l.replace('"USD"', '"US$"'),
        "BillingCurrency",
        "US$",
      ],
      [
        "an empty billing account",
        42,
        (l: string) => l.replace('"1234567890123"', "NULL"),
        "BillingAccountId",
        undefined,
      ],
      [
        "a charge period that ends before it starts",
        20,
        (l: string) =>
          l.replace(
            '"2024-09-24 22:00:00","2024-09-24 21:00:00"',
            '"2024-09-24 20:00:00","2024-09-24 21:00:00"',
          ),
        "ChargePeriodEnd",
        "2024-09-24 20:00:00",
      ],
      [
        "a list cost left empty",
        24,
        (l: string) => l.replace(",0.04640000000,", ",NULL,"),
        "ListCost",
        undefined,
      ],
      [
        "an amount beyond 18 decimals",
        7,
        (l: string) => l.replace(/^NULL,([0-9.]+),/, "NULL,0.1234567890123456789,"),
        "BilledCost",
        "0.1234567890123456789",
      ],
    ])(
      "refuses %s, naming the file, the row and the column, and keeps nothing",
      async (_, row, edit, column, value) => {
        const countBefore = (await f.database.db.select().from(costImports)).length;
        const before = await totals();
        const pendingBefore = readdirSync(join(costsDir(), ".pending"));
        const path = sampleWithLine(join(f.files, `bad-${row}.csv`), row, edit);
        const error = await importCosts(
          f.context,
          f.database.db,
          [
            { path: FOCUS_SAMPLE, name: "good.csv" },
            { path, name: `bad-${row}.csv` },
          ],
          actor,
          now,
        ).catch((e) => e);
        expect(error).toBeInstanceOf(FocusRefusedError);
        expect(error.refusal).toMatchObject({
          file: `bad-${row}.csv`,
          row,
          column,
          ...(value ? { value } : {}),
        });
        expect(describeFocusRefusal(error.refusal, "fr")).toMatch(
          new RegExp(`^bad-${row}\\.csv : ligne ${row}, colonne ${column} : `),
        );
        expect((await f.database.db.select().from(costImports)).length).toBe(countBefore);
        expect(await totals()).toEqual(before);
        expect(readdirSync(join(costsDir(), ".staging"))).toEqual([]);
        expect(readdirSync(join(costsDir(), ".pending"))).toEqual(pendingBefore);
      },
    );

    it("refuses a file without a column billing needs, and one without lines", async () => {
      const noCurrency = await writeFromSample(
        f.files,
        "no-currency.csv",
        "SELECT * EXCLUDE (BillingCurrency) FROM sample",
      );
      const refused = await importCosts(
        f.context,
        f.database.db,
        [{ path: noCurrency, name: "no-currency.csv" }],
        actor,
        now,
      ).catch((e) => e);
      expect(refused.refusal).toMatchObject({ reason: "missingColumn", column: "BillingCurrency" });
      expect(describeFocusRefusal(refused.refusal, "en")).toBe(
        "no-currency.csv: column BillingCurrency is missing, and FOCUS requires it for billing. Nothing of this file is imported.",
      );
      const empty = await writeFromSample(f.files, "empty.csv", "SELECT * FROM sample WHERE false");
      const none = await importCosts(
        f.context,
        f.database.db,
        [{ path: empty, name: "empty.csv" }],
        actor,
        now,
      ).catch((e) => e);
      expect(none.refusal).toMatchObject({ reason: "empty" });
    });

    it("converts at the period's ECB rate and stops on a missing one, naming the day and the currency", async () => {
      await importEuroRates(
        f.database.db,
        "Date,USD,GBP,\n2024-08-30,1.1087,0.8434,\n2024-10-01,1.1138,N/A,\n",
        "eurofxref-hist.csv",
        actor,
        now,
      );
      // 1 September 2024 is a Sunday: the rate of Friday 30 August.
      const { used } = await periodRates(f.database.db, "2024-09", ["USD", "EUR"]);
      expect(used).toEqual([{ currency: "USD", day: "2024-08-30", unitsPerEuro: "1.1087" }]);
      const missing = await periodRates(f.database.db, "2024-10", ["GBP"]).catch((e) => e);
      expect(missing).toBeInstanceOf(MissingEuroRateError);
      expect(missing).toMatchObject({ currency: "GBP", day: "2024-10-01" });
    });
  },
);
