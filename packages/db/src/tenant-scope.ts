import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import type { Database, Db } from "./client.js";

/** '*' for the provider's own staff; otherwise the id of the organisation the request works in. */
export type TenantScope = "*" | (string & {});

const current = new AsyncLocalStorage<Db>();

/**
 * Runs `fn` in one transaction as the role `guichet_app`, with row-level security keyed on the
 * tenant (migration 0003). Inside it, the database handed out by `scopedDatabase` is this
 * transaction: every query of the request sees only its tenant's rows, and a refused request
 * leaves nothing behind.
 */
export async function runInTenant<T>(
  database: Database,
  tenant: TenantScope,
  fn: () => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    // One round trip: the tenant, and the role row-level security applies to, for this transaction only.
    await tx.execute(
      sql`select set_config('guichet.tenant', ${tenant}, true), set_config('role', 'guichet_app', true)`,
    );
    return current.run(tx as unknown as Db, fn);
  });
}

/**
 * The same database whose `db` is the current tenant transaction when there is one, and the
 * owner's connection otherwise (authentication, sweeps, public routes).
 */
export function scopedDatabase(database: Database): Database {
  const root = database.db;
  const db = new Proxy(root, {
    get(_target, property) {
      const target = current.getStore() ?? root;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { kind: database.kind, db, ping: () => database.ping(), close: () => database.close() };
}
