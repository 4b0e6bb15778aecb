import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations.js";

/**
 * People and their access. One identifier per person (DSN-ID-01): a user row is one person's
 * identifier; replacing a lost identifier (DSN-ID-04) makes a new row linked by `replacesUserId`,
 * the old one kept for history.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Lower-cased; unique among identifiers that are not revoked. */
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Any language a contract may speak (issue 23); the contract's locale when none was chosen. */
    locale: text("locale", { enum: ["fr", "en", "de", "it", "nl"] })
      .notNull()
      .default("fr"),
    status: text("status", { enum: ["invited", "active", "deactivated", "suspended", "revoked"] })
      .notNull()
      .default("invited"),
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Provider roles or customer roles, depending on the organisation's kind. */
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** The right to invite others (MCR-ACC-02). */
    canInvite: boolean("can_invite").notNull().default(false),
    passwordHash: text("password_hash"),
    /** Base32 TOTP secret once the second factor is enrolled. */
    totpSecret: text("totp_secret"),
    /**
     * A secret handed out by enrolment and not yet proved by a code (issue 13): it never guards
     * sign-in, so closing the tab mid-enrolment leaves the account as it was; a new enrolment
     * replaces it.
     */
    totpPendingSecret: text("totp_pending_secret"),
    /** SHA-256 hashes of the unused recovery codes given at enrolment; each is removed when used. */
    totpRecoveryHashes: text("totp_recovery_hashes").array().notNull().default(sql`'{}'::text[]`),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /** Last sign-in or token use: drives the 6-month inactivity sweep (DSN-ID-03). */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    inactivityWarnedAt: timestamp("inactivity_warned_at", { withTimezone: true }),
    /** When the identifier must be sent by (DSN-ID-02: within 5 working days of the order). */
    identifierDueAt: timestamp("identifier_due_at", { withTimezone: true }),
    replacesUserId: uuid("replaces_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_live_key").on(t.email).where(sql`${t.status} <> 'revoked'`),
    index("users_organisation_idx").on(t.organisationId),
  ],
);

/** Contact details required of a named contact (MCR-SUP-04). */
export const namedContacts = pgTable("named_contacts", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  jobTitle: text("job_title").notNull(),
  phone: text("phone").notNull(),
  availability: text("availability").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per e-service profile: which features of a subscribed service a person may use (DSN-ID-05). */
export const serviceProfiles = pgTable(
  "service_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    catalogueItemId: text("catalogue_item_id").notNull(),
    features: text("features").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex("service_profiles_user_item_key").on(t.userId, t.catalogueItemId)],
);

/** Single-use links: invitation (set a password) and password reset. Only the hash is kept. */
export const oneTimeTokens = pgTable("one_time_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  purpose: text("purpose", { enum: ["invitation", "password_reset"] }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions; the cookie holds a random token whose hash is the key. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    csrfToken: text("csrf_token").notNull(),
    /** False until the second factor is given, when one is enrolled or required. */
    secondFactorDone: boolean("second_factor_done").notNull().default(false),
    /** Set while a provider agent acts in a customer's tenant under a support grant (MCR-ACC-05). */
    actingGrantId: uuid("acting_grant_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** API tokens for integrated mode (DSN-SEC-03): shown once, stored hashed. */
export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  /** The person answerable for the token's actions (DSN-SEC-01). */
  ownerUserId: uuid("owner_user_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  /** First characters, shown in lists so people can tell tokens apart. */
  prefix: text("prefix").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  roles: text("roles").array().notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Temporary access of a provider agent to a customer's tenant (MCR-ACC-05, MCR-SUP-13). */
export const supportGrants = pgTable("support_grants", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  agentUserId: uuid("agent_user_id")
    .notNull()
    .references(() => users.id),
  grantedByUserId: uuid("granted_by_user_id")
    .notNull()
    .references(() => users.id),
  reason: text("reason").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-ins per key (account or address) in the current window, for throttling. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
