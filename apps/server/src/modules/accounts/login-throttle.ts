import { type Db, loginThrottle } from "@guichet/db";
import { eq, sql } from "drizzle-orm";

/**
 * Sign-in throttling per account and per address. After `limit` failures inside the window the
 * key is locked for `lockMs`; the answer to a locked sign-in is the same as to a wrong password,
 * so a lockout does not reveal whether an account exists.
 */
export const THROTTLE_RULES = {
  account: { limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  address: { limit: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${value.toLowerCase()}`;
}

export async function isLocked(db: Db, key: string, now: Date): Promise<boolean> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/** Counts one failure; starts a new window when the last one has passed; locks at the limit. */
export async function recordFailure(db: Db, scope: ThrottleScope, key: string, now: Date): Promise<void> {
  const rule = THROTTLE_RULES[scope];
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${nowSql} else ${loginThrottle.windowStartedAt} end`,
      },
    });
  await db
    .update(loginThrottle)
    .set({ lockedUntil: lockUntil, failures: 0, windowStartedAt: now })
    .where(sql`${loginThrottle.key} = ${key} and ${loginThrottle.failures} >= ${rule.limit}`);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
