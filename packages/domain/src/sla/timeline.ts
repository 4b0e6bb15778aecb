import { SlaError } from "./errors.js";
import type { Priority } from "./policy-schema.js";
import type { TicketEvent, TicketStatus } from "./types.js";

/**
 * A ticket's log folded into what the clocks need, up to `now`: contiguous segments of constant
 * (status, priority) from creation to now, and the instants that stop or restart clocks.
 */

export interface Segment {
  from: number;
  to: number;
  status: TicketStatus;
  priority: Priority;
}

export interface PriorityChange {
  at: number;
  priority: Priority;
}

export interface Timeline {
  createdAt: number;
  now: number;
  segments: Segment[];
  /** Actual changes after creation (setting the same priority again is not a change). */
  priorityChanges: PriorityChange[];
  initialPriority: Priority;
  status: TicketStatus;
  /** First agent reply, or resolution/closing if none came before. */
  firstResponseAt: number | undefined;
  /** Since when the ticket has been resolved or closed without reopening, if it is. */
  doneSince: number | undefined;
  /** The last time the ticket became "resolved" (reset by a reopening), for auto-close. */
  resolvedAt: number | undefined;
  /** When it was closed, if its status is "closed". */
  closedAt: number | undefined;
  /** The customer's escalations, in order, by channel (conditional targets, issue 23). */
  escalations: { at: number; channel: string | undefined }[];
}

const DONE: ReadonlySet<TicketStatus> = new Set(["resolved", "closed"]);

function nextStatus(e: TicketEvent): TicketStatus | undefined {
  switch (e.type) {
    case "status_changed":
      return e.status;
    case "resolved":
      return "resolved";
    case "closed":
      return "closed";
    case "reopened":
      return e.status ?? "in_progress";
    default:
      return undefined;
  }
}

const byTime = (a: TicketEvent, b: TicketEvent): number => a.at - b.at;

export function buildTimeline(log: readonly TicketEvent[], now: number): Timeline {
  // Stable sort: events at the same instant keep their log order.
  const events = log.slice().sort(byTime);
  let created: TicketEvent | undefined;
  for (const e of events) {
    if (e.type === "created") {
      created = e;
      break;
    }
  }
  if (!created) throw new SlaError("invalid_log", "the log has no created event");
  if (!created.priority) throw new SlaError("invalid_log", "the created event has no priority");
  if (now < created.at) throw new SlaError("invalid_log", "now is before the ticket's creation");

  const t: Timeline = {
    createdAt: created.at,
    now,
    segments: [],
    priorityChanges: [],
    initialPriority: created.priority,
    status: created.status ?? "new",
    firstResponseAt: undefined,
    doneSince: undefined,
    resolvedAt: undefined,
    closedAt: undefined,
    escalations: [],
  };
  let priority = created.priority;
  let from = created.at;
  for (const e of events) {
    if (e === created || e.at < created.at) continue;
    if (e.at > now) break;
    if (e.at > from) {
      t.segments.push({ from, to: e.at, status: t.status, priority });
      from = e.at;
    }
    if (e.type === "priority_changed" && e.priority && e.priority !== priority) {
      priority = e.priority;
      t.priorityChanges.push({ at: e.at, priority });
    }
    if (e.type === "agent_responded") t.firstResponseAt ??= e.at;
    if (e.type === "escalated") t.escalations.push({ at: e.at, channel: e.channel });
    const status = nextStatus(e);
    if (status === undefined || status === t.status) continue;
    if (DONE.has(status)) {
      t.firstResponseAt ??= e.at;
      if (!DONE.has(t.status)) t.doneSince = e.at;
    } else {
      t.doneSince = undefined;
      t.resolvedAt = undefined;
    }
    if (status === "resolved") t.resolvedAt = e.at;
    t.closedAt = status === "closed" ? e.at : undefined;
    t.status = status;
  }
  if (now > from) t.segments.push({ from, to: now, status: t.status, priority });
  return t;
}

/** The priority in force at an instant. */
export function priorityAt(t: Timeline, at: number): Priority {
  let priority = t.initialPriority;
  for (const change of t.priorityChanges) {
    if (change.at > at) break;
    priority = change.priority;
  }
  return priority;
}

/** The last priority change at or before an instant (a "restart" clock starts there). */
export function lastChangeAt(t: Timeline, at: number): number {
  let last = t.createdAt;
  for (const change of t.priorityChanges) {
    if (change.at > at) break;
    last = change.at;
  }
  return last;
}
