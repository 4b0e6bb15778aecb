import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { claimDataDir } from "./data-dir-lock.js";
import * as schema from "./schema/index.js";

/** The one database type the rest of the code sees, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** The connection pool's counts, for metrics (PostgreSQL only). */
  readonly pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  /**
   * Calls `listener` with the seconds each query took, from sending to answer, on every
   * connection of the pool (PostgreSQL only; PGlite runs in process and is measured as requests).
   */
  observeQueries?(listener: (seconds: number) => void): void;
  /** The embedded database's data directory as a gzip'd tar (PGlite only), for backups. */
  dumpDataDir?(): Promise<Blob>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes the connection pool or the embedded instance, flushing it to disk. */
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgresql"; url: string; poolSize?: number }
  /** `dataDir` undefined means in memory (tests); `loadDataDir` fills a new one from a dump (restore). */
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob };

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite (real PostgreSQL in
 * WebAssembly) persisted under `dataDir`. Both speak the same SQL and run the same migrations.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A pool error on an idle client must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const observers: ((seconds: number) => void)[] = [];
    pool.on("connect", (client) => timeQueries(client, observers));
    const db = drizzlePostgres(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgresql",
      pool,
      observeQueries: (listener) => {
        observers.push(listener);
      },
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const release = target.dataDir ? claimDataDir(target.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(
      target.dataDir,
      target.loadDataDir ? { loadDataDir: target.loadDataDir } : {},
    );
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    dumpDataDir: () => client.dumpDataDir("gzip"),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * Times the queries of one pooled connection for the observers, whether called with a promise
 * (transactions) or a callback (`pool.query`); nothing is measured while there are none.
 */
function timeQueries(client: pg.PoolClient, observers: ((seconds: number) => void)[]): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    if (observers.length === 0) return query(...args);
    const start = performance.now();
    const done = () => {
      const seconds = (performance.now() - start) / 1000;
      for (const observer of observers) observer(seconds);
    };
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (...answer: unknown[]) => {
        done();
        return callback(...answer);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  }) as typeof client.query;
}

/** The rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
