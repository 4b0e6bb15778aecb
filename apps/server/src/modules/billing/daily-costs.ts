import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlIdentifier, sqlString } from "./duckdb.js";
import { DECIMAL } from "./focus-sql.js";

/**
 * A day's cost for one customer-facing dimension set (MCR-BIL-04): per vendor, billing account,
 * sub-account, service, region, charge category and frequency, and currency. Sums keep the files'
 * full precision (decimal text); the day is ChargePeriodStart's UTC date.
 */
export interface DailyCost {
  period: string;
  vendor: string;
  accountKey: string;
  day: string;
  billingAccountId: string;
  subAccountId: string;
  service: string;
  region: string;
  chargeCategory: string;
  chargeFrequency: string;
  currency: string;
  billedCost: string;
  listCost: string;
  effectiveCost: string;
  lineCount: number;
}

/** The daily sums of every line staged under `stagingDir` (stageFocusFile), with their unit's keys. */
export async function dailyCosts(
  connection: DuckDBConnection,
  stagingDir: string,
  columns: readonly string[],
): Promise<DailyCost[]> {
  const present = (names: string[]) =>
    names.filter((c) => columns.includes(c)).map((c) => `CAST(${sqlIdentifier(c)} AS VARCHAR)`);
  const subAccount = ["coalesce(", [...present(["SubAccountId"]), "''"].join(", "), ")"].join("");
  const region = ["coalesce(", [...present(["RegionId", "RegionName"]), "''"].join(", "), ")"].join("");
  const result = await connection.runAndReadAll(
    `SELECT period, vendor, account_key,
            strftime(CAST(ChargePeriodStart AS DATE), '%Y-%m-%d') AS day,
            BillingAccountId, ${subAccount} AS sub_account_id, ServiceName,
            ${region} AS region, ChargeCategory, ChargeFrequency, BillingCurrency,
            CAST(sum(BilledCost) AS ${DECIMAL}) AS billed, CAST(sum(ListCost) AS ${DECIMAL}) AS list,
            CAST(sum(EffectiveCost) AS ${DECIMAL}) AS effective, count(*) AS lines
       FROM read_parquet(${sqlString(`${stagingDir}/**/*.parquet`)}, hive_partitioning = true, union_by_name = true)
      GROUP BY ALL`,
  );
  return result.getRowObjectsJson().map((r) => ({
    period: String(r.period),
    vendor: String(r.vendor),
    accountKey: String(r.account_key),
    day: String(r.day),
    billingAccountId: String(r.BillingAccountId),
    subAccountId: String(r.sub_account_id),
    service: String(r.ServiceName),
    region: String(r.region),
    chargeCategory: String(r.ChargeCategory),
    chargeFrequency: String(r.ChargeFrequency),
    currency: String(r.BillingCurrency),
    billedCost: String(r.billed),
    listCost: String(r.list),
    effectiveCost: String(r.effective),
    lineCount: Number(r.lines),
  }));
}
