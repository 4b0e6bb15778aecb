import { type Db, subscriptionPeriods, subscriptions } from "@guichet/db";
import { addDays, type Contract } from "@guichet/domain";
import { and, asc, desc, eq, gt, lte, type SQLWrapper, sql } from "drizzle-orm";

/** A subscription with the period of its history in force on a date (issue 16). */
export interface SubscriptionInForce {
  subscriptionId: string;
  catalogueItemId: string;
  startsOn: string;
  endsOn: string | null;
  effectiveFrom: string;
  /** The support plan of a support-plan subscription (the catalogue item's, for rows older than the history). */
  plan: string | null;
  tenancy: "single" | "multi" | null;
  monthlyPriceCents: number | null;
  minimumMonths: number | null;
  noticeMonths: number | null;
  commitmentEnd: string | null;
  status: "active" | "suspended" | "terminated";
  cause: string;
  clause: string;
}

/** What a period of the history says (read alone in subscriptionsInForce's lateral join). */
const periodFields = {
  effectiveFrom: subscriptionPeriods.effectiveFrom,
  plan: subscriptionPeriods.plan,
  tenancy: subscriptionPeriods.tenancy,
  monthlyPriceCents: subscriptionPeriods.monthlyPriceCents,
  minimumMonths: subscriptionPeriods.minimumMonths,
  noticeMonths: subscriptionPeriods.noticeMonths,
  commitmentEnd: subscriptionPeriods.commitmentEnd,
  status: subscriptionPeriods.status,
  cause: subscriptionPeriods.cause,
  clause: subscriptionPeriods.clause,
};

const periodColumns = {
  subscriptionId: subscriptions.id,
  catalogueItemId: subscriptions.catalogueItemId,
  startsOn: subscriptions.startsOn,
  endsOn: subscriptions.endsOn,
  ...periodFields,
};

/** The plan a support-plan item subscribes to, from the contract. */
export function planOfItem(contract: Contract, catalogueItemId: string): string | null {
  const item = contract.catalogue.items.find((i) => i.id === catalogueItemId);
  return item?.kind === "support-plan" ? (item.plan ?? null) : null;
}

function withItemPlan(contract: Contract, row: SubscriptionInForce): SubscriptionInForce {
  return row.plan === null ? { ...row, plan: planOfItem(contract, row.catalogueItemId) } : row;
}

/**
 * What each subscription of an organisation was on a date (a civil date in the provider's zone):
 * the last period of its history from that date or before, the last recorded winning a tie.
 * Subscriptions not yet started on that date are left out; terminated ones are kept, as such.
 * A subscription written without a history (older fixtures) reads as active from its start.
 */
export async function subscriptionsInForce(
  db: Db,
  contract: Contract,
  organisationId: string,
  onDate: string,
): Promise<SubscriptionInForce[]> {
  const period = db
    .select(periodFields)
    .from(subscriptionPeriods)
    .where(
      and(
        eq(subscriptionPeriods.subscriptionId, subscriptions.id),
        lte(subscriptionPeriods.effectiveFrom, onDate),
      ),
    )
    .orderBy(desc(subscriptionPeriods.effectiveFrom), desc(subscriptionPeriods.seq))
    .limit(1)
    .as("period");
  const rows = await db
    .select({
      subscriptionId: subscriptions.id,
      catalogueItemId: subscriptions.catalogueItemId,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
      effectiveFrom: period.effectiveFrom,
      plan: period.plan,
      tenancy: period.tenancy,
      monthlyPriceCents: period.monthlyPriceCents,
      minimumMonths: period.minimumMonths,
      noticeMonths: period.noticeMonths,
      commitmentEnd: period.commitmentEnd,
      status: period.status,
      cause: period.cause,
      clause: period.clause,
    })
    .from(subscriptions)
    .leftJoinLateral(period, sql`true`)
    .where(and(eq(subscriptions.organisationId, organisationId), lte(subscriptions.startsOn, onDate)))
    .orderBy(asc(subscriptions.startsOn), asc(subscriptions.catalogueItemId));
  return rows.map((row) =>
    withItemPlan(contract, {
      ...row,
      effectiveFrom: row.effectiveFrom ?? row.startsOn,
      status: row.status ?? (row.endsOn !== null && row.endsOn < onDate ? "terminated" : "active"),
      cause: row.cause ?? "started",
      clause: row.clause ?? "GEN-01",
    }),
  );
}

/**
 * Periods recorded to take effect after a date: the changes to come (a plan change, a termination).
 * Of rows of one subscription and date the last recorded wins; a cancellation (issue 16, cause
 * "plan-change-cancelled") restores what was in force, so it is no change to come.
 */
export async function periodsToCome(
  db: Db,
  contract: Contract,
  organisationId: string,
  afterDate: string,
): Promise<SubscriptionInForce[]> {
  const rows = await db
    .select(periodColumns)
    .from(subscriptionPeriods)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionPeriods.subscriptionId))
    .where(
      and(
        eq(subscriptionPeriods.organisationId, organisationId),
        gt(subscriptionPeriods.effectiveFrom, afterDate),
      ),
    )
    .orderBy(asc(subscriptionPeriods.effectiveFrom), asc(subscriptionPeriods.seq));
  const winners = new Map<string, (typeof rows)[number]>();
  for (const row of rows) winners.set(`${row.subscriptionId}/${row.effectiveFrom}`, row);
  return [...winners.values()]
    .filter((row) => row.cause !== CANCELLED_CHANGE)
    .map((row) => withItemPlan(contract, row));
}

/** The cause of a period withdrawing a plan change to come (issue 16): what was in force goes on. */
export const CANCELLED_CHANGE = "plan-change-cancelled";

/** A subscription's whole history, oldest first, in recording order. */
export async function historyOf(
  db: Db,
  contract: Contract,
  subscriptionId: string,
): Promise<SubscriptionInForce[]> {
  const rows = await db
    .select(periodColumns)
    .from(subscriptionPeriods)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionPeriods.subscriptionId))
    .where(eq(subscriptionPeriods.subscriptionId, subscriptionId))
    .orderBy(asc(subscriptionPeriods.effectiveFrom), asc(subscriptionPeriods.seq));
  return rows.map((row) => withItemPlan(contract, row));
}

/** The support subscription in force on a date: the active support-plan subscription, if any. */
export function supportSubscriptionAmong(
  contract: Contract,
  held: readonly SubscriptionInForce[],
): SubscriptionInForce | undefined {
  return held
    .filter((s) => s.status !== "terminated" && planOfItem(contract, s.catalogueItemId) !== null)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
}

/**
 * The plan in force of a subscription, as SQL (the desk's intake reads it in its one statement):
 * its last period's plan on the date, else null (the catalogue item's plan applies).
 */
export function planInForceSql(subscriptionId: SQLWrapper, onDate: SQLWrapper): SQLWrapper {
  return sql`(select ${subscriptionPeriods.plan} from ${subscriptionPeriods}
    where ${subscriptionPeriods.subscriptionId} = ${subscriptionId} and ${subscriptionPeriods.effectiveFrom} <= ${onDate}
    order by ${subscriptionPeriods.effectiveFrom} desc, ${subscriptionPeriods.seq} desc limit 1)`;
}

/**
 * `subscriptions.ends_on` for a subscription ended from `effective` (the first day it is no longer
 * held): the day before, never before its start (the projection's check).
 */
export function lastDayHeld(effective: string, startsOn: string): string {
  const dayBefore = addDays(effective, -1);
  return dayBefore < startsOn ? startsOn : dayBefore;
}
