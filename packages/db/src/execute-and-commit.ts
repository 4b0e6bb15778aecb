import { fillPlaceholders } from "drizzle-orm";
import pg from "pg";
import type { Db } from "./client.js";
import { type CompiledStatement, executeCompiled } from "./prepared.js";

/**
 * Thrown by a caller whose transaction committed with its last statement (executeAndCommit) but
 * must be done again, from the start, in a new transaction: a request's tenant scope runs its
 * handler once more (apps/server/src/auth/tenant-scope.ts).
 */
export class RetryTransaction extends Error {
  constructor(why: string) {
    super(`the transaction must be done again: ${why}`);
  }
}

/** What pg's Connection offers a query to send the extended protocol's messages. */
interface ProtocolConnection {
  execute(config: { portal: string; rows?: number }): void;
  parse(config: { text: string }): void;
  bind(config: Record<string, never>): void;
  sync(): void;
}

/**
 * pg's query, with COMMIT sent right behind it, before the one Sync that ends the pipeline: the
 * statement and the commit reach PostgreSQL in one write, and it commits as soon as the statement
 * is done. When the statement fails, PostgreSQL skips the COMMIT (it discards messages until the
 * Sync) and the transaction stays open, aborted, for the caller's ROLLBACK.
 */
class QueryThenCommit extends pg.Query {
  /** Where pg's query sends its Execute and Sync (query.js); unused with `rows`, which is never set here. */
  _getRows(connection: ProtocolConnection, rows?: number) {
    connection.execute({ portal: "", rows });
    connection.parse({ text: "COMMIT" });
    connection.bind({});
    connection.execute({ portal: "" });
    connection.sync();
  }
}

interface PgResult {
  command: string;
  rows: unknown[];
}

/**
 * Runs a compiled statement as the last of the transaction `tx` is, and commits it in the same
 * round trip. Under PostgreSQL the locks the statement took (the audit chain's, which every write
 * holds until its commit) are released as soon as PostgreSQL is done, not once the server, busy
 * with other requests, gets round to sending COMMIT. Afterwards the transaction is over: its own
 * COMMIT or ROLLBACK (drizzle's, when the callback returns or throws) is a no-op, and any other
 * query on it is refused rather than run outside it. Under PGlite, one process with one
 * connection, the statement runs as executeCompiled and the transaction commits when it ends; on a
 * database handle outside any transaction, the statement commits by itself.
 */
export async function executeAndCommit<T>(
  tx: Db,
  statement: CompiledStatement,
  values: Record<string, unknown>,
): Promise<T[]> {
  const client = (tx._.session as unknown as { client?: unknown }).client;
  if (!(client instanceof pg.Client)) return executeCompiled<T>(tx, statement, values);
  const query = new QueryThenCommit({
    name: statement.name,
    text: statement.query.sql,
    values: fillPlaceholders(statement.query.params, values),
  });
  const results = await new Promise<PgResult | PgResult[]>((resolve, reject) => {
    (query as unknown as { callback: (error: Error | null, result: unknown) => void }).callback = (
      error,
      result,
    ) => (error ? reject(error) : resolve(result as PgResult | PgResult[]));
    client.query(query);
  });
  // Both answers, the statement's then the commit's: anything else and the commit may not have
  // happened, so the transaction is left to the caller's ROLLBACK.
  const [answer, commit] = Array.isArray(results) ? results : [results];
  if (!answer || commit?.command !== "COMMIT")
    throw new Error("executeAndCommit: PostgreSQL did not answer the statement and its COMMIT");
  endTransaction(client);
  return answer.rows as T[];
}

/**
 * The transaction on this connection has committed: the COMMIT or ROLLBACK that ends it on the
 * caller's side answers at once and gives the connection back its own query; any other query is
 * refused, as it would run outside the transaction and without its tenant's settings.
 */
function endTransaction(client: pg.Client): void {
  const own = Object.hasOwn(client, "query") ? client.query : undefined;
  const restore = () => {
    if (own) client.query = own;
    else delete (client as { query?: unknown }).query;
  };
  const ended = (config: unknown) => {
    const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
    const command = typeof text === "string" ? text.trim().toLowerCase() : "";
    if (command === "commit" || command === "rollback") {
      restore();
      return Promise.resolve({ command: command.toUpperCase(), rows: [], rowCount: null, fields: [] });
    }
    return Promise.reject(
      new Error(
        "the transaction has committed with its last statement (executeAndCommit): nothing may follow",
      ),
    );
  };
  client.query = ended as typeof client.query;
}
