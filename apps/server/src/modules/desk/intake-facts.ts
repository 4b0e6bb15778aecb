import {
  compiledByShape,
  type Db,
  executeCompiled,
  intakeVersion,
  maintenanceWindows,
  namedContacts,
  organisations,
  portalOutages,
  subscriptions,
  users,
} from "@guichet/db";
import { and, eq, gt, isNull, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Locale } from "../../i18n/index.js";
import { heldOn } from "../organisations/support-plan-of.js";
import { planInForceSql } from "../subscriptions/in-force.js";
import { outageUnderWay } from "./portal-outages.js";

/** Who opens a ticket, for whom, about what, when: what the facts depend on. */
export interface FactsQuery {
  organisationId: string;
  userId: string;
  catalogueItemId: string | null;
  /** The provider's calendar date at `now`. */
  today: string;
  now: Date;
}

/**
 * What the intake rules and the acknowledgement need to know about the requester, its
 * organisation and the service today: the subscriptions held, whether the requester is a named
 * contact, whether a portal outage or a maintenance of the service is under way (MCR-SUP-03,
 * DSN-SUP-07, DSN-SUP-08), and whom to write to. `version` is the intake version they were read
 * at (migration 0012); `validUntil` the next instant an outage or a maintenance of the service
 * starts or ends, when they stop holding without any change being written.
 */
export interface IntakeFacts {
  organisationName: string;
  held: { id: string; item: string; startsOn: string; plan: string | null }[];
  isNamedContact: boolean;
  portalDown: boolean;
  maintenanceId: string | null;
  requester: { email: string; firstName: string; locale: Locale } | null;
  version: string;
  /** In milliseconds since the epoch. */
  validUntil: number | null;
}

/** The intake version now (migration 0012), as text: JavaScript numbers stop at 2^53. */
const intakeVersionSql = sql`select ${intakeVersion.version}::text from ${intakeVersion}`;

/** The facts as one row, its values as placeholders (factsValues). */
function factsSelect(withService: boolean): SQL {
  const organisationId = sql.placeholder("organisation_id");
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  const today = sql`${sql.placeholder("today")}::date`;
  // The plan of a support subscription is its period's in force today (issue 16).
  const held = sql`select coalesce(json_agg(json_build_object('id', ${subscriptions.id}, 'item', ${subscriptions.catalogueItemId}, 'startsOn', ${subscriptions.startsOn}, 'plan', ${planInForceSql(subscriptions.id, today)}) order by ${subscriptions.id}), '[]'::json)
    from ${subscriptions} where ${heldOn(organisationId, today)}`;
  const maintenance = withService
    ? sql`(select ${maintenanceWindows.id} from ${maintenanceWindows}
        where ${maintenanceUnderWay(sql.placeholder("catalogue_item_id"), now)} order by ${maintenanceWindows.id} limit 1)`
    : sql`null::uuid`;
  // The next instant an outage, or a maintenance of the service, starts or ends.
  const nextBoundary = (table: SQLWrapper, starts: SQLWrapper, ends: SQLWrapper, where: SQL) =>
    sql`(select min(b) from ${table}, lateral (values (${starts}), (${ends})) as boundary(b) where ${where} and b > ${now})`;
  const outageBoundary = nextBoundary(portalOutages, portalOutages.startsAt, portalOutages.endsAt, sql`true`);
  const maintenanceBoundary = withService
    ? nextBoundary(
        maintenanceWindows,
        maintenanceWindows.startsAt,
        maintenanceWindows.endsAt,
        sql`${maintenanceWindows.catalogueItemId} = ${sql.placeholder("catalogue_item_id")} and ${maintenanceWindows.cancelledAt} is null`,
      )
    : sql`null::timestamptz`;
  return sql`select ${organisations.name} as "organisationName", (${held}) as held,
      exists(select from ${namedContacts} where ${namedContacts.userId} = ${sql.placeholder("user_id")}) as "isNamedContact",
      exists(select from ${portalOutages} where ${outageUnderWay(now)}) as "portalDown",
      ${maintenance} as "maintenanceId",
      ${users.email} as email, ${users.firstName} as "firstName", ${users.locale} as locale,
      (${intakeVersionSql}) as version, (extract(epoch from least(${outageBoundary}, ${maintenanceBoundary})) * 1000)::float8 as "validUntil"
    from ${organisations} left join ${users} on ${users.id} = ${sql.placeholder("user_id")}
    where ${organisations.id} = ${organisationId}`;
}

/** Whether kept facts still hold: nothing they come from changed since (`version` placeholder). */
export const keptFactsHoldSql = sql`(${intakeVersionSql}) = ${sql.placeholder("version")}::text`;

/** The values of the facts' placeholders. */
function factsValues(query: FactsQuery): Record<string, unknown> {
  return {
    organisation_id: query.organisationId,
    user_id: query.userId,
    today: query.today,
    now: query.now.toISOString(),
    catalogue_item_id: query.catalogueItemId,
  };
}

const factsStatement = compiledByShape(
  (withService: boolean) => String(withService),
  (withService: boolean) => factsSelect(withService),
);

interface FactsRow extends Omit<IntakeFacts, "requester"> {
  email: string | null;
  firstName: string | null;
  locale: Locale | null;
}

/**
 * The facts last read for the same requester, organisation, service and day, kept in this process.
 * They change rarely (a subscription, a named contact, an outage), so opening a ticket decides on
 * them without reading them first, and its writing statement checks the intake version they were
 * read at: if it moved, nothing is written and the opening starts again from facts read afresh.
 * Kept facts are dropped at `validUntil`. A refusal is never decided on kept facts. Bounded: the
 * oldest are dropped first.
 */
const kept = new Map<string, IntakeFacts>();
const KEPT_AT_MOST = 2_000;

const keyOf = (query: FactsQuery) =>
  `${query.organisationId}|${query.userId}|${query.catalogueItemId ?? ""}|${query.today}`;

/** The facts kept for this query, if any (to be checked by the statement that relies on them). */
export function keptIntakeFacts(query: FactsQuery): IntakeFacts | undefined {
  const facts = kept.get(keyOf(query));
  if (facts?.validUntil != null && query.now.getTime() >= facts.validUntil) {
    kept.delete(keyOf(query));
    return undefined;
  }
  return facts;
}

/** Reads the facts in the caller's transaction, and keeps them for the next openings. */
export async function readIntakeFacts(db: Db, query: FactsQuery): Promise<IntakeFacts> {
  const [row] = await executeCompiled<FactsRow>(
    db,
    factsStatement(query.catalogueItemId !== null),
    factsValues(query),
  );
  if (!row) throw new Error(`openTicket: organisation ${query.organisationId} not visible`);
  const { email, firstName, locale, ...facts } = row;
  const read = { ...facts, requester: email && firstName && locale ? { email, firstName, locale } : null };
  const key = keyOf(query);
  kept.delete(key);
  kept.set(key, read);
  if (kept.size > KEPT_AT_MOST) kept.delete(kept.keys().next().value as string);
  return read;
}

/** A scheduled maintenance of this service under way now (DSN-SUP-07). */
function maintenanceUnderWay(catalogueItemId: string | SQLWrapper, now: Date | SQLWrapper): SQL | undefined {
  return and(
    eq(maintenanceWindows.catalogueItemId, catalogueItemId),
    lte(maintenanceWindows.startsAt, now),
    gt(maintenanceWindows.endsAt, now),
    isNull(maintenanceWindows.cancelledAt),
  );
}
