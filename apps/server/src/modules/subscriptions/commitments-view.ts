import { accountTransferRequests, type Db, staffTasks, terminations } from "@guichet/db";
import {
  type CommitmentReason,
  type Contract,
  decimalOf,
  explainCommitment,
  formatCivilDate,
  localDateIn,
  orDeploymentRule,
  terminationRulesOf,
} from "@guichet/domain";
import { asc, eq } from "drizzle-orm";
import { type Locale, t } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { transferClause } from "./account-transfers.js";
import { periodsToCome, subscriptionsInForce, supportSubscriptionAmong } from "./in-force.js";
import { vendorClause } from "./set-vendor-status.js";

/**
 * What the contract lets the page offer around a termination: whether the provider gives the
 * contract's effective date (its notice is set by another document: MCR-ORD-02), the clause of a
 * vendor's suspension or refusal where the catalogue has cloud vendors (MCR-ACC-06), and the
 * clause of the accounts' transfer where the contract has one (MCR-ORD-03).
 */
function terminationRules(contract: Contract) {
  const notice = terminationRulesOf(contract).contractNotice;
  // As decideContractTermination reads it: a notice in months or years, or none, is counted.
  const counted =
    notice.kind === "none" ||
    (notice.kind === "duration" && (notice.unit === "months" || notice.unit === "years"));
  const vendors = contract.catalogue.items.some((i) => i.kind === "cloud");
  return {
    effectiveDateGiven: !counted,
    vendorClause: vendors ? vendorClause(contract) : null,
    transferClause: contract.commitments.reversibility ? transferClause(contract) : null,
  };
}

/**
 * What a customer (or staff for it) sees of its commercial life (issue 16): the plan in force,
 * the change to come and the commitment's end, each explained with its clause (MCR-SUP-02); its
 * subscriptions today; the terminations recorded with their dates and fees (DSN-ORD-04, MCR-ORD-02);
 * the staff tasks they created; its account transfer requests (MCR-ORD-03).
 */
