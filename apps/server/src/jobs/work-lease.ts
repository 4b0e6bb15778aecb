import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type Db, rowsOf } from "@guichet/db";
import { sql } from "drizzle-orm";

/** The lease under which one server process of a deployment runs the once-only background work. */
export const BACKGROUND_WORK_LEASE = "background-work";

/** This process as a lease holder: readable in the table (host and pid), unique across restarts. */
export const PROCESS_HOLDER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/** Who holds `name` now, and until when; undefined when no one does. */
export async function leaseHolder(
  db: Db,
  name: string,
): Promise<{ holder: string; expiresAt: Date } | undefined> {
  const [row] = rowsOf<{ holder: string; expires_at: string }>(
    await db.execute(
      sql`select holder, expires_at::text from work_leases where name = ${name} and expires_at > clock_timestamp()`,
    ),
  );
  return row ? { holder: row.holder, expiresAt: new Date(row.expires_at) } : undefined;
}

/**
 * Takes or renews `name` for `holder` until `ttlMs` from the database's clock (one clock for all
 * processes, whatever their machines' clocks say). True when `holder` now holds it: it was free,
 * expired, or already its own. One statement, so two processes cannot both take it.
 */
export async function takeLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const result = await db.execute(sql`
    insert into work_leases (name, holder, expires_at)
    values (${name}, ${holder}, clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
      where work_leases.holder = excluded.holder or work_leases.expires_at < clock_timestamp()
    returning holder`);
  return rowsOf(result).length === 1;
}

/** Gives the lease up at a clean stop, so another process takes the work at once. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from work_leases where name = ${name} and holder = ${holder}`);
}

export interface LeaseKeeper {
  /** Whether this process holds the lease as of its last renewal. */
  held(): boolean;
  /** Stops renewing and releases the lease if held. */
  stop(): Promise<void>;
}

export interface LeaseKeeperOptions {
  db: Db;
  name: string;
  holder: string;
  /** How long a taken lease lasts without renewal: the longest a dead holder's work waits. */
  ttlMs: number;
  /** Told when this process gains (true) or loses (false) the lease. */
  onChange?: (held: boolean) => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps trying to take `name` and, once held, renews it every third of its lifetime, so a live
 * holder never lets it lapse and a dead one's is taken over within `ttlMs` plus one try.
 */
export function keepLease(options: LeaseKeeperOptions): LeaseKeeper {
  const { db, name, holder, ttlMs } = options;
  let held = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt: Promise<void> = Promise.resolve();

  const tryOnce = async () => {
    let now: boolean;
    try {
      now = await takeLease(db, name, holder, ttlMs);
    } catch (error) {
      // Database unreachable: stop the once-only work here; whoever reaches it takes the lease
      // once it runs out. Doing nothing for a while is safe, doing it twice is not.
      options.onError?.(error);
      now = false;
    }
    if (stopped) return;
    if (now !== held) {
      held = now;
      options.onChange?.(held);
    }
    timer = setTimeout(() => {
      attempt = tryOnce();
    }, ttlMs / 3);
    timer.unref();
  };
  attempt = tryOnce();

  return {
    held: () => held,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await attempt;
      if (held) {
        held = false;
        options.onChange?.(false);
        await releaseLease(db, name, holder).catch((error) => options.onError?.(error));
      }
    },
  };
}
