import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail (DSN-SEC-01): every sign-in, change and token use, attributed to a person.
 * Append-only — a trigger refuses UPDATE and DELETE — and hash-chained, one chain per
 * organisation: each entry's hash covers its content and the previous entry's hash of its
 * chain, so `guichet audit verify` finds the first broken link. No foreign keys: an entry
 * outlives what it names.
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
    /**
     * The chain the entry belongs to: its customer organisation's id, or the provider's chain
     * (the nil UUID: the provider's own actions and those of no organisation). Null for the
     * genesis segment, the single chain every entry was in before migration 0017. Not covered by
     * the hash: an entry moved to another chain breaks the links of both.
     */
    chain: uuid("chain"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_actor_at_idx").on(t.actorUserId, t.at),
    index("audit_log_organisation_at_idx").on(t.organisationId, t.at),
    // Each chain's head (the append reads it), and one organisation's chain in order (its export).
    index("audit_log_chain_seq_idx").on(t.chain, t.seq),
  ],
);

/**
 * The provider's anchor chain: each minute that some organisation's chain moved, an anchor
 * records the head of every chain that moved (`heads`: chain → its last entry's seq and hash),
 * hash-chained to the previous anchor. Rewriting or deleting the tail of one organisation's
 * chain is caught at the first anchor that recorded a head in it. Append-only as the trail is.
 */
export const auditAnchors = pgTable("audit_anchors", {
  seq: bigserial("seq", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  heads: jsonb("heads").$type<Record<string, { seq: number; hash: string }>>().notNull(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

/**
 * Each chain's head as the last anchor recorded it: what the anchor sweep compares the current
 * heads with to find the chains that moved. Derived from the anchors, written with each one.
 */
export const auditAnchoredHeads = pgTable("audit_anchored_heads", {
  chain: text("chain").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  anchorSeq: bigint("anchor_seq", { mode: "number" }).notNull(),
});
