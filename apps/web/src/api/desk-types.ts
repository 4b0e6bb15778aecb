/**
 * The service desk's answers (apps/server/src/modules/desk/read-tickets.ts, desk-form.ts): the
 * texts in them (labels, explanations, refusals) come already in the reader's language.
 */
import type { Priority, TicketStatus } from "./types";

export type TicketAction = "take" | "hold" | "resume" | "resolve" | "close" | "confirm" | "reopen";
export type ClockState = "running" | "paused" | "met" | "breached" | "none";
export type TicketChannel = "portal" | "api" | "email" | "phone";

/** One SLA clock now (MCR-SUP-06, MCR-SUP-10), as lists show it. */
export interface SlaClockState {
  metric: "initialResponse" | "resolution" | "autoClose";
  state: ClockState;
  priority: Priority;
  dueAt: string | null;
  breachedAt: string | null;
  elapsedMinutes: number;
  /** Business minutes left on the clock's calendar. */
  remainingMinutes: number | null;
  percentUsed: number | null;
  clause: string;
}

/** A clock on the ticket's own page: with its explanation in words, citing the clause (GEN-02). */
export interface SlaClock extends SlaClockState {
  explanation: string;
}

export interface TicketSummary {
  id: string;
  reference: string;
  organisationId: string;
  organisationName: string;
  title: string;
  category: string;
  catalogueItemId: string | null;
  priority: Priority;
  status: TicketStatus;
  holdReason: "info_requested" | "priority_dispute" | null;
  channel: TicketChannel;
  customerReference: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  requesterName: string;
  inMaintenance: boolean;
  outOfScopeReason: string | null;
  createdAt: string;
  updatedAt: string;
  sla: SlaClockState[];
}

export interface TicketPage {
  total: number;
  items: TicketSummary[];
}

export type TimelineType =
  | "created"
  | "message"
  | "call_logged"
  | "status_changed"
  | "priority_changed"
  | "priority_proposed"
  | "assigned";

export interface TimelineEntry {
  seq: number;
  at: string;
  type: TimelineType;
  side: "provider" | "customer" | "system";
  author: string;
  channel: TicketChannel | null;
  visibility: "public" | "internal";
  body: string | null;
  /** Depends on the type: {from, to, reason, clause} for changes, {assignee} for assignments. */
  data: Record<string, unknown>;
  /** Files sent with a message, downloaded from /api/tickets/:id/attachments/:attachmentId. */
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
}

export interface TicketView extends Omit<TicketSummary, "sla"> {
  sla: SlaClock[];
  description: string;
  planKey: string;
  slaApplies: boolean;
  /** What the caller may do now (the workflow decides; the portal only offers these). */
  actions: TicketAction[];
  timeline: TimelineEntry[];
}

export interface TicketQuery {
  /** Statuses separated by commas ("resolved,closed"). */
  status?: string;
  /** "true": open tickets only; "false": every status. */
  open?: "true" | "false";
  assignee?: "me" | "none";
  organisationId?: string;
  q?: string;
  order?: "urgency" | "recent";
  limit: number;
  offset: number;
}

/** What the signed-in customer may open (MCR-SUP-04..06, MCR-SUP-08, DSN-SUP-01). */
export interface DeskForm {
  plan: { key: string; name: string };
  canOpen: boolean;
  namedContactClause: string | null;
  categories: { key: string; label: string; slaApplies: boolean }[];
  services: { id: string; name: string; subscribed: boolean }[];
  serviceRequired: boolean;
  scopeClause: string;
  priorities: {
    key: Priority;
    label: string;
    definition: string;
    /** "< 30 min", "1 jour ouvré", "sans objectif"; null when the plan has no clock. */
    target: string | null;
    calendar: string | null;
  }[];
  defaultPriority: Priority;
  prioritiesClause: string;
  /** E-mail opens tickets for this plan right now (MCR-SUP-03, DSN-SUP-08). */
  emailAccepted: boolean;
  /** An outage of the portal declared by the provider and under way now. */
  portalOutage: PortalOutage | null;
}

export interface NewTicket {
  category: string;
  catalogueItemId: string | null;
  priority: Priority | null;
  title: string;
  description: string;
  customerReference: string | null;
}

/** The portal declared unavailable by the provider (MCR-SUP-03, DSN-SUP-08); no end: until ended. */
export interface PortalOutage {
  id: string;
  startsAt: string;
  endsAt: string | null;
  reason: string;
}

/** A scheduled maintenance of a service (DSN-SUP-07), as maintenance/present-maintenance.ts gives it. */
export interface MaintenanceView {
  id: string;
  catalogueItemId: string;
  /** The service's name in the reader's language. */
  service: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  /** How long the service is expected to be interrupted within the window. */
  expectedMinutes: number;
  announcedAt: string;
  cancelledAt: string | null;
  state: "upcoming" | "in_progress" | "over" | "cancelled";
  clause: string;
}

/** An announcement in a history page: who cancelled it and why, for the provider's staff only (null otherwise). */
export interface MaintenanceListed extends MaintenanceView {
  /** "Name <e-mail>" as the audit trail wrote it. */
  cancelledBy: string | null;
  cancellationReason: string | null;
}

/** Ended and cancelled announcements, latest start first; `next` asks for the page after (DSN-SUP-07). */
export interface MaintenanceHistoryPage {
  items: MaintenanceListed[];
  next: string | null;
}

export interface NewMaintenance {
  catalogueItemId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  expectedMinutes: number;
}

/** An announcement or a cancellation, and how many people of how many customers were told by e-mail. */
export interface MaintenanceChange {
  maintenance: MaintenanceView;
  told: { people: number; organisations: number };
}

/** Tickets left out of a month's figures, by reason (DSN-SUP-07, MCR-SUP-08, MCR-SUP-11). */
export const REPORT_EXCLUSIONS = ["maintenance", "outOfScope", "slaNotApplicable", "noTarget"] as const;
export type ReportExclusion = (typeof REPORT_EXCLUSIONS)[number];

/** Initial-response figures of some tickets (MCR-SUP-06); times in business minutes, to the tenth. */
export interface SlaFigures {
  counted: number;
  met: number;
  breached: number;
  running: number;
  answered: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  excluded: Record<ReportExclusion, number>;
}

export interface SlaMonth {
  /** "2026-11" */
  month: string;
  from: string;
  to: string;
  priorities: (SlaFigures & { priority: Priority })[];
  total: SlaFigures;
}

/** A customer's figures month by month (desk-report/present-sla-report.ts, ZSlaSeries). */
export interface SlaSeries {
  organisationId: string;
  organisationName: string;
  timeZone: string;
  evaluatedAt: string;
  percentile: "nearest-rank";
  from: string;
  to: string;
  months: SlaMonth[];
}

export interface SlaQuery {
  /** Left out by a customer's administrator: its own organisation. */
  organisationId?: string;
  from: string;
  to: string;
}
