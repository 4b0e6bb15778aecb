import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier } from "./duckdb.js";
import { brokenSql, DECIMAL, groupedColumns, partitionKeysSql, typedSql } from "./focus-sql.js";

/**
 * The daily sums of an import (MCR-BIL-04), computed and kept inside the import's DuckDB (table
 * `daily`): per file, vendor, billing account, sub-account, service, region, charge category and
 * frequency, and currency, a day being ChargePeriodStart's UTC date. Sums keep the files' full
 * precision (DECIMAL); they leave DuckDB only as the rows PostgreSQL keeps
 * (copyDailyCostsToDatabase), never as one JavaScript object per line or per sum.
 */
export const DAILY_TABLE = "daily";

/**
 * Adds the daily sums of file `fileIndex`, read from `source` (sourceSql), in two group-bys of one
 * statement. The first goes over every line: it types and sums the amounts by day and by the
 * values of every other checked column as they come (groupedColumns), and counts the lines whose
 * own values break a rule (the amounts, the charge period). The second checks each distinct
 * combination of the other values once, types them, adds the partition keys and sums by the
 * daily dimensions. `bad_lines`, per sum, is how many of its lines break a rule: stageFocusFile
 * refuses the file if any does, before anything is kept.
 */
export async function stageDailyCosts(
  connection: DuckDBConnection,
  fileIndex: number,
  source: string,
  columns: readonly string[],
): Promise<void> {
  const present = (names: string[]) =>
    names.filter((c) => columns.includes(c)).map((c) => `CAST(${sqlIdentifier(c)} AS VARCHAR)`);
  const subAccount = ["coalesce(", [...present(["SubAccountId"]), "''"].join(", "), ")"].join("");
  const region = ["coalesce(", [...present(["RegionId", "RegionName"]), "''"].join(", "), ")"].join("");
  const amount = (column: string) => `sum(TRY_CAST(CAST(${sqlIdentifier(column)} AS VARCHAR) AS ${DECIMAL}))`;
  const grouped = groupedColumns(columns);
  const byValues = `SELECT ${grouped.map(sqlIdentifier).join(", ")},
            CAST(TRY_CAST(CAST(ChargePeriodStart AS VARCHAR) AS TIMESTAMPTZ) AS DATE) AS __day,
            ${amount("BilledCost")} AS billed_cost, ${amount("ListCost")} AS list_cost,
            ${amount("EffectiveCost")} AS effective_cost, count(*) AS line_count,
            count(*) FILTER (WHERE ${brokenSql(columns, "line")}) AS bad_lines
       FROM ${source}
      GROUP BY ALL`;
  const checked = `SELECT ${typedSql(grouped)}, __day, billed_cost, list_cost, effective_cost, line_count,
            CASE WHEN ${brokenSql(columns, "grouped")} THEN line_count ELSE bad_lines END AS bad_lines,
            ${partitionKeysSql(columns)}
       FROM (${byValues})`;
  const select = `SELECT ${fileIndex} AS file, period, vendor, account_key,
            strftime(__day, '%Y-%m-%d') AS day,
            CAST(BillingAccountId AS VARCHAR) AS billing_account_id, ${subAccount} AS sub_account_id,
            CAST(ServiceName AS VARCHAR) AS service, ${region} AS region,
            CAST(ChargeCategory AS VARCHAR) AS charge_category,
            CAST(ChargeFrequency AS VARCHAR) AS charge_frequency, CAST(BillingCurrency AS VARCHAR) AS currency,
            CAST(sum(billed_cost) AS ${DECIMAL}) AS billed_cost, CAST(sum(list_cost) AS ${DECIMAL}) AS list_cost,
            CAST(sum(effective_cost) AS ${DECIMAL}) AS effective_cost, CAST(sum(line_count) AS INTEGER) AS line_count,
            sum(bad_lines) AS bad_lines, any_value(__vendor_name) AS vendor_name
       FROM (${checked})
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
