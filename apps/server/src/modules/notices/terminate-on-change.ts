import { changeNotices, contractChanges, type Db, terminations } from "@guichet/db";
import {
  type CommitmentDecision,
  type Contract,
  decideHarmfulChangeTermination,
  localDateIn,
} from "@guichet/domain";
import { and, eq, sql } from "drizzle-orm";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { subscriptionsInForce } from "../subscriptions/in-force.js";
import { endHeldSubscription } from "../subscriptions/record-termination.js";
import { terminableServices } from "./list-notices.js";
import { type ChangeRefusal, changeRefusal } from "./plan-change.js";

export type HarmfulTerminationResult =
  | { ok: true; terminationId: string; decision: CommitmentDecision; replayed: boolean }
  | { ok: false; decision: CommitmentDecision }
  | ChangeRefusal
  | "not_found";

/** The clause of the right to terminate on a harmful change (DSN 10.2: specificConditionsChange). */
export function harmfulChangeClause(contract: Contract): string | undefined {
  const rule = contract.notices.specificConditionsChange;
  return rule?.terminationRightOnHarmfulChange ? rule.clause : undefined;
}

/**
 * DSN 10.2 (DSN-BIL-02): the operator facing a harmful change terminates an e-service it concerns,
 * from the portal, until the change's date included; the termination takes effect on that date
 * with no fees, even within the minimum period. Asking again for the same service returns the
 * first termination.
 */
export async function terminateOnChange(
  tx: Db,
  contract: Contract,
  actor: AuditActor,
  input: { organisationId: string; noticeId: string; subscriptionId: string },
  now: Date,
): Promise<HarmfulTerminationResult> {
  const today = localDateIn(now, timeZoneOf(contract));
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`termination:${input.organisationId}`}))`);
  const [row] = await tx
    .select({ notice: changeNotices, change: contractChanges })
    .from(changeNotices)
    .innerJoin(contractChanges, eq(contractChanges.id, changeNotices.changeId))
    .where(and(eq(changeNotices.id, input.noticeId), eq(changeNotices.organisationId, input.organisationId)));
  if (!row) return "not_found";
  const { notice, change } = row;
  const clause = harmfulChangeClause(contract);
  if (!clause || !notice.harmfulTermination) return changeRefusal("notice.no_termination_right");
  const [earlier] = await tx
    .select()
    .from(terminations)
    .where(
      and(
        eq(terminations.subscriptionId, input.subscriptionId),
        sql`${terminations.reason}->>'changeId' = ${change.id}`,
      ),
    );
  if (earlier) {
    const decision = decideHarmfulChangeTermination(clause, change, earlier.noticeReceived);
    return { ok: true, terminationId: earlier.id, decision, replayed: true };
  }
  const decision = decideHarmfulChangeTermination(clause, change, today);
  if (decision.decision !== "accepted" || decision.effectiveDate === null) return { ok: false, decision };
  const terminable = await terminableServices(tx, contract, change, notice, today);
  if (!terminable.some((s) => s.subscriptionId === input.subscriptionId))
    return changeRefusal("notice.subscription_not_concerned", clause);
  const effective = decision.effectiveDate;
  const held = (await subscriptionsInForce(tx, contract, input.organisationId, today)).find(
    (s) => s.subscriptionId === input.subscriptionId,
  );
  if (!held) return changeRefusal("notice.subscription_not_concerned", clause);
  await endHeldSubscription(tx, input.organisationId, held, effective, clause, actor, now);
  const [termination] = await tx
    .insert(terminations)
    .values({
      organisationId: input.organisationId,
      scope: "service",
      subscriptionId: input.subscriptionId,
      noticeReceived: today,
      effectiveDate: effective,
      feesDueCents: 0,
      clause,
      reason: { ...decision.reason, changeId: change.id },
      recordedAt: now,
      recordedBy: actor.userId,
    })
    .returning({ id: terminations.id });
  const terminationId = (termination as { id: string }).id;
  await recordAudit(
    tx,
    actor,
    {
      action: "subscription.terminate_on_change",
      organisationId: input.organisationId,
      targetType: "termination",
      targetId: terminationId,
      data: {
        changeId: change.id,
        noticeId: notice.id,
        subscriptionId: input.subscriptionId,
        effectiveDate: effective,
        feesDueCents: 0,
        clause,
      },
    },
    now,
  );
  return { ok: true, terminationId, decision, replayed: false };
}
