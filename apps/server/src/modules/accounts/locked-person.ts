import { type Db, users } from "@guichet/db";
import { and, eq, inArray, sql } from "drizzle-orm";

/** Statuses that hold an identifier: a removed (deactivated) or revoked person no longer counts. */
export const LIVE = ["invited", "active", "suspended"] as const;

/**
 * A live person of an organisation, read after taking the organisation's lock, so that changes to
 * its people's roles run one at a time (two demotions cannot each leave the other as the last
 * administrator).
 */
export async function lockedPersonOf(tx: Db, organisationId: string, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${organisationId}))`);
  const [person] = await tx
    .select()
    .from(users)
    .where(
      and(eq(users.id, userId), eq(users.organisationId, organisationId), inArray(users.status, [...LIVE])),
    );
  return person;
}
