import {
  AMOUNT_SCALE,
  FOCUS_BILLING_COLUMNS,
  FOCUS_LINE_RULES,
  FOCUS_VENDOR_COLUMNS,
  type FocusColumnRule,
  type FocusRefusalReason,
} from "@guichet/domain";
import { sqlIdentifier as id, sqlString } from "./duckdb.js";

/**
 * The SQL that reads a FOCUS file once, in DuckDB: each billing column typed (amounts as
 * DECIMAL(38,18), timestamps as TIMESTAMPTZ), every other column as it comes, and for each line a
 * bit mask of the rules it breaks (`__bad`, 0 for a good line), so one pass both checks the file
 * and writes it as Parquet, and only a refusal reads the file again, to number its lines.
 */

export const DECIMAL = `DECIMAL(38,${AMOUNT_SCALE})`;

/** One bit of `__bad`: the column a refusal names, and why. */
export interface FocusBit {
  column: string;
  reason: FocusRefusalReason;
  allowed?: readonly string[];
}

export type FocusFormat = "csv" | "csv.gz" | "parquet";

/**
 * `read_csv`/`read_parquet` of the file. With `rowNumbers`, each line's 1-based number in `__row`:
 * only a refusal needs it (firstBadLine), and numbering a CSV's lines holds the whole file in one
 * ordered window, so the import's pass goes without.
 */
export function sourceSql(path: string, format: FocusFormat, rowNumbers = false): string {
  if (format === "parquet") {
    return rowNumbers
      ? `(SELECT file_row_number + 1 AS __row, * EXCLUDE (file_row_number) FROM read_parquet(${sqlString(path)}, file_row_number = true))`
      : `read_parquet(${sqlString(path)})`;
  }
  // The FOCUS sample writes empty values as the string NULL; an empty field is empty too.
  // Text throughout (all_varchar): the rules below read each value, not DuckDB's guess of its type.
  const compression = format === "csv.gz" ? "gzip" : "none";
  const csv = `read_csv(${sqlString(path)}, header = true, all_varchar = true, nullstr = ['NULL', ''], compression = '${compression}')`;
  return rowNumbers ? `(SELECT row_number() OVER () AS __row, * FROM ${csv})` : csv;
}

const text = (column: string) => `CAST(${id(column)} AS VARCHAR)`;

function typed(rule: FocusColumnRule): string {
  if (rule.check.kind === "amount") return `TRY_CAST(${text(rule.column)} AS ${DECIMAL})`;
  if (rule.check.kind === "timestamp") return `TRY_CAST(${text(rule.column)} AS TIMESTAMPTZ)`;
  if (rule.check.kind === "oneOf") {
    // FOCUS's spelling, whatever the case the file used (the FinOps sample writes "Usage-based").
    const cases = rule.check.values.map((v) => `WHEN ${sqlString(v.toLowerCase())} THEN ${sqlString(v)}`);
    return `CASE lower(${text(rule.column)}) ${cases.join(" ")} ELSE ${text(rule.column)} END`;
  }
  return text(rule.column);
}

function checks(rule: FocusColumnRule): Array<[FocusBit, string]> {
  const v = text(rule.column);
  const out: Array<[FocusBit, string]> = [];
  if (!rule.nullable)
    out.push([{ column: rule.column, reason: "missing" }, `${v} IS NULL OR trim(${v}) = ''`]);
  const present = `${v} IS NOT NULL AND trim(${v}) <> ''`;
  switch (rule.check.kind) {
    case "amount":
      out.push([
        { column: rule.column, reason: "amount" },
        `${present} AND TRY_CAST(${v} AS ${DECIMAL}) IS NULL`,
      ]);
      out.push([
        { column: rule.column, reason: "tooPrecise" },
        `${present} AND regexp_matches(${v}, '\\.[0-9]{${AMOUNT_SCALE + 1},}')`,
      ]);
      break;
    case "timestamp":
      out.push([
        { column: rule.column, reason: "timestamp" },
        `${present} AND TRY_CAST(${v} AS TIMESTAMPTZ) IS NULL`,
      ]);
      break;
    case "currency":
      out.push([
        { column: rule.column, reason: "currency" },
        `${present} AND NOT regexp_full_match(${v}, '[A-Z]{3}')`,
      ]);
      break;
    case "oneOf": {
      const values = rule.check.values;
      out.push([
        { column: rule.column, reason: "oneOf", allowed: values },
        `${present} AND lower(${v}) NOT IN (${values.map((x) => sqlString(x.toLowerCase())).join(", ")})`,
      ]);
      break;
    }
    case "text":
      break;
  }
  return out;
}

