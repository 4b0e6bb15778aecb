import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier } from "./duckdb.js";
import { DECIMAL } from "./focus-sql.js";

/**
 * The daily sums of an import (MCR-BIL-04), computed and kept inside the import's DuckDB (table
 * `daily`): per file, vendor, billing account, sub-account, service, region, charge category and
 * frequency, and currency, a day being ChargePeriodStart's UTC date. Sums keep the files' full
 * precision (DECIMAL); they leave DuckDB only as the rows PostgreSQL keeps
 * (copyDailyCostsToDatabase), never as one JavaScript object per line or per sum.
 */
export const DAILY_TABLE = "daily";

/**
 * Adds the daily sums of file `fileIndex`, read by `linesSql` (stagedLinesSql: typed lines with
 * `__bad`, `__vendor_name` and the partition keys), with, per sum, how many of its lines break a
 * rule (`bad_lines`, checked by stageFocusFile before anything is kept) and the vendor's name.
 */
export async function stageDailyCosts(
  connection: DuckDBConnection,
  fileIndex: number,
  linesSql: string,
  columns: readonly string[],
): Promise<void> {
  const present = (names: string[]) =>
    names.filter((c) => columns.includes(c)).map((c) => `CAST(${sqlIdentifier(c)} AS VARCHAR)`);
  const subAccount = ["coalesce(", [...present(["SubAccountId"]), "''"].join(", "), ")"].join("");
  const region = ["coalesce(", [...present(["RegionId", "RegionName"]), "''"].join(", "), ")"].join("");
  const select = `SELECT ${fileIndex} AS file, period, vendor, account_key,
            strftime(CAST(ChargePeriodStart AS DATE), '%Y-%m-%d') AS day,
            CAST(BillingAccountId AS VARCHAR) AS billing_account_id, ${subAccount} AS sub_account_id,
            CAST(ServiceName AS VARCHAR) AS service, ${region} AS region,
            CAST(ChargeCategory AS VARCHAR) AS charge_category,
            CAST(ChargeFrequency AS VARCHAR) AS charge_frequency, CAST(BillingCurrency AS VARCHAR) AS currency,
            CAST(sum(BilledCost) AS ${DECIMAL}) AS billed_cost, CAST(sum(ListCost) AS ${DECIMAL}) AS list_cost,
            CAST(sum(EffectiveCost) AS ${DECIMAL}) AS effective_cost, CAST(count(*) AS INTEGER) AS line_count,
            count(*) FILTER (WHERE __bad <> 0) AS bad_lines, any_value(__vendor_name) AS vendor_name
       FROM (${linesSql})
      GROUP BY ALL`;
  await connection.run(
    fileIndex === 0
      ? `CREATE TEMP TABLE ${DAILY_TABLE} AS ${select}`
      : `INSERT INTO ${DAILY_TABLE} ${select}`,
  );
}

/** A vendor account as the daily sums name it (few: one per billing account and sub-account). */
export async function dailyAccounts(
  connection: DuckDBConnection,
): Promise<Array<{ vendor: string; billingAccountId: string; subAccountId: string }>> {
  const result = await connection.runAndReadAll(
    `SELECT DISTINCT vendor, billing_account_id, sub_account_id FROM ${DAILY_TABLE} ORDER BY ALL`,
  );
  return result.getRowObjectsJson().map((r) => ({
    vendor: String(r.vendor),
    billingAccountId: String(r.billing_account_id),
    subAccountId: String(r.sub_account_id),
  }));
}
