import {
  AMOUNT_SCALE,
  FOCUS_BILLING_COLUMNS,
  FOCUS_LINE_RULES,
  FOCUS_OPTIONAL_COLUMNS,
  FOCUS_VENDOR_COLUMNS,
  type FocusColumnRule,
  type FocusRefusalReason,
} from "@guichet/domain";
import { sqlIdentifier as id, sqlString } from "./duckdb.js";

/**
 * The SQL that reads a FOCUS file in DuckDB: each billing column typed (amounts as
 * DECIMAL(38,18), timestamps as TIMESTAMPTZ), every other column as it comes; the rules as SQL,
 * a boolean per scope for the import's one pass (brokenSql) and a bit mask per line for the
 * refusal's report (badMaskSql), which alone reads the file again, to number its lines.
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

/**
 * The columns whose values change from line to line: the amounts and the charge period (all
 * required, which brokenValue relies on). Every
 * other column the rules check takes few values in a file (a currency, a few categories, the
 * accounts, services and billing periods), so the import checks those once per distinct
 * combination of values, after a first group-by, rather than once per line (stageDailyCosts):
 * the checks then cost little more than DuckDB's own read_csv + group-by (issue 17).
 */
const LINE_COLUMNS: ReadonlySet<string> = new Set([
  "BilledCost",
  "ListCost",
  "EffectiveCost",
  "ChargePeriodStart",
  "ChargePeriodEnd",
]);

/** Which rules: all of them (a refusal's report), those of a line's own values, or the others. */
export type RuleScope = "all" | "line" | "grouped";

const inScope = (column: string, scope: RuleScope) =>
  scope === "all" || (scope === "line") === LINE_COLUMNS.has(column);

function ruleChecks(columns: readonly string[], scope: RuleScope): Array<[FocusBit, string]> {
  const vendor = vendorNameSql(columns);
  const all: Array<[FocusBit, string]> = [
    ...FOCUS_BILLING_COLUMNS.flatMap(checks),
    [{ column: vendor.column, reason: "missing" }, `${vendor.sql} IS NULL OR trim(${vendor.sql}) = ''`],
    ...FOCUS_LINE_RULES.map((r): [FocusBit, string] => [
      { column: r.column, reason: r.rule },
      LINE_RULE_SQL[r.rule],
    ]),
  ];
  return all.filter(([bit]) => inScope(bit.column, scope));
}

/** `__bad`: for each line, the bit mask of the rules it breaks (0 for a good line), and the bits. */
export function badMaskSql(columns: readonly string[]): { sql: string; bits: FocusBit[] } {
  const all = ruleChecks(columns, "all");
  const sql = all.map(([, cond], bit) => `(CAST(coalesce(${cond}, false) AS BIGINT) << ${bit})`).join(" | ");
  return { sql, bits: all.map(([bit]) => bit) };
}

/** True where any of `conditions` holds (each may be NULL on a NULL value: false then). */
const anyOf = (conditions: readonly string[]) =>
  conditions.map((cond) => `coalesce(${cond}, false)`).join(" OR ");

/**
 * Whether a line's own value (LINE_COLUMNS: required amounts and timestamps) breaks any of its
 * checks(), in one test: a blank value does not cast either, and a value with too many decimals is
 * longer than AMOUNT_SCALE + 1 characters. The same verdict with a fraction of the work, as it
 * runs on every line.
 */
function brokenValue(rule: FocusColumnRule): string {
  const v = text(rule.column);
  if (rule.check.kind === "timestamp") return `${v} IS NULL OR TRY_CAST(${v} AS TIMESTAMPTZ) IS NULL`;
  return `${v} IS NULL OR TRY_CAST(${v} AS ${DECIMAL}) IS NULL OR (length(${v}) > ${AMOUNT_SCALE + 1} AND regexp_matches(${v}, '\\.[0-9]{${AMOUNT_SCALE + 1},}'))`;
}

/** True where a value breaks one of the rules of `scope` (which, a refusal asks badMaskSql). */
export function brokenSql(columns: readonly string[], scope: Exclude<RuleScope, "all">): string {
  if (scope === "grouped") return anyOf(ruleChecks(columns, scope).map(([, cond]) => cond));
  const values = FOCUS_BILLING_COLUMNS.filter((r) => LINE_COLUMNS.has(r.column)).map(brokenValue);
  const between = FOCUS_LINE_RULES.filter((r) => LINE_COLUMNS.has(r.column)).map(
    (r) => LINE_RULE_SQL[r.rule],
  );
  return anyOf([...values, ...between]);
}

/** The columns a first group-by keeps as they come, to check once per distinct combination. */
export function groupedColumns(columns: readonly string[]): string[] {
  const checked = [
    ...FOCUS_BILLING_COLUMNS.map((r) => r.column),
    ...FOCUS_VENDOR_COLUMNS,
    ...FOCUS_OPTIONAL_COLUMNS,
  ];
  return checked.filter((c) => columns.includes(c) && !LINE_COLUMNS.has(c));
}

/**
 * Of groupedColumns, those a rule checks or a partition key reads: all but the optional ones,
 * whose many values (sub-accounts, regions) no rule looks at.
 */
export function ruledColumns(columns: readonly string[]): string[] {
  const optional: readonly string[] = FOCUS_OPTIONAL_COLUMNS;
  return groupedColumns(columns).filter((c) => !optional.includes(c));
}

/**
 * The partition keys of a line, or of a group of lines with the same values: `period` (YYYY-MM of
 * BillingPeriodStart), `vendor` (a slug of the vendor's name) and `account_key` (the billing
 * account, made safe for a folder name and kept distinct by a hash).
 */
export function partitionKeysSql(columns: readonly string[]): string {
  const vendorName = vendorNameSql(columns).sql;
  return `${vendorName} AS __vendor_name,
    coalesce(strftime(${ts("BillingPeriodStart")}, '%Y-%m'), 'invalid') AS period,
    coalesce(nullif(trim(regexp_replace(lower(${vendorName}), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'invalid') AS vendor,
    coalesce(left(regexp_replace(${text("BillingAccountId")}, '[^A-Za-z0-9]+', '_', 'g'), 40) || '-' || left(md5(${text("BillingAccountId")}), 8), 'invalid') AS account_key`;
}

/**
 * SELECT of every line of an accepted file, typed (`typedSql`), with its partition keys: what the
 * detailed lines' Parquet keeps.
 */
export function stagedLinesSql(source: string, columns: readonly string[]): string {
  return `SELECT ${typedSql(columns)}, ${partitionKeysSql(columns)} FROM ${source}`;
}

/** `columns` of the file, each billing column typed (typed()) under its own name, the others as they come. */
export function typedSql(columns: readonly string[]): string {
  const rules = new Map(FOCUS_BILLING_COLUMNS.map((r) => [r.column, r]));
  return columns
    .map((c) => {
      const rule = rules.get(c);
      return rule ? `${typed(rule)} AS ${id(c)}` : id(c);
    })
    .join(", ");
}
