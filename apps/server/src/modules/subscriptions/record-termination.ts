import { type Db, staffTasks, subscriptionPeriods, subscriptions, terminations } from "@guichet/db";
import {
  type CommitmentDecision,
  type Contract,
  decideContractTermination,
  decideServiceTermination,
  localDateIn,
  type ServiceTerms,
  terminationRulesOf,
} from "@guichet/domain";
import { eq, sql } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { lastDayHeld, type SubscriptionInForce, subscriptionsInForce } from "./in-force.js";

export interface TerminationInput {
  organisationId: string;
  scope: "contract" | "service";
  /** The subscription ended, for a service termination. */
  subscriptionId?: string;
  /** The registered letter's reception date (DSN art. 9), or the customer's notice (MCR 5.4.1). */
  noticeReceived: string;
  /** Where the contract's notice is set by the general conditions (MCR), the date the provider gives. */
  effectiveDate?: string;
}

export type TerminationResult =
  | { ok: true; terminationId: string; decision: CommitmentDecision; tasks: number }
  | { ok: false; decision: CommitmentDecision }
  | { ok: false; reason: "subscription_not_found" | "already_terminated" };

/** A subscription's terms for the domain: its specific conditions as recorded at activation (0 when not given). */
function termsOf(contract: Contract, s: SubscriptionInForce): ServiceTerms {
  const name = contract.catalogue.items.find((i) => i.id === s.catalogueItemId)?.name.fr ?? s.catalogueItemId;
  return {
    name,
    activation: s.startsOn,
    minimumMonths: s.minimumMonths ?? 0,
    monthlyPriceCents: s.monthlyPriceCents ?? 0,
    noticeMonths: s.noticeMonths ?? 0,
  };
}

/** Items that are neither included with the contract nor a support plan: what is ordered and paid. */
function isOrderedService(contract: Contract, catalogueItemId: string): boolean {
  const item = contract.catalogue.items.find((i) => i.id === catalogueItemId);
  return item !== undefined && !item.included && item.kind !== "support-plan";
}

/**
 * Staff record a termination (DSN art. 9 / DSN-ORD-04, MCR 5.4 / MCR-ORD-02): the domain decides
 * the effective date and the fees due from the letter's reception date; each subscription ended
 * gets a "terminated" period from that date (its history keeps everything before), and the
 * termination is recorded with its explanation. MCR: one task per cloud vendor for staff to notify
 * it (MCR-ORD-02); the vendor's own commitments stay due, outside this computation.
 */
export async function recordTermination(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: TerminationInput,
  now: Date,
): Promise<TerminationResult> {
  const today = localDateIn(now, timeZoneOf(contract));
  // One termination at a time per customer: a second staff member waits, then sees the first's.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`termination:${input.organisationId}`}))`);
  const live = (await subscriptionsInForce(tx, contract, input.organisationId, today)).filter(
    (s) => s.status !== "terminated" && s.endsOn === null,
  );
  const rules = terminationRulesOf(contract);
  const letter = { noticeReceived: input.noticeReceived, today, effectiveDate: input.effectiveDate };
  let ended: SubscriptionInForce[];
  let decision: CommitmentDecision;
  if (input.scope === "service") {
    const target = live.find((s) => s.subscriptionId === input.subscriptionId);
    if (!target) return { ok: false, reason: "subscription_not_found" };
    ended = [target];
    decision = decideServiceTermination(rules, termsOf(contract, target), letter);
  } else {
    if (live.length === 0) return { ok: false, reason: "already_terminated" };
    ended = live;
    const services = live
      .filter((s) => isOrderedService(contract, s.catalogueItemId))
      .map((s) => termsOf(contract, s));
    decision = decideContractTermination(rules, services, letter);
  }
  if (decision.decision !== "accepted" || decision.effectiveDate === null) return { ok: false, decision };
  const effective = decision.effectiveDate;

  for (const s of ended)
    await endHeldSubscription(tx, input.organisationId, s, effective, decision.clause, actor, now);
  const [termination] = await tx
    .insert(terminations)
    .values({
      organisationId: input.organisationId,
      scope: input.scope,
      subscriptionId: input.scope === "service" ? (input.subscriptionId ?? null) : null,
      noticeReceived: input.noticeReceived,
      effectiveDate: effective,
      feesDueCents: decision.feesDueCents,
      clause: decision.clause,
      reason: decision.reason,
      recordedAt: now,
      recordedBy: actor.userId,
    })
    .returning({ id: terminations.id });
  const terminationId = (termination as { id: string }).id;
  const vendorClause = contract.commitments.vendorCommitmentsOnTermination?.clause;
  const vendors = vendorClause
    ? ended.filter((s) => contract.catalogue.items.find((i) => i.id === s.catalogueItemId)?.kind === "cloud")
    : [];
  for (const vendor of vendors) {
    await tx.insert(staffTasks).values({
      organisationId: input.organisationId,
      terminationId,
      kind: "notify-vendor",
      catalogueItemId: vendor.catalogueItemId,
      clause: vendorClause as string,
      createdAt: now,
    });
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.terminate",
      organisationId: input.organisationId,
      targetType: "termination",
      targetId: terminationId,
      data: {
        scope: input.scope,
        subscriptions: ended.map((s) => s.subscriptionId),
        noticeReceived: input.noticeReceived,
        effectiveDate: effective,
        feesDueCents: decision.feesDueCents,
        clause: decision.clause,
      },
    },
    now,
  );
  return { ok: true, terminationId, decision, tasks: vendors.length };
}

/**
 * Ends one subscription from `effective` on: a "terminated" period appended to its history, and
 * the projection the "what is held" readers use (held up to the day before).
 */
export async function endHeldSubscription(
  tx: Db,
  organisationId: string,
  s: SubscriptionInForce,
  effective: string,
  clause: string,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  await tx.insert(subscriptionPeriods).values({
    subscriptionId: s.subscriptionId,
    organisationId,
    effectiveFrom: effective,
    plan: s.plan,
    tenancy: s.tenancy,
    monthlyPriceCents: s.monthlyPriceCents,
    minimumMonths: s.minimumMonths,
    noticeMonths: s.noticeMonths,
    commitmentEnd: s.commitmentEnd,
    status: "terminated",
    cause: "terminated",
    clause,
    recordedAt: now,
    recordedBy: actor.userId,
  });
  await tx
    .update(subscriptions)
    .set({ endsOn: lastDayHeld(effective, s.startsOn) })
    .where(eq(subscriptions.id, s.subscriptionId));
}
