import { open } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FocusRefusalReason } from "@guichet/domain";
import { DAILY_TABLE, stageDailyCosts } from "./daily-costs.js";
import { sqlIdentifier } from "./duckdb.js";
import { badMaskSql, type FocusFormat, missingColumns, sourceSql } from "./focus-sql.js";

/** Why a FOCUS file is refused, naming the file, the line and the column (MCR-BIL-01). */
export interface FocusRefusal {
  file: string;
  reason: FocusRefusalReason | "missingColumn" | "unreadable" | "empty";
  /** 1-based line of data (the header is not counted). */
  row?: number;
  column?: string;
  value?: string | null;
  allowed?: readonly string[];
  detail?: string;
  /** How many lines break a rule in all. */
  badLines?: number;
}

export class FocusRefusedError extends Error {
  constructor(readonly refusal: FocusRefusal) {
    super(
      `${refusal.file}: ${refusal.reason}${refusal.row ? ` at row ${refusal.row}` : ""}${refusal.column ? `, column ${refusal.column}` : ""}`,
    );
    this.name = "FocusRefusedError";
  }
}

/** One (billing period, vendor, billing account) of a staged file: what a restatement replaces. */
export interface StagedUnit {
  period: string;
  vendor: string;
  vendorName: string;
  billingAccountId: string;
  accountKey: string;
  lineCount: number;
}

/** Parquet files start with PAR1, gzip with 1f 8b; anything else is read as CSV. */
export async function sniffFormat(path: string): Promise<FocusFormat> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead === 4 && buffer.toString("latin1") === "PAR1") return "parquet";
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return "csv.gz";
    return "csv";
  } finally {
    await handle.close();
  }
}

function duckMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The first line of the file that breaks a rule, its column, value and rule, and how many lines
 * break one: a second read of the file, numbering its lines, made only when a refusal is certain.
 */
async function firstBadLine(
  connection: DuckDBConnection,
  path: string,
  format: FocusFormat,
  columns: readonly string[],
): Promise<Omit<FocusRefusal, "file">> {
  const numbered = sourceSql(path, format, true);
  const { sql: mask, bits } = badMaskSql(columns);
  const bad = await connection.runAndReadAll(
    `SELECT min(__row) AS row, count(*) AS lines, arg_min(__bad, __row) AS mask
       FROM (SELECT __row, ${mask} AS __bad FROM ${numbered}) WHERE __bad <> 0`,
  );
  const first = bad.getRowObjectsJson()[0] ?? {};
  const row = Number(first.row);
  const flags = BigInt(String(first.mask));
  const bit = bits.find((_, i) => (flags >> BigInt(i)) & 1n) ?? { column: "?", reason: "missing" as const };
  const raw = await connection.runAndReadAll(
    `SELECT CAST(${sqlIdentifier(bit.column)} AS VARCHAR) AS value FROM ${numbered} WHERE __row = ${row}`,
  );
  const value = raw.getRowObjectsJson()[0]?.value;
  return {
    reason: bit.reason,
    row,
    column: bit.column,
    value: value === null || value === undefined ? null : String(value),
    allowed: bit.allowed,
    badLines: Number(first.lines),
  };
}

/**
 * Reads a FOCUS file once, every rule checked in the same pass, straight into the import's daily
 * sums (stageDailyCosts, the table `daily` of this DuckDB): no line is written anywhere on the
 * way, and the values that repeat are checked once each, which is what keeps an import near
 * DuckDB's own read_csv + group-by (issue 17). Then asks the sums whether any line broke a rule, and throws
 * FocusRefusedError naming the first line that does (a second read, only on refusal). The detailed
 * lines' Parquet is written later, off the import's critical path (detailed-lines.ts).
 */
export async function stageFocusFile(
  connection: DuckDBConnection,
  path: string,
  file: string,
  fileIndex: number,
): Promise<{ units: StagedUnit[]; columns: string[] }> {
  const refuse = (refusal: Omit<FocusRefusal, "file">): never => {
    throw new FocusRefusedError({ file, ...refusal });
  };
  const format = await sniffFormat(path);
  const source = sourceSql(path, format);
  let columns: string[] = [];
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    columns = described.getRowObjectsJson().map((r) => String(r.column_name));
  } catch (error) {
    refuse({ reason: "unreadable", detail: duckMessage(error) });
  }
  const [missing] = missingColumns(columns);
  if (missing) refuse({ reason: "missingColumn", column: missing });

  try {
    await stageDailyCosts(connection, fileIndex, source, columns);
  } catch (error) {
    refuse({ reason: "unreadable", detail: duckMessage(error) });
  }
  const units = await connection.runAndReadAll(
    `SELECT period, vendor, account_key, any_value(vendor_name) AS vendor_name,
            any_value(billing_account_id) AS billing_account_id, sum(line_count) AS lines,
            sum(bad_lines) AS bad_lines
       FROM ${DAILY_TABLE} WHERE file = ${fileIndex} GROUP BY ALL ORDER BY ALL`,
  );
  const rows = units.getRowObjectsJson();
  if (rows.length === 0) refuse({ reason: "empty" });
  if (rows.some((u) => Number(u.bad_lines) > 0))
    refuse(await firstBadLine(connection, path, format, columns));
  const result = rows.map(
    (u): StagedUnit => ({
      period: String(u.period),
      vendor: String(u.vendor),
      vendorName: String(u.vendor_name),
      billingAccountId: String(u.billing_account_id),
      accountKey: String(u.account_key),
      lineCount: Number(u.lines),
    }),
  );
  return { units: result, columns };
}
