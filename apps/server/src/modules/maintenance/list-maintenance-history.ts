import { type Db, maintenanceWindows } from "@guichet/db";
import { type Contract, heldDuring, type Locale, localDateIn } from "@guichet/domain";
import { and, desc, eq, inArray, isNotNull, lt, lte, or } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { heldSubscriptions } from "./list-maintenance.js";
import {
  type Cancellation,
  type MaintenanceWindow,
  presentListed,
  type TMaintenanceListed,
} from "./present-maintenance.js";

export interface MaintenanceHistoryPage {
  items: TMaintenanceListed[];
  /** The id to pass as `before` for the next page; null on the last one. */
  next: string | null;
}

type Cursor = Pick<MaintenanceWindow, "startsAt" | "id">;

/**
 * Announcements no longer in force, ended or cancelled, latest start first (DSN-SUP-07): what was
 * announced and what became of it. The provider sees all of them, with who cancelled and why; a
 * customer those of services it held at some time during the window, without who cancelled (its
 * people were told the reason by mail). Keyset pages: `before` is the previous page's last id; an
 * id that names no announcement gives an empty page.
 */
export async function listMaintenanceHistory(
  db: Db,
  contract: Contract,
  viewer: { organisationId: string | null },
  page: { before?: string | undefined; limit: number },
  now: Date,
  locale: Locale,
): Promise<MaintenanceHistoryPage> {
  const none = { items: [], next: null };
  const { organisationId } = viewer;
  const held = organisationId === null ? undefined : await heldSubscriptions(db, organisationId);
  if (held?.length === 0) return none;
  let cursor: Cursor | undefined;
  if (page.before) {
    [cursor] = await db
      .select({ startsAt: maintenanceWindows.startsAt, id: maintenanceWindows.id })
      .from(maintenanceWindows)
      .where(eq(maintenanceWindows.id, page.before));
    if (!cursor) return none;
  }
  const timeZone = timeZoneOf(contract);
  const visible = (w: MaintenanceWindow) =>
    !held ||
    held.some(
      (s) =>
        s.item === w.catalogueItemId &&
        heldDuring(s, localDateIn(w.startsAt, timeZone), localDateIn(w.endsAt, timeZone)),
    );

  const found: MaintenanceWindow[] = [];
  // A customer's windows are narrowed after reading (subscription periods are local dates): read
  // on until the page is full or nothing is left.
  for (;;) {
    const batch = await db
      .select()
      .from(maintenanceWindows)
      .where(
        and(
          or(lte(maintenanceWindows.endsAt, now), isNotNull(maintenanceWindows.cancelledAt)),
          held
            ? inArray(maintenanceWindows.catalogueItemId, [...new Set(held.map((s) => s.item))])
            : undefined,
          cursor ? before(cursor) : undefined,
        ),
      )
      .orderBy(desc(maintenanceWindows.startsAt), desc(maintenanceWindows.id))
      .limit(page.limit + 1);
    found.push(...batch.filter(visible));
    const last = batch.at(-1);
    if (found.length > page.limit || batch.length <= page.limit || !last) break;
    cursor = last;
  }

  const items = found.slice(0, page.limit);
  const cancellationOf = (w: MaintenanceWindow): Cancellation | undefined =>
    organisationId === null && w.cancelledByLabel
      ? { by: w.cancelledByLabel, reason: w.cancellationReason }
      : undefined;
  return {
    items: items.map((w) => presentListed(contract, w, now, locale, cancellationOf(w))),
    next: found.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Listed after `cursor` in the history's order: latest start first, then by id. */
function before(cursor: Cursor) {
  return or(
    lt(maintenanceWindows.startsAt, cursor.startsAt),
    and(eq(maintenanceWindows.startsAt, cursor.startsAt), lt(maintenanceWindows.id, cursor.id)),
  );
}
