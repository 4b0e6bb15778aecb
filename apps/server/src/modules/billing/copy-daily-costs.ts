import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { copyCsvInto, type Db } from "@guichet/db";
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

/**
 * The size of each CSV file handed to the database: PGlite reads each file whole as a Blob (into
 * its WebAssembly memory), so memory stays bounded whatever the import's size.
 */
const FILE_BYTES = "10MB";

/**
 * cost_daily's columns, in the order DuckDB writes them and COPY reads them, each with what it is
 * in DuckDB: the daily sums `d`, their import `u` and owner `o`.
 */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ["import_id", "u.import_id"],
  ["organisation_id", "o.organisation_id"],
  ["day", "d.day"],
  ["billing_period", "d.period"],
  ...[
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
  ].map((c) => [c, `d.${c}`] as const),
];

/** The order of cost_daily's indexes' keys, in which its rows are loaded. */
const LOAD_ORDER = "organisation_id, vendor, billing_account_id, sub_account_id, day";

const values = (rows: string[][]) => rows.map((row) => `(${row.map(sqlString).join(", ")})`).join(", ");

/**
 * Copies the daily sums of the recorded units from the import's DuckDB (stageDailyCosts) into
 * cost_daily, each with its import and its customer (null: unmatched), in the caller's transaction.
 * DuckDB joins the sums with their import and owner and writes them as CSV files of about
 * FILE_BYTES under `workDir`; the database bulk-loads them (copyCsvInto: COPY FROM STDIN on
 * PostgreSQL, COPY from a Blob on PGlite). No JavaScript object is made per row, the amounts pass
 * as decimal text, never as floats, and nothing is inserted row by row: 283,000 sums took 23-29 s
 * as inserts on PGlite (issue 17). The rows go in the order of cost_daily's index keys (customer,
 * then account, then day), within each of DuckDB's writers: each index then grows at a few places,
 * not all over (the COPY of 283,000 rows on PGlite took 2.5 s so, 3.0 s shuffled). Returns the
 * customers and months whose costs changed (their budgets are checked next).
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
  const outgoing = `${DAILY_TABLE} d
      JOIN unit_import u USING (file, period, vendor, account_key)
      LEFT JOIN cost_owner o USING (vendor, billing_account_id, sub_account_id)`;
  // DuckDB writes NULL as an empty field and an empty text as "", as PostgreSQL's CSV reads them,
  // in files data_0.csv, data_1.csv… loaded in that order.
  const dir = join(workDir, "cost_daily");
  await duck.run(
    `COPY (SELECT ${COLUMNS.map(([, value]) => value).join(", ")} FROM ${outgoing} ORDER BY ${LOAD_ORDER})
       TO ${sqlString(dir)} (FORMAT csv, HEADER false, FILE_SIZE_BYTES '${FILE_BYTES}')`,
  );
  const fileNumber = (name: string) => Number(/(\d+)\.csv$/.exec(name)?.[1]);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".csv"))
        .sort((a, b) => fileNumber(a) - fileNumber(b))
        .map((name) => join(dir, name))
    : [];
  await copyCsvInto(
    tx,
    "cost_daily",
    COLUMNS.map(([column]) => column),
    files,
  );
  await tx.execute(sql`select cost_daily_summarize_new_rows()`);
  const touched = await duck.runAndReadAll(
    `SELECT DISTINCT o.organisation_id, d.period FROM ${outgoing} WHERE o.organisation_id IS NOT NULL ORDER BY ALL`,
  );
  return touched
    .getRowObjectsJson()
    .map((r) => ({ organisationId: String(r.organisation_id), month: String(r.period) }));
}