export async function commitmentsView(
  db: Db,
  contract: Contract,
  organisationId: string,
  now: Date,
  locale: Locale,
  withTasks: boolean,
) {
  const today = localDateIn(now, timeZoneOf(contract));
  const d = (date: string) => formatCivilDate(date, locale);
  const planName = (plan: string) => contract.supportPlans[plan]?.name[locale] ?? plan;
  const itemOf = (id: string) => contract.catalogue.items.find((i) => i.id === id);
  const held = await subscriptionsInForce(db, contract, organisationId, today);
  const support = supportSubscriptionAmong(contract, held);
  const toCome = await periodsToCome(db, contract, organisationId, today);
  /** The clause of a plan's commitment, or the deployment's own rule where the contract gives none (GEN-02). */
  const commitmentClause = (plan: string) =>
    orDeploymentRule(contract.supportPlans[plan]?.commitment?.clause);

  const supportView = support?.plan
    ? {
        plan: support.plan,
        planName: planName(support.plan),
        tenancy: support.tenancy,
        since: support.effectiveFrom,
        commitmentEnd: support.commitmentEnd && support.commitmentEnd > today ? support.commitmentEnd : null,
        clause: commitmentClause(support.plan),
        explanation: t(locale, "commitments.plan_in_force", {
          plan: planName(support.plan),
          since: d(support.effectiveFrom),
          commitment:
            support.commitmentEnd && support.commitmentEnd > today
              ? t(locale, "commitments.plan_committed", { end: d(support.commitmentEnd) })
              : t(locale, "commitments.plan_free"),
          clause: commitmentClause(support.plan),
        }),
      }
    : {
        plan: contract.defaultSupportPlan,
        planName: planName(contract.defaultSupportPlan),
        tenancy: null,
        since: null,
        commitmentEnd: null,
        clause: contract.supportPlans[contract.defaultSupportPlan]?.clause ?? "GEN-01",
        explanation: t(locale, "commitments.plan_default", {
          plan: planName(contract.defaultSupportPlan),
          clause: contract.supportPlans[contract.defaultSupportPlan]?.clause ?? "GEN-01",
        }),
      };
  const coming = toCome.find((p) => p.plan !== null && p.status === "active");
  const pendingChange = coming?.plan
    ? {
        plan: coming.plan,
        planName: planName(coming.plan),
        effectiveFrom: coming.effectiveFrom,
        commitmentEnd: coming.commitmentEnd,
        clause: coming.clause,
        explanation: t(locale, "commitments.change_to_come", {
          plan: planName(coming.plan),
          from: d(coming.effectiveFrom),
          commitment: coming.commitmentEnd
            ? t(locale, "commitments.change_commitment", { end: d(coming.commitmentEnd) })
            : "",
          clause: coming.clause,
        }),
      }
    : null;

  const recorded = await db
    .select()
    .from(terminations)
    .where(eq(terminations.organisationId, organisationId))
    .orderBy(asc(terminations.recordedAt));
  const tasks = withTasks
    ? await db
        .select()
        .from(staffTasks)
        .where(eq(staffTasks.organisationId, organisationId))
        .orderBy(asc(staffTasks.createdAt))
    : [];
  const transfers = await db
    .select()
    .from(accountTransferRequests)
    .where(eq(accountTransferRequests.organisationId, organisationId))
    .orderBy(asc(accountTransferRequests.requestedAt));

  return {
    today,
    currency: contract.currency,
    termination: terminationRules(contract),
    support: supportView,
    pendingChange,
    planChoices: Object.entries(contract.supportPlans)
      .sort(([, a], [, b]) => a.rank - b.rank)
      .map(([plan, p]) => ({ plan, name: p.name[locale], rank: p.rank })),
    subscriptions: held.map((s) => {
      const ending = toCome.find((p) => p.subscriptionId === s.subscriptionId && p.status === "terminated");
      return {
        id: s.subscriptionId,
        catalogueItemId: s.catalogueItemId,
        name: itemOf(s.catalogueItemId)?.name[locale] ?? s.catalogueItemId,
        kind: itemOf(s.catalogueItemId)?.kind ?? "option",
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        status: s.status,
        endsFrom: ending?.effectiveFrom ?? null,
        monthlyPrice: s.monthlyPriceCents === null ? null : decimalOf(s.monthlyPriceCents),
        minimumMonths: s.minimumMonths,
        noticeMonths: s.noticeMonths,
        commitmentEnd: s.commitmentEnd,
      };
    }),
    terminations: recorded.map((r) => ({
      id: r.id,
      scope: r.scope,
      subscriptionId: r.subscriptionId,
      noticeReceived: r.noticeReceived,
      effectiveDate: r.effectiveDate,
      feesDue: r.feesDueCents === null ? null : decimalOf(r.feesDueCents),
      clause: r.clause,
      explanation:
        r.scope === "vendor"
          ? t(locale, "commitments.vendor_refused", {
              date: d(r.effectiveDate),
              clause: r.clause,
              reason: String((r.reason as { reason?: string }).reason ?? ""),
            })
          : explainCommitment(
              {
                decision: "accepted",
                clause: r.clause,
                effectiveDate: r.effectiveDate,
                commitmentEnd: null,
                feesDueCents: r.feesDueCents,
                reason: r.reason as CommitmentReason,
              },
              locale,
              planName,
              contract.currency,
            ),
    })),
    tasks: tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      vendor: task.catalogueItemId
        ? (itemOf(task.catalogueItemId)?.vendor?.name ?? task.catalogueItemId)
        : null,
      clause: task.clause,
      createdAt: task.createdAt.toISOString(),
      doneAt: task.doneAt?.toISOString() ?? null,
    })),
    transferRequests: transfers.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      requestedAt: r.requestedAt.toISOString(),
      quote: r.quoteCents === null ? null : decimalOf(r.quoteCents),
      quoteText: r.quoteText,
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}

export type CommitmentsView = Awaited<ReturnType<typeof commitmentsView>>;
