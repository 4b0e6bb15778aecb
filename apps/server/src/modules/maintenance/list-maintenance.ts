import { type Db, maintenanceWindows, subscriptions } from "@guichet/db";
import { type Contract, heldDuring, type Locale, localDateIn } from "@guichet/domain";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { presentListed } from "./present-maintenance.js";

/** The services an organisation holds or held, with their periods (local dates). */
export function heldSubscriptions(db: Db, organisationId: string) {
  return db
    .select({
      item: subscriptions.catalogueItemId,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
    })
    .from(subscriptions)
    .where(eq(subscriptions.organisationId, organisationId));
}

/**
 * Maintenance under way or to come, soonest first (DSN-SUP-07, "message sur l'Espace Opérateurs").
 * The provider sees all of it; a customer only what concerns a service it holds between today and
 * the window's end, the same rule as the announcement mails. Past and cancelled announcements are
 * listMaintenanceHistory's.
 */
export async function listMaintenance(
  db: Db,
  contract: Contract,
  viewer: { organisationId: string | null },
  now: Date,
  locale: Locale,
) {
  const windows = await db
    .select()
    .from(maintenanceWindows)
    .where(and(gt(maintenanceWindows.endsAt, now), isNull(maintenanceWindows.cancelledAt)))
    .orderBy(asc(maintenanceWindows.startsAt));
  const { organisationId } = viewer;
  if (organisationId === null) return windows.map((w) => presentListed(contract, w, now, locale));
  const held = await heldSubscriptions(db, organisationId);
  const timeZone = timeZoneOf(contract);
  const today = localDateIn(now, timeZone);
  return windows
    .filter((w) =>
      held.some((s) => s.item === w.catalogueItemId && heldDuring(s, today, localDateIn(w.endsAt, timeZone))),
    )
    .map((w) => presentListed(contract, w, now, locale));
}
