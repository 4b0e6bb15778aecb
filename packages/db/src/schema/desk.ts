import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations, subscriptions } from "./organisations.js";

/**
 * The service desk (MCR-SUP-01..13, DSN-SUP-01..08). A ticket's current status and priority are
 * kept on the row for queries; its timeline (`ticket_events`) is the history they come from, and
 * the SLA clocks are derived from the timeline on every read. `sla_due_at` is only the queue's
 * sort key, rewritten with each event.
 */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** "MCR-2026-00042": prefix, year in the provider's zone, gapless number (ticket_counters). */
    reference: text("reference").notNull(),
    category: text("category").notNull(),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id),
    catalogueItemId: text("catalogue_item_id"),
    // One of the contract's priority ids (priorities.levels, MCR-SUP-05): no code knows how many there are.
    priority: text("priority").notNull(),
    status: text("status", { enum: ["new", "in_progress", "on_hold", "resolved", "closed"] }).notNull(),
    /** Why it is on hold: the customer owes information (DSN-SUP-03) or justifies its priority (MCR-SUP-12). */
    holdReason: text("hold_reason", { enum: ["info_requested", "priority_dispute"] }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** The customer's own ticket number (MCR-SUP-09). */
    customerReference: text("customer_reference"),
    /**
     * The address the operator gave on depositing the request, where the provider asks it for more
     * information (DSN-SUP-03, DSN annex 3 §1a "l'adresse e-mail qu'il aura renseignée en déposant sa
     * demande"); null: the requester's account address.
     */
    contactEmail: text("contact_email"),
    requesterUserId: uuid("requester_user_id")
      .notNull()
      .references(() => users.id),
    assigneeUserId: uuid("assignee_user_id").references(() => users.id),
    channel: text("channel", { enum: ["portal", "api", "email", "phone"] }).notNull(),
    /** The support plan in force when it was opened, whose SLA applies. */
    planKey: text("plan_key").notNull(),
    slaApplies: boolean("sla_applies").notNull(),
    /** Opened during a scheduled maintenance of its service: left out of SLA statistics (DSN-SUP-07). */
    maintenanceId: uuid("maintenance_id"),
    /** Why it was closed without being handled (MCR-SUP-11): a key of ticketWorkflow.outOfScope.reasons. */
    outOfScopeReason: text("out_of_scope_reason"),
    /** Message-ID of the thread's first mail, so replies and notices group in mail clients. */
    threadMessageId: text("thread_message_id").notNull(),
    /** The next SLA instant that matters (due, or auto-close), for sorting the queue. */
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }),
    /**
     * When the SLA warning sweep must look at it: the next warning threshold, or one reached and
     * perhaps not mailed yet; null when no warning is ahead. Rewritten with each event and by the sweep.
     */
    slaWarnAt: timestamp("sla_warn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The contract file's version in force when this was decided (GEN-01); set by the database's default. */
    contractVersionId: uuid("contract_version_id"),
  },
  (t) => [
    uniqueIndex("tickets_reference_key").on(t.reference),
    index("tickets_organisation_idx").on(t.organisationId, t.status),
    // The auto-close sweep: resolved tickets whose auto-close instant has come. Partial, so a
    // ticket is in it only while resolved (none is when it is opened).
    index("tickets_resolved_due_idx").on(t.slaDueAt).where(sql`${t.status} = 'resolved'`),
    // The queue: open tickets, most urgent first (listTickets' "urgency" order), read 50 at a time.
    index("tickets_open_urgency_idx")
      .on(t.slaDueAt.asc().nullsLast(), t.createdAt)
      .where(sql`${t.status} in ('new', 'in_progress', 'on_hold')`),
  ],
);

