import { AsyncLocalStorage } from "node:async_hooks";
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Database, Db } from "./client.js";

/** '*' for the provider's own staff; otherwise the id of the organisation the request works in. */
export type TenantScope = "*" | (string & {});

const current = new AsyncLocalStorage<Db>();
/** The databases handed out by scopedDatabase, which stand for the current tenant transaction. */
const scopedHandles = new WeakSet<Db>();

/**
 * Runs `fn` in one transaction as the role `guichet_app`, with row-level security keyed on the
 * tenant (migration 0003); the provider's staff ('*') as `guichet_staff`, whose policies are
 * plainly true so the planner can use the indexes (migration 0005). Inside it, the database handed out by `scopedDatabase` is this
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
    const role = tenant === "*" ? "guichet_staff" : "guichet_app";
    await tx.execute(
      sql`select set_config('guichet.tenant', ${tenant}, true), set_config('role', ${role}, true)`,
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
  scopedHandles.add(db);
  return { kind: database.kind, db, ping: () => database.ping(), close: () => database.close() };
}

/**
 * Runs `fn` atomically: in the transaction `db` already is (a transaction, or the scoped database
 * inside a tenant's), else in a new one. No savepoint: the callers let errors end the enclosing
 * transaction, and a savepoint costs two round trips on the busiest writes (opening a ticket).
 */
export function atomically<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction) return fn(db as unknown as Db);
  const enclosing = scopedHandles.has(db) ? current.getStore() : undefined;
  return enclosing ? fn(enclosing) : db.transaction((tx) => fn(tx as unknown as Db));
}
