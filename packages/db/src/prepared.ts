import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "./client.js";

const dialect = new PgDialect();

/**
 * Runs a statement as a named prepared statement, named after its text: PostgreSQL parses and
 * plans it once per connection instead of on every call. For the busiest statements whose text
 * does not change from call to call (opening a ticket), in the caller's transaction.
 */
export async function executePrepared<T>(db: Db, statement: SQL): Promise<T[]> {
  const query = dialect.sqlToQuery(statement);
  const name = `g_${createHash("sha1").update(query.sql).digest("hex").slice(0, 20)}`;
  return rowsOf<T>(await db._.session.prepareQuery(query, undefined, name, false).execute());
}
