import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { copyCsvInto, type Db } from "@guichet/db";
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

/**
 * Rows per CSV file handed to the database: PGlite reads each file whole as a Blob (into its
 * WebAssembly memory), so the files are kept to ~10 MB each and memory stays bounded.
 */
const BATCH_ROWS = 50_000;

/** cost_daily's columns, in the order DuckDB writes them (`outgoing`) and COPY reads them. */
const COLUMNS = [
  "import_id",
  "organisation_id",
  "day",
  "billing_period",
  "vendor",
  "billing_account_id",
  "sub_account_id",
  "service",
  "region",
  "charge_category",
  "charge_frequency",
  "currency",
  "billed_cost",
  "list_cost",
  "effective_cost",
  "line_count",
];

/** The order of cost_daily's indexes' keys, in which its rows are loaded. */
const LOAD_ORDER = "organisation_id, vendor, billing_account_id, sub_account_id, day";

const values = (rows: string[][]) => rows.map((row) => `(${row.map(sqlString).join(", ")})`).join(", ");

/**
 * Copies the daily sums of the recorded units from the import's DuckDB (stageDailyCosts) into
 * cost_daily, each with its import and its customer (null: unmatched), in the caller's transaction.
 * DuckDB joins the sums with their import and owner and writes them as CSV files of BATCH_ROWS
 * rows under `workDir`; the database bulk-loads them (copyCsvInto: COPY FROM STDIN on PostgreSQL,
 * COPY from a Blob on PGlite). No JavaScript object is made per row, the amounts pass as decimal
 * text, never as floats, and nothing is inserted row by row: 283,000 sums took 23-29 s as
 * inserts on PGlite (issue 17). The rows go in the order of cost_daily's indexes (customer, then
 * account, then day): each index then grows at a few places, not all over, which made the load
 * about a fifth faster on PGlite (5.4 s to 4.2 s for 283,000 rows). Returns the customers and months whose costs changed (their
 * budgets are checked next).
 */
export async function copyDailyCostsToDatabase(
  tx: Db,
  duck: DuckDBConnection,
  units: readonly UnitImport[],
  owners: readonly CostOwner[],
  workDir: string,
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
    SELECT (row_number() OVER (ORDER BY ${LOAD_ORDER}) - 1) // ${BATCH_ROWS} AS batch, u.import_id, o.organisation_id, d.day,
           d.period AS billing_period, d.vendor, d.billing_account_id, d.sub_account_id, d.service, d.region,
           d.charge_category, d.charge_frequency, d.currency,
           CAST(d.billed_cost AS VARCHAR) AS billed_cost, CAST(d.list_cost AS VARCHAR) AS list_cost,
           CAST(d.effective_cost AS VARCHAR) AS effective_cost, d.line_count
      FROM ${DAILY_TABLE} d
      JOIN unit_import u USING (file, period, vendor, account_key)
      LEFT JOIN cost_owner o USING (vendor, billing_account_id, sub_account_id)`);
  // DuckDB writes NULL as an empty field and an empty text as "", as PostgreSQL's CSV reads them.
  const dir = join(workDir, "cost_daily");
  await duck.run(
    `COPY (SELECT batch, ${COLUMNS.join(", ")} FROM outgoing ORDER BY ${LOAD_ORDER}) TO ${sqlString(dir)} (FORMAT csv, HEADER false, PARTITION_BY (batch), OVERWRITE_OR_IGNORE)`,
  );
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".csv"))
        .map((name) => join(dir, name))
    : [];
  await copyCsvInto(tx, "cost_daily", COLUMNS, files);
  const touched = await duck.runAndReadAll(
    "SELECT DISTINCT organisation_id, billing_period FROM outgoing WHERE organisation_id IS NOT NULL ORDER BY ALL",
  );
  return touched
    .getRowObjectsJson()
    .map((r) => ({ organisationId: String(r.organisation_id), month: String(r.billing_period) }));
}
