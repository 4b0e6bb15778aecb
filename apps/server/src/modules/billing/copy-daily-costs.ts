import type { DuckDBConnection } from "@duckdb/node-api";
import type { Db } from "@guichet/db";
import { sql } from "drizzle-orm";
import { DAILY_TABLE } from "./daily-costs.js";
import { sqlString } from "./duckdb.js";

/** The import a unit's daily sums belong to: file `file`'s lines of (period, vendor, account). */
export interface UnitImport {
  file: number;
  period: string;
  vendor: string;
  accountKey: string;
  importId: string;
}

export interface CostOwner {
  vendor: string;
  billingAccountId: string;
  subAccountId: string;
  organisationId: string;
}

/** Rows per INSERT: ~2 MB of JSON, well within one statement's parameter. */
const BATCH_ROWS = 5_000;

const values = (rows: string[][]) => rows.map((row) => `(${row.map(sqlString).join(", ")})`).join(", ");

/**
 * Copies the daily sums of the recorded units from the import's DuckDB (stageDailyCosts) into
 * cost_daily, each with its import and its customer (null: unmatched), in the caller's transaction.
 * The speed trick of the import lives here alone: DuckDB joins the sums with their import and owner
 * and writes them as JSON text, BATCH_ROWS at a time, and PostgreSQL unpacks each batch with
 * json_populate_recordset, one statement and one parameter per batch, so no JavaScript object is
 * made per row and the amounts pass as decimal text, never as floats. Returns the customers and
 * months whose costs changed (their budgets are checked next).
 */
export async function copyDailyCostsToDatabase(
  tx: Db,
  duck: DuckDBConnection,
  units: readonly UnitImport[],
  owners: readonly CostOwner[],
): Promise<Array<{ organisationId: string; month: string }>> {
  if (units.length === 0) return [];
  await duck.run(
    `CREATE OR REPLACE TEMP TABLE unit_import (file INTEGER, period VARCHAR, vendor VARCHAR, account_key VARCHAR, import_id VARCHAR)`,
  );
  await duck.run(
    `INSERT INTO unit_import VALUES ${values(units.map((u) => [String(u.file), u.period, u.vendor, u.accountKey, u.importId]))}`,
  );
  await duck.run(
    `CREATE OR REPLACE TEMP TABLE cost_owner (vendor VARCHAR, billing_account_id VARCHAR, sub_account_id VARCHAR, organisation_id VARCHAR)`,
  );
  if (owners.length > 0)
    await duck.run(
      `INSERT INTO cost_owner VALUES ${values(owners.map((o) => [o.vendor, o.billingAccountId, o.subAccountId, o.organisationId]))}`,
    );
  await duck.run(`CREATE OR REPLACE TEMP TABLE outgoing AS
    SELECT (row_number() OVER () - 1) // ${BATCH_ROWS} AS batch, u.import_id, o.organisation_id, d.day,
           d.period AS billing_period, d.vendor, d.billing_account_id, d.sub_account_id, d.service, d.region,
           d.charge_category, d.charge_frequency, d.currency,
           CAST(d.billed_cost AS VARCHAR) AS billed_cost, CAST(d.list_cost AS VARCHAR) AS list_cost,
           CAST(d.effective_cost AS VARCHAR) AS effective_cost, d.line_count
      FROM ${DAILY_TABLE} d
      JOIN unit_import u USING (file, period, vendor, account_key)
      LEFT JOIN cost_owner o USING (vendor, billing_account_id, sub_account_id)`);
  const count = await duck.runAndReadAll("SELECT coalesce(max(batch) + 1, 0) AS n FROM outgoing");
  const batches = Number(count.getRowObjectsJson()[0]?.n ?? 0);
  for (let batch = 0; batch < batches; batch += 1) {
    const json = await duck.runAndReadAll(
      `SELECT CAST(to_json(list(t)) AS VARCHAR) AS rows
         FROM (SELECT * EXCLUDE (batch) FROM outgoing WHERE batch = ${batch}) t`,
    );
    const rows = String(json.getRowObjectsJson()[0]?.rows);
    await tx.execute(sql`insert into cost_daily (import_id, organisation_id, day, billing_period, vendor,
        billing_account_id, sub_account_id, service, region, charge_category, charge_frequency, currency,
        billed_cost, list_cost, effective_cost, line_count)
      select import_id, organisation_id, day, billing_period, vendor, billing_account_id, sub_account_id,
        service, region, charge_category, charge_frequency, currency, billed_cost, list_cost,
        effective_cost, line_count
      from json_populate_recordset(null::cost_daily, ${rows}::json)`);
  }
  const touched = await duck.runAndReadAll(
    "SELECT DISTINCT organisation_id, billing_period FROM outgoing WHERE organisation_id IS NOT NULL ORDER BY ALL",
  );
  return touched
    .getRowObjectsJson()
    .map((r) => ({ organisationId: String(r.organisation_id), month: String(r.billing_period) }));
}
