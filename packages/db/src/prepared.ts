import { createHash } from "node:crypto";
import { getTableColumns, type Query, type SQL, sql } from "drizzle-orm";
import { PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "./client.js";

const dialect = new PgDialect();

/**
 * A statement whose every value is a placeholder (`sql.placeholder`), rendered once: a call sends
 * only its values. It runs as a named prepared statement, named after its text, so PostgreSQL
 * parses and plans it once per connection as well. For the busiest statements, where building
 * the text on every call (drizzle walks every chunk) cost more than running it.
 */
export interface CompiledStatement {
  readonly name: string;
  readonly query: Query;
}

export function compileStatement(statement: SQL): CompiledStatement {
  const query = dialect.sqlToQuery(statement);
  return { name: `g_${createHash("sha1").update(query.sql).digest("hex").slice(0, 20)}`, query };
}

/**
 * Runs a compiled statement with the values of its placeholders, in the caller's transaction if
 * `db` is one. Rows come back as the database returns them, named by their column aliases.
 */
export async function executeCompiled<T>(
  db: Pick<Db, "_">,
  statement: CompiledStatement,
  values: Record<string, unknown>,
): Promise<T[]> {
  const prepared = db._.session.prepareQuery(statement.query, undefined, statement.name, false);
  return rowsOf<T>(await prepared.execute(values));
}

/**
 * Compiles a statement once per shape: `build` is called with each new shape (how many rows an
 * insert has, which columns it gives) and its result kept for the next calls of that shape, found
 * by `keyOf`.
 */
export function compiledByShape<S>(
  keyOf: (shape: S) => string,
  build: (shape: S) => SQL,
): (shape: S) => CompiledStatement {
  const compiled = new Map<string, CompiledStatement>();
  return (shape) => {
    const key = keyOf(shape);
    let statement = compiled.get(key);
    if (!statement) {
      statement = compileStatement(build(shape));
      compiled.set(key, statement);
    }
    return statement;
  };
}

/**
 * `insert into <table> (<columns>) select … from jsonb_to_recordset(<rows>) as r(<key> <type>, …)`:
 * the rows come as one JSON array (rowsJson), whatever their number, keyed by the table's property
 * names (the record's column list maps each key to its column's type), so the statement's text
 * depends only on which keys they give. `computed` columns take SQL of the statement's, `wrap`
 * can wrap a given column's value (`r."<key>"`) in SQL, and `join` names a part of the statement
 * each row is joined with (no row is inserted when it is empty). Columns left out take their
 * database default; a default computed in JavaScript cannot be, so such a column must be given.
 */
export function insertFromJson(
  table: PgTable,
  keys: readonly string[],
  rows: SQL,
  options: { computed?: Record<string, SQL>; wrap?: (key: string, value: SQL) => SQL; join?: SQL } = {},
): SQL {
  const columns = getTableColumns(table);
  const computed = Object.entries(options.computed ?? {});
  const given = new Set([...keys, ...computed.map(([key]) => key)]);
  for (const [key, column] of Object.entries(columns))
    if (!given.has(key) && (column.defaultFn || column.onUpdateFn))
      throw new Error(`insertFromJson: ${key} has a default computed in JavaScript; give its value`);
  const columnOf = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`insertFromJson: ${key} is not a column of the table`);
    return column;
  };
  const wrap = options.wrap ?? ((_key, value) => value);
  const values = [
    ...keys.map((key) => wrap(key, sql`r.${sql.identifier(key)}`)),
    ...computed.map(([, value]) => value),
  ];
  const names = [...keys, ...computed.map(([key]) => key)].map((key) => sql.identifier(columnOf(key).name));
  const record = keys.map((key) => sql`${sql.identifier(key)} ${sql.raw(recordTypeOf(columnOf(key)))}`);
  return sql`insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(values, sql`, `)} from jsonb_to_recordset(${rows}) as r(${sql.join(record, sql`, `)})${options.join ? sql`, ${options.join}` : sql``}`;
}

/** A column's type in a record's column list, where serial types are their integers. */
function recordTypeOf(column: { getSQLType(): string }): string {
  const type = column.getSQLType();
  return type === "bigserial"
    ? "bigint"
    : type === "serial"
      ? "integer"
      : type === "smallserial"
        ? "smallint"
        : type;
}

/**
 * The rows for insertFromJson: one JSON array, keyed by the table's property names as the rows
 * are. Dates become ISO 8601 instants and JSON columns stay JSON, as the columns take them.
 */
export function rowsJson(rows: readonly object[]): string {
  return JSON.stringify(rows);
}
