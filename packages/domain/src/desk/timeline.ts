import type { Priority } from "../sla/policy-schema.js";
import type { TicketEvent, TicketStatus } from "../sla/types.js";
import type { TicketChannel } from "./intake.js";
import type { Side } from "./workflow.js";

/**
 * A ticket's timeline as the desk stores it: every message, note, call and change, with its
 * reason. The SLA clocks are derived from it on every read (slaLogOf), never stored.
 */
export const TIMELINE_EVENT_TYPES = [
  "created",
  "message",
  "call_logged",
  "status_changed",
  "priority_changed",
  "priority_proposed",
  "assigned",
  "escalated",
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface TimelineEvent {
  at: number;
  type: TimelineEventType;
  side: Side | "system";
  channel: TicketChannel | null;
  /** Internal notes are seen by the provider only. */
  visibility: "public" | "internal";
  data: {
    priority?: Priority;
    from?: string;
    to?: string;
  };
}

/** The SLA engine's log from a ticket's timeline (packages/domain/src/sla/types.ts). */
export function slaLogOf(timeline: readonly TimelineEvent[]): TicketEvent[] {
  const log: TicketEvent[] = [];
  for (const event of timeline) {
    const mapped = slaEventOf(event);
    if (mapped) log.push(mapped);
  }
  return log;
}

function slaEventOf(event: TimelineEvent): TicketEvent | undefined {
  const { at, data } = event;
  switch (event.type) {
    case "created":
      return { at, type: "created", priority: data.priority, status: "new" };
    case "message":
      // A public answer from the provider is a response (MCR-SUP-06); the engine keeps the first.
      return event.side === "provider" && event.visibility === "public"
        ? { at, type: "agent_responded" }
        : undefined;
    case "call_logged":
      return event.side === "provider" ? { at, type: "agent_responded" } : undefined;
    case "priority_changed":
      return { at, type: "priority_changed", priority: data.priority };
    case "escalated":
      // The customer escalated (issue 23): a target that requires it starts here. By the API is
      // by the portal: the same application.
      return {
        at,
        type: "escalated",
        channel: event.channel === "api" || event.channel === null ? "portal" : event.channel,
      };
    case "status_changed": {
      const to = data.to as TicketStatus;
      if (to === "resolved") return { at, type: "resolved" };
      if (to === "closed") return { at, type: "closed" };
      if (data.from === "resolved") return { at, type: "reopened", status: to };
      return { at, type: "status_changed", status: to };
    }
    default:
      return undefined;
  }
}
