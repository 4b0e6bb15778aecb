import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { costDaily, type Db } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { costsRoot } from "./cost-paths.js";
import { DetailedLinesPreparingError, pendingImportIds } from "./detailed-lines.js";
import { sqlIdentifier as id, sqlString, withDuckDb } from "./duckdb.js";

export type DetailFormat = "csv" | "parquet";

/**
 * Columns the import adds (stagedLinesSql's `__vendor_name`; `__bad` and `__row` in files imported
 * before it stopped writing them) and DuckDB's own (`filename`, `file_row_number`, for the files' order):
 * not FOCUS, not the customer's.
 */
const IMPORT_COLUMNS = ["__row", "__bad", "__vendor_name", "filename", "file_row_number"];

/**
 * The Parquet files of the imports in force that hold lines of this customer's accounts for the
 * month, and those accounts. Read through cost_daily, which row-level security limits to the
 * caller's tenant: a customer never learns another's import or account. The import's folder is
 * found by its id (unitPath: period=…/vendor=…/account=…/import=<id>).
 */
async function ownedUnits(
  context: Pick<AppContext, "config" | "contract">,
  db: Db,
  organisationId: string,
  month: string,
) {
  const rows = await db
    .selectDistinct({
      importId: costDaily.importId,
      vendor: costDaily.vendor,
      billingAccountId: costDaily.billingAccountId,
      subAccountId: costDaily.subAccountId,
    })
    .from(costDaily)
    .where(and(eq(costDaily.organisationId, organisationId), eq(costDaily.billingPeriod, month)));
  const periodDir = join(costsRoot(context), `period=${month}`);
  const files = new Set<string>();
  const found = new Set<string>();
  for (const row of rows) {
    const vendorDir = join(periodDir, `vendor=${row.vendor}`);
    if (!existsSync(vendorDir)) continue;
    for (const account of readdirSync(vendorDir)) {
      const dir = join(vendorDir, account, `import=${row.importId}`);
      if (!existsSync(dir)) continue;
      found.add(row.importId);
      for (const name of readdirSync(dir)) if (name.endsWith(".parquet")) files.add(join(dir, name));
    }
  }
  // An import whose Parquet is still to be written (writePendingDetailedLines): the download
  // says so rather than hand out part of the month.
  const missing = rows.filter((r) => !found.has(r.importId));
  if (missing.length > 0) {
    const pending = pendingImportIds(context);
    if (missing.some((r) => pending.has(r.importId))) throw new DetailedLinesPreparingError(month);
  }
  const accounts = [...new Set(rows.map((r) => JSON.stringify([r.billingAccountId, r.subAccountId])))].map(
    (key) => JSON.parse(key) as [string, string],
  );
  return { files: [...files].sort(), accounts };
}

/**
 * The customer's "facturation détaillée" of a month (MCR 6.1.2, MCR-BIL-04): its own FOCUS lines
 * as the vendors exported them, from the Parquet kept at import, written to `out` as CSV or
 * Parquet. A line is the customer's when its (billing account, sub-account) is one of the
 * accounts its daily sums were matched by (matchCostOwners): lines of other customers sharing a
 * billing account, and lines of accounts that match no one, are never in it. Amounts keep the
 * files' precision (trailing zeros trimmed in CSV); timestamps are written in UTC as FOCUS
 * requires. Returns the number of lines written, 0 when the month has none (nothing written).
 * Throws DetailedLinesPreparingError while an import of the month waits for its Parquet.
 */
export async function exportDetailedLines(
  context: Pick<AppContext, "config" | "contract">,
  db: Db,
  organisationId: string,
  month: string,
  format: DetailFormat,
  out: string,
  spillDir: string,
): Promise<number> {
  const { files, accounts } = await ownedUnits(context, db, organisationId, month);
  if (files.length === 0 || accounts.length === 0) return 0;
  return withDuckDb(spillDir, async (connection) => {
    const source = `read_parquet([${files.map(sqlString).join(", ")}], union_by_name = true, hive_partitioning = false, filename = true, file_row_number = true)`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described
      .getRowObjectsJson()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
      .filter((c) => !IMPORT_COLUMNS.includes(c.name));
    const subAccount = columns.some((c) => c.name === "SubAccountId")
      ? `coalesce(CAST(SubAccountId AS VARCHAR), '')`
      : "''";
    // chr(1) never occurs in an account id: billing account and sub-account as one key.
    const owned = accounts.map(([billing, sub]) => sqlString(`${billing}\u0001${sub}`)).join(", ");
    const select = columns.map((c) => {
      if (format === "csv" && c.type.startsWith("DECIMAL"))
        return `rtrim(rtrim(CAST(${id(c.name)} AS VARCHAR), '0'), '.') AS ${id(c.name)}`;
      if (format === "csv" && c.type.startsWith("TIMESTAMP"))
        return `strftime(${id(c.name)}, '%Y-%m-%dT%H:%M:%SZ') AS ${id(c.name)}`;
      return id(c.name);
    });
    const lines = `SELECT ${select.join(", ")} FROM ${source}
      WHERE CAST(BillingAccountId AS VARCHAR) || chr(1) || ${subAccount} IN (${owned})
      ORDER BY ChargePeriodStart, filename, file_row_number`;
    const options = format === "csv" ? "FORMAT csv, HEADER" : "FORMAT parquet, COMPRESSION zstd";
    const written = await connection.runAndReadAll(`COPY (${lines}) TO ${sqlString(out)} (${options})`);
    return Number(written.getRows()[0]?.[0] ?? 0);
  });
}
