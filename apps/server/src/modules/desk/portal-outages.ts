import { type Db, portalOutages } from "@guichet/db";
import { and, desc, gt, isNull, lte, or, type SQL, type SQLWrapper } from "drizzle-orm";

/** A portal outage declared and under way at `now`. */
export function outageUnderWay(now: Date | SQLWrapper): SQL | undefined {
  return and(
    lte(portalOutages.startsAt, now),
    or(isNull(portalOutages.endsAt), gt(portalOutages.endsAt, now)),
  );
}

/** The portal outage declared by the provider and under way now, if any (MCR-SUP-03, DSN-SUP-08). */
export async function activePortalOutage(db: Db, now: Date) {
  const [outage] = await db
    .select({
      id: portalOutages.id,
      startsAt: portalOutages.startsAt,
      endsAt: portalOutages.endsAt,
      reason: portalOutages.reason,
    })
    .from(portalOutages)
    .where(outageUnderWay(now))
    .orderBy(desc(portalOutages.startsAt))
    .limit(1);
  return outage
    ? {
        id: outage.id,
        startsAt: outage.startsAt.toISOString(),
        endsAt: outage.endsAt?.toISOString() ?? null,
        reason: outage.reason,
      }
    : null;
}