/** The timeline: messages, notes, calls, status and priority changes with their reasons. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    organisationId: uuid("organisation_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    type: text("type").notNull(),
    side: text("side", { enum: ["provider", "customer", "system"] }).notNull(),
    actorUserId: uuid("actor_user_id"),
    /** "Camille Martin" as it was then; "Guichet" for the system. */
    actorLabel: text("actor_label").notNull(),
    channel: text("channel", { enum: ["portal", "api", "email", "phone"] }),
    visibility: text("visibility", { enum: ["public", "internal"] }).notNull(),
    body: text("body"),
    /** Priority, from/to status, reason, clause… depending on the type. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** Message-ID of the mail it came in by, so a mail delivered twice joins once. */
    messageId: text("message_id"),
    /** The contract file's version in force when this was decided (GEN-01); set by the database's default. */
    contractVersionId: uuid("contract_version_id"),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId, t.seq),
    // A mail joins a ticket once; led by the Message-ID, the same index finds a mail received
    // again whichever ticket it went to. Partial: most events come by no mail.
    uniqueIndex("ticket_events_message_key")
      .on(t.messageId, t.ticketId)
      .where(sql`${t.messageId} is not null`),
  ],
);

/** Files joined to a message; the bytes live under the data directory, named by their SHA-256. */
export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    eventSeq: integer("event_seq").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("ticket_attachments_ticket_idx").on(t.ticketId)],
);

/** Gapless numbering per prefix and year: the row is locked by the transaction that takes a number. */
export const ticketCounters = pgTable(
  "ticket_counters",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * One row whose version goes up with every committed change to what the intake rules read
 * (subscriptions, named contacts, organisations, the requester's address and language, portal
 * outages, maintenance windows), by triggers at commit (migration 0012). Facts kept between
 * openings are checked against it: one row read instead of the facts again.
 */
export const intakeVersion = pgTable(
  "intake_version",
  {
    id: integer("id").primaryKey().default(1),
    version: bigint("version", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("intake_version_one_row_ck", sql`${t.id} = 1`)],
);

/** An `Idempotency-Key` honoured on ticket creation through the API: the same key, the same ticket. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the request body: the same key with another body is refused. */
    requestHash: text("request_hash").notNull(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId, t.key] })],
);

/** Warnings already sent, so each threshold is announced once per ticket and metric. */
export const slaWarnings = pgTable(
  "sla_warnings",
  {
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    organisationId: uuid("organisation_id").notNull(),
    metric: text("metric").notNull(),
    threshold: integer("threshold").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.metric, t.threshold] })],
);

/** Scheduled maintenance of a service, announced with the contract's notice (DSN-SUP-07). */
export const maintenanceWindows = pgTable(
  "maintenance_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    catalogueItemId: text("catalogue_item_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    expectedMinutes: integer("expected_minutes").notNull(),
    announcedAt: timestamp("announced_at", { withTimezone: true }).notNull(),
    announcedByUserId: uuid("announced_by_user_id").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Who cancelled it, as they were named then, and why: the history shows both (DSN-SUP-07). */
    cancelledByLabel: text("cancelled_by_label"),
    cancellationReason: text("cancellation_reason"),
    /**
     * The notice applied when announced (DSN-SUP-07): its duration as the contract writes them
     * ("15 days"; null when none was required or none stated), where it came from (contract,
     * specific-conditions, not-stated) and the specific conditions read. Null source: announced
     * before Guichet recorded it.
     */
    notice: text("notice"),
    noticeSource: text("notice_source"),
    noticeDocument: text("notice_document"),
  },
  (t) => [
    index("maintenance_windows_item_idx").on(t.catalogueItemId, t.startsAt),
    check("maintenance_windows_period_ck", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "maintenance_windows_notice_source_ck",
      sql`${t.noticeSource} in ('contract', 'specific-conditions', 'not-stated')`,
    ),
  ],
);

/**
 * The provider declares the portal (e-soutien) unavailable: meanwhile e-mail opens tickets for
 * every plan (MCR-SUP-03) or at the fallback address (DSN-SUP-08).
 */
export const portalOutages = pgTable("portal_outages", {
  id: uuid("id").primaryKey().defaultRandom(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }),
  reason: text("reason").notNull(),
  declaredByUserId: uuid("declared_by_user_id").notNull(),
});

export type Ticket = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