const ts = (column: string) => `TRY_CAST(${text(column)} AS TIMESTAMPTZ)`;
const LINE_RULE_SQL: Record<(typeof FOCUS_LINE_RULES)[number]["rule"], string> = {
  billingPeriodOrder: `${ts("BillingPeriodEnd")} <= ${ts("BillingPeriodStart")}`,
  chargePeriodOrder: `${ts("ChargePeriodEnd")} < ${ts("ChargePeriodStart")}`,
};

/** The columns a file lacks, of those billing requires; the vendor's counts once (either name). */
export function missingColumns(columns: readonly string[]): string[] {
  const have = new Set(columns);
  const missing = FOCUS_BILLING_COLUMNS.map((r) => r.column).filter((c) => !have.has(c));
  if (!FOCUS_VENDOR_COLUMNS.some((c) => have.has(c))) missing.push(FOCUS_VENDOR_COLUMNS.join(" / "));
  return missing;
}

function vendorNameSql(columns: readonly string[]): { column: string; sql: string } {
  const vendorColumns = FOCUS_VENDOR_COLUMNS.filter((c) => columns.includes(c));
  return {
    column: vendorColumns[0] as string,
    sql:
      vendorColumns.length > 1
        ? `coalesce(${vendorColumns.map(text).join(", ")})`
        : text(vendorColumns[0] as string),
  };
}

/** `__bad`: for each line, the bit mask of the rules it breaks (0 for a good line), and the bits. */
export function badMaskSql(columns: readonly string[]): { sql: string; bits: FocusBit[] } {
  const vendor = vendorNameSql(columns);
  const all: Array<[FocusBit, string]> = [
    ...FOCUS_BILLING_COLUMNS.flatMap(checks),
    [{ column: vendor.column, reason: "missing" }, `${vendor.sql} IS NULL OR trim(${vendor.sql}) = ''`],
    ...FOCUS_LINE_RULES.map((r): [FocusBit, string] => [
      { column: r.column, reason: r.rule },
      LINE_RULE_SQL[r.rule],
    ]),
  ];
  const sql = all.map(([, cond], bit) => `(CAST(coalesce(${cond}, false) AS BIGINT) << ${bit})`).join(" | ");
  return { sql, bits: all.map(([bit]) => bit) };
}

/**
 * SELECT of every line, typed, with `__bad`, and the partition keys: `period` (YYYY-MM of
 * BillingPeriodStart), `vendor` (a slug of the vendor's name) and `account_key` (the billing
 * account, made safe for a folder name and kept distinct by a hash).
 */
export function stagedLinesSql(source: string, columns: readonly string[]): string {
  const rules = new Map(FOCUS_BILLING_COLUMNS.map((r) => [r.column, r]));
  const vendorName = vendorNameSql(columns).sql;
  const select = columns.map((c) => {
    const rule = rules.get(c);
    return rule ? `${typed(rule)} AS ${id(c)}` : id(c);
  });
  return `SELECT ${select.join(", ")},
    ${badMaskSql(columns).sql} AS __bad,
    ${vendorName} AS __vendor_name,
    coalesce(strftime(${ts("BillingPeriodStart")}, '%Y-%m'), 'invalid') AS period,
    coalesce(nullif(trim(regexp_replace(lower(${vendorName}), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'invalid') AS vendor,
    coalesce(left(regexp_replace(${text("BillingAccountId")}, '[^A-Za-z0-9]+', '_', 'g'), 40) || '-' || left(md5(${text("BillingAccountId")}), 8), 'invalid') AS account_key
  FROM ${source}`;
}
