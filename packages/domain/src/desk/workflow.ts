import type { TicketWorkflow } from "../contract/index.js";
import type { TicketStatus } from "../sla/types.js";

/**
 * The ticket lifecycle: New → In progress → On hold → Resolved → Closed, and reopen
 * (MCR-SUP-10, MCR-SUP-12, DSN-SUP-03..05). Each action is allowed to one side from given
 * statuses; anything else is refused with the clause of the workflow rule.
 */
export const TICKET_ACTIONS = ["take", "hold", "resume", "resolve", "close", "confirm", "reopen"] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export type Side = "provider" | "customer";

interface Rule {
  side: Side;
  from: readonly TicketStatus[];
  to: TicketStatus;
}

const OPEN: readonly TicketStatus[] = ["new", "in_progress", "on_hold"];

const RULES: Readonly<Record<TicketAction, Rule>> = {
  take: { side: "provider", from: ["new"], to: "in_progress" },
  /** Waiting on the customer: information requested (DSN-SUP-03) or a priority dispute (MCR-SUP-12). */
  hold: { side: "provider", from: ["new", "in_progress"], to: "on_hold" },
  resume: { side: "provider", from: ["on_hold"], to: "in_progress" },
  resolve: { side: "provider", from: OPEN, to: "resolved" },
  /** The provider closes an open ticket with a reason (MCR-SUP-11), or a resolved one. */
  close: { side: "provider", from: [...OPEN, "resolved"], to: "closed" },
  /** The customer confirms the resolution (MCR-SUP-10). */
  confirm: { side: "customer", from: ["resolved"], to: "closed" },
  /** Either side reopens a resolved ticket (MCR-SUP-10: "confirms or reopens"). */
  reopen: { side: "customer", from: ["resolved"], to: "in_progress" },
};

export type TransitionDecision =
  | { ok: true; to: TicketStatus }
  | { ok: false; reason: "transition_forbidden"; clause: string };

export function decideTransition(
  workflow: TicketWorkflow,
  from: TicketStatus,
  action: TicketAction,
  side: Side,
): TransitionDecision {
  const rule = RULES[action];
  const clause = workflow.statuses[rule.to]?.clause ?? workflow.closing.clause;
  const sideAllowed = rule.side === side || (action === "reopen" && side === "provider");
  // Where the resolution report closes the ticket (DSN-SUP-05) there is nothing to confirm.
  const confirmable = action !== "confirm" || workflow.closing.mode === "confirmation-or-auto-close";
  if (!sideAllowed || !confirmable || !rule.from.includes(from)) {
    return { ok: false, reason: "transition_forbidden", clause };
  }
  if (rule.to === "on_hold" && !workflow.statuses.on_hold) {
    return { ok: false, reason: "transition_forbidden", clause };
  }
  return { ok: true, to: rule.to };
}

/** The actions a side may take on a ticket in this status: what the portal offers as buttons. */
export function availableActions(workflow: TicketWorkflow, status: TicketStatus, side: Side): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => decideTransition(workflow, status, action, side).ok);
}

export function isOpenStatus(status: TicketStatus): boolean {
  return OPEN.includes(status);
}
