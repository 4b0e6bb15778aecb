import { type Db, loginThrottle } from "@guichet/db";
import { eq, inArray, sql } from "drizzle-orm";

/**
 * Sign-in throttling that cannot be turned against the people it protects (issue 14, OWASP
 * Authentication Cheat Sheet): no key is the account alone, so nobody can lock an owner out by
 * knowing her address.
 *
 * - `pair` (account, client address): the guesses of one address at one account. After `free`
 *   failures each further one makes that address wait before trying that account again, twice as
 *   long each time up to `maxDelayMs`. Its owner, from any other address, is not slowed at all.
 * - `address` (client address): the guesses of one address at any account, with a larger
 *   allowance; it slows that address only. Behind a reverse proxy the client address is the real
 *   one only with TRUST_PROXY set (README), or every user would share the proxy's.
 *
 * Failures count for unknown accounts exactly as for real ones, and a waiting attempt is refused
 * before any password is checked: the answers and their timing say nothing of whether an account
 * exists. Counts start again once `windowMs` passed since a key's first failure; a success clears
 * its pair.
 */
export const THROTTLE_RULES = {
  pair: { free: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
  address: { free: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 },
} as const;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

export interface ThrottleKeys {
  pair: string;
  address: string;
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${account}|${address}`, address: `address:${address}` };
}

/** The wait imposed after a key's `failures`-th failure: none within the allowance, then doubling. */
export function delayAfter(scope: ThrottleScope, failures: number): number {
  const rule = THROTTLE_RULES[scope];
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(30, failures - rule.free));
}

/** Until when this client must wait before its next try at this account (undefined: it may try now). */
export async function waitUntil(db: Db, keys: ThrottleKeys, now: Date): Promise<Date | undefined> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.pair, keys.address]));
  const until = rows
    .map((row) => row.lockedUntil)
    .filter((date): date is Date => date !== null && date > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until;
}

/**
 * Counts one failure on the given keys (both for a wrong guess; the address alone for a try made
 * while told to wait, so hammering costs that address more), and sets when each may try again.
 */
export async function recordFailure(
  db: Db,
  keys: ThrottleKeys,
  now: Date,
  scopes: readonly ThrottleScope[] = ["pair", "address"],
): Promise<void> {
  for (const scope of scopes) {
    const key = keys[scope];
    const rule = THROTTLE_RULES[scope];
    const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
    const nowSql = sql`${now.toISOString()}::timestamptz`;
    const fresh = sql`${loginThrottle.windowStartedAt} < ${windowStart}`;
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${fresh} then 1 else ${loginThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${fresh} then ${nowSql} else ${loginThrottle.windowStartedAt} end`,
        },
      })
      .returning({ failures: loginThrottle.failures });
    const delay = delayAfter(scope, row?.failures ?? 1);
    if (delay > 0) {
      await db
        .update(loginThrottle)
        .set({ lockedUntil: new Date(now.getTime() + delay) })
        .where(eq(loginThrottle.key, key));
    }
  }
}

/** A correct sign-in: this address's guesses at this account are forgotten. */
export async function clearFailures(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
}
