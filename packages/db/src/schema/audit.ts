import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail (DSN-SEC-01): every sign-in, change and token use, attributed to a person.
 * Append-only — a trigger refuses UPDATE and DELETE — and hash-chained: each entry's hash covers
 * its content and the previous entry's hash, so `guichet audit verify` finds the first broken link.
 * No foreign keys: an entry outlives what it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The person who acted; null only for the system's own sweeps and failed anonymous sign-ins. */
    actorUserId: uuid("actor_user_id"),
    /** "Camille Martin <camille@example.fr>" as it was at the time. */
    actorLabel: text("actor_label").notNull(),
    /** The organisation the actor belongs to. */
    actorOrganisationId: uuid("actor_organisation_id"),
    /** The organisation acted for (a provider agent acting in a customer's tenant). */
    organisationId: uuid("organisation_id"),
    /** The support grant under which a provider agent acted (MCR-ACC-05). */
    grantId: uuid("grant_id"),
    /** Through which credential: session, api_token, link, system. */
    via: text("via").notNull(),
    apiTokenId: uuid("api_token_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: text("outcome", { enum: ["success", "failure"] }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_actor_at_idx").on(t.actorUserId, t.at),
    index("audit_log_organisation_at_idx").on(t.organisationId, t.at),
  ],
);
