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

/** The shape of rows to insert: which columns they give, and how many rows. */
export interface RowsShape {
  keys: readonly string[];
  rows: number;
}

/**
 * `insert into <table> (<columns>) values (…), …` for rows whose given columns (by key) are
 * placeholders named `<prefix><row>.<key>`, filled by rowValues with the same prefix; `computed`
 * columns take SQL of the statement's, and `wrap` can wrap a placeholder in SQL. Columns left out
 * take their database default: a default computed in JavaScript would be frozen into the
 * statement, so such a column must be given.
 */
export function insertPlaceholders(
  table: PgTable,
  prefix: string,
  shape: RowsShape,
  options: { computed?: Record<string, SQL>; wrap?: (key: string, value: SQL) => SQL } = {},
): SQL {
  const columns = getTableColumns(table);
  const computed = Object.entries(options.computed ?? {});
  const given = new Set([...shape.keys, ...computed.map(([key]) => key)]);
  for (const [key, column] of Object.entries(columns))
    if (!given.has(key) && (column.defaultFn || column.onUpdateFn))
      throw new Error(`insertPlaceholders: ${key} has a default computed in JavaScript; give its value`);
  const nameOf = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`insertPlaceholders: ${key} is not a column of the table`);
    return sql.identifier(column.name);
  };
  const wrap = options.wrap ?? ((_key, value) => value);
  const rows = Array.from({ length: shape.rows }, (_, row) => {
    const values = [
      ...shape.keys.map((key) => wrap(key, sql`${sql.placeholder(`${prefix}${row}.${key}`)}`)),
      ...computed.map(([, value]) => value),
    ];
    return sql`(${sql.join(values, sql`, `)})`;
  });
  const names = [...shape.keys, ...computed.map(([key]) => key)].map(nameOf);
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) values ${sql.join(rows, sql`, `)}`;
}

/**
 * The values of insertPlaceholders' placeholders for these rows, encoded by their columns as
 * drizzle would encode them (dates, JSON). Encoded here: drizzle's own encoding of a placeholder's
 * value fails on null.
 */
export function rowValues(table: PgTable, prefix: string, rows: readonly object[]): Record<string, unknown> {
  const columns = getTableColumns(table);
  const values: Record<string, unknown> = {};
  rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row))
      values[`${prefix}${index}.${key}`] =
        value == null ? null : (columns[key]?.mapToDriverValue(value) ?? value);
  });
  return values;
}
