import type { TicketEventRow } from "@guichet/db";
import {
  buildSlaPolicy,
  type Contract,
  evaluateSla,
  explain,
  type SlaEvaluation,
  type SlaPolicy,
  slaLogOf,
  type TimelineEvent,
} from "@guichet/domain";
import { calendarOf } from "../../contract/calendars.js";
import type { Reader } from "../../i18n/reader.js";

const policies = new WeakMap<Contract, Map<string, SlaPolicy>>();

/** A plan's SLA policy, built once per contract and plan (MCR-SUP-06, MCR-SUP-10, DSN-SUP-06). */
export function slaPolicyOf(contract: Contract, planKey: string): SlaPolicy {
  let byPlan = policies.get(contract);
  if (!byPlan) {
    byPlan = new Map();
    policies.set(contract, byPlan);
  }
  let policy = byPlan.get(planKey);
  if (!policy) {
    const plan = contract.supportPlans[planKey];
    if (!plan) throw new Error(`contract ${contract.id} has no support plan "${planKey}"`);
    const autoClose =
      contract.ticketWorkflow.closing.mode === "confirmation-or-auto-close"
        ? contract.sla.autoClose
        : undefined;
    policy = buildSlaPolicy(
      plan.sla,
      contract.sla.clockPolicy,
      (name) => calendarOf(contract, name),
      plan.name,
      autoClose,
    );
    byPlan.set(planKey, policy);
  }
  return policy;
}

/** A stored timeline row as the domain reads it. */
export function timelineEventOf(
  row: Pick<TicketEventRow, "at" | "type" | "side" | "channel" | "visibility" | "data">,
): TimelineEvent {
  return {
    at: row.at.getTime(),
    type: row.type as TimelineEvent["type"],
    side: row.side,
    channel: row.channel,
    visibility: row.visibility,
    data: row.data as TimelineEvent["data"],
  };
}

/**
 * Every SLA clock of a ticket at `now`, derived from its timeline. A ticket whose category has no
 * SLA (MCR-SUP-08) still gets its auto-close date.
 */
export function evaluateTicketSla(
  contract: Contract,
  ticket: { planKey: string; slaApplies: boolean },
  timeline: readonly TimelineEvent[],
  now: Date,
): SlaEvaluation {
  const policy = slaPolicyOf(contract, ticket.planKey);
  const applied = ticket.slaApplies ? policy : { ...policy, metrics: [] };
  const log = slaLogOf(timeline);
  // A reader's instant is read before its snapshot: a ticket another request (or process)
  // committed in between is in the snapshot yet "created after now". It is shown as at its
  // creation, nothing elapsed on it, rather than refusing the whole page (found by bench:soak).
  const created = log.find((event) => event.type === "created")?.at ?? Number.NEGATIVE_INFINITY;
  return evaluateSla(log, applied, Math.max(now.getTime(), created));
}

/** The instant that orders the queue: the earliest due clock still running, else the auto-close date. */
export function urgencyOf(evaluation: SlaEvaluation): Date | null {
  const dues = evaluation.metrics
    .filter((m) => m.state === "running" || m.state === "breached" || m.state === "paused")
    .filter((m) => m.stoppedAt === undefined)
    .map((m) => m.dueAt)
    .filter((at): at is number => at !== undefined);
  if (evaluation.autoClose?.state === "running" && evaluation.autoClose.dueAt !== undefined)
    dues.push(evaluation.autoClose.dueAt);
  return dues.length ? new Date(Math.min(...dues)) : null;
}

/**
 * When the warning sweep must look at a ticket (tickets.sla_warn_at): the earliest warning
 * threshold of a clock still running, counting those already reached unless `ahead` (they may not
 * be mailed yet: the sweep knows, by sla_warnings); null when none is left.
 */
export function warningDueOf(evaluation: SlaEvaluation, { ahead = false } = {}): Date | null {
  let due: number | undefined;
  for (const metric of evaluation.metrics) {
    if (metric.stoppedAt !== undefined) continue;
    for (const warning of metric.warnings) {
      if (warning.at === undefined || (ahead && warning.crossed)) continue;
      if (due === undefined || warning.at < due) due = warning.at;
    }
  }
  return due === undefined ? null : new Date(due);
}

/** The clocks as lists show them: state, due, remaining, clause. */
export function presentClocks(evaluation: SlaEvaluation) {
  return clocksOf(evaluation).map((m) => ({
    metric: m.metric,
    state: m.state,
    priority: m.priority,
    dueAt: m.dueAt === undefined ? null : new Date(m.dueAt).toISOString(),
    breachedAt: m.breachedAt === undefined ? null : new Date(m.breachedAt).toISOString(),
    elapsedMinutes: m.elapsedMinutes,
    remainingMinutes: m.remainingMinutes ?? null,
    percentUsed: m.percentUsed ?? null,
    clause: m.clause,
    escalation: m.escalation
      ? {
          channel: m.escalation.channel,
          clause: m.escalation.clause,
          escalatedAt: m.escalation.at === undefined ? null : new Date(m.escalation.at).toISOString(),
        }
      : null,
  }));
}

/**
 * The clocks as a ticket's page shows them: each with its explanation in words (GEN-02), in the
 * reader's language or its fallback, naming the ticket as the contract does (issue 23).
 */
export function presentSla(evaluation: SlaEvaluation, reader: Reader) {
  const explained = clocksOf(evaluation);
  const writing = { text: reader.sla, reader: reader.language, words: reader.words };
  return presentClocks(evaluation).map((clock, i) => ({
    ...clock,
    explanation: explain(explained[i] as (typeof explained)[number], writing).text,
  }));
}

function clocksOf(evaluation: SlaEvaluation) {
  return [...evaluation.metrics, ...(evaluation.autoClose ? [evaluation.autoClose] : [])];
}
