import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations, subscriptions } from "./organisations.js";

/** Binary content (PDFs), read back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * An order (issue 16). MCR (MCR 5.1, 6.1, 7): a cloud vendor account with the vendor's conditions
 * accepted, a support plan and a tenancy; submitted → accepted (the vendor account recorded,
 * MCR-ACC-04) or refused. DSN (DSN art. 4, 5, 7): an e-service by a signed order form;
 * awaiting_signature → received (signed in the portal or a signed scan uploaded: invoicing starts,
 * DSN-ORD-03, identifiers due, DSN-ID-02) → activated (the provider's signature and the activation
 * date, DSN-ORD-02) or refused. A status only moves forward, by a conditional UPDATE from the
 * status it was read in, so two staff deciding at once cannot both win.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Per organisation and year, without gaps: BC-2026-0007 (numbered under a lock). */
    reference: text("reference").notNull(),
    catalogueItemId: text("catalogue_item_id").notNull(),
    status: text("status", {
      enum: ["submitted", "awaiting_signature", "received", "accepted", "activated", "refused"],
    }).notNull(),
    /** The client's key for this submission: the same key again answers the same order (a second click). */
    idempotencyKey: text("idempotency_key").notNull(),
    orderedByUserId: uuid("ordered_by_user_id")
      .notNull()
      .references(() => users.id),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull(),
    // MCR: the vendor's conditions accepted (MCR 4), support plan (MCR 8.2.1), tenancy (MCR 8.2.4).
    supportPlan: text("support_plan"),
    tenancy: text("tenancy", { enum: ["single", "multi"] }),
    vendorTermsTitle: text("vendor_terms_title"),
    vendorTermsUrl: text("vendor_terms_url"),
    vendorTermsVersion: text("vendor_terms_version"),
    vendorTermsAcceptedByUserId: uuid("vendor_terms_accepted_by_user_id").references(() => users.id),
    vendorTermsAcceptedAt: timestamp("vendor_terms_accepted_at", { withTimezone: true }),
    // DSN: the order form and its signatures (DSN art. 4.1, 5, 7; annex 4).
    signatureKind: text("signature_kind", { enum: ["portal", "scan"] }),
    signerName: text("signer_name"),
    signerRole: text("signer_role"),
    signerUserId: uuid("signer_user_id").references(() => users.id),
    signerIp: text("signer_ip"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** When the provider received the signed order form: invoicing starts that day (DSN-ORD-03). */
    receivedAt: timestamp("received_at", { withTimezone: true }),
    invoicingFrom: date("invoicing_from", { mode: "string" }),
    /** Identifiers are due by then (DSN-ID-02), counted from the reception. */
    identifiersDueAt: timestamp("identifiers_due_at", { withTimezone: true }),
    identifiersSentAt: timestamp("identifiers_sent_at", { withTimezone: true }),
    identifiersWarnedAt: timestamp("identifiers_warned_at", { withTimezone: true }),
    providerSignedAt: timestamp("provider_signed_at", { withTimezone: true }),
    /** The last signature: the contract takes effect then (DSN-ORD-02, DSN art. 4.1). */
    contractEffectiveAt: timestamp("contract_effective_at", { withTimezone: true }),
    /** The activation date the provider sets: access granted, minimum period from it (DSN-ORD-02). */
    activationOn: date("activation_on", { mode: "string" }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    refusalReason: text("refusal_reason"),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id),
    /** The contract file's version in force when this was decided (GEN-01); set by the database's default. */
    contractVersionId: uuid("contract_version_id"),
  },
  (t) => [
    uniqueIndex("orders_idempotency_key").on(t.organisationId, t.idempotencyKey),
    uniqueIndex("orders_reference_key").on(t.organisationId, t.reference),
    index("orders_organisation_idx").on(t.organisationId),
    // The identifiers sweep reads only received orders whose identifiers are not sent yet.
    index("orders_identifiers_due_idx")
      .on(t.identifiersDueAt)
      .where(sql`${t.identifiersSentAt} is null and ${t.identifiersDueAt} is not null`),
  ],
);

/**
 * A cloud vendor account the provider created for a customer (MCR 7.2, MCR-ACC-04): the vendor's
 * account id, the billing account it is invoiced under, and the console link the portal shows.
 * Billing matches a FOCUS line's BillingAccountId / SubAccountId to it (vendorAccountsByBillingId).
 */
export const vendorAccounts = pgTable(
  "vendor_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** The cloud catalogue item (azure, aws, gcp…): its vendor is the contract's. */
    catalogueItemId: text("catalogue_item_id").notNull(),
    /** The vendor's id of the account (Azure subscription, AWS account, GCP project…): FOCUS SubAccountId. */
    vendorAccountId: text("vendor_account_id").notNull(),
    /** The vendor's billing account it is invoiced under: FOCUS BillingAccountId; null when the same. */
    billingAccountId: text("billing_account_id"),
    consoleUrl: text("console_url").notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "restrict" }),
    subscriptionId: uuid("subscription_id").references(() => subscriptions.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
  },
  (t) => [
    uniqueIndex("vendor_accounts_vendor_account_key").on(t.catalogueItemId, t.vendorAccountId),
    index("vendor_accounts_organisation_idx").on(t.organisationId),
    index("vendor_accounts_billing_idx").on(t.billingAccountId),
  ],
);

/** The PDFs of an order: the order form generated from the catalogue, a signed scan uploaded. */
export const orderDocuments = pgTable(
  "order_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    kind: text("kind", { enum: ["order_form", "signed_scan"] }).notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("order_documents_order_kind_key").on(t.orderId, t.kind)],
);

/** The wholesale contracts an operator holds, recorded by the provider: what it may order (DSN-ORD-01). */
export const wholesaleContracts = pgTable(
  "wholesale_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    title: text("title").notNull(),
    reference: text("reference").notNull(),
    /** Catalogue items this contract makes the operator eligible to. */
    allowsItems: text("allows_items").array().notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("wholesale_contracts_organisation_idx").on(t.organisationId)],
);

/** A maximum of resources per customer and vendor, set by the provider (MCR 9.1, MCR-ORD-04). */
export const resourceQuotas = pgTable(
  "resource_quotas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    catalogueItemId: text("catalogue_item_id").notNull(),
    /** What is counted, e.g. "vCPU", "Go de stockage". */
    resource: text("resource").notNull(),
    maximum: integer("maximum").notNull(),
    setByUserId: uuid("set_by_user_id").references(() => users.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("resource_quotas_key").on(t.organisationId, t.catalogueItemId, t.resource),
    check("resource_quotas_maximum_ck", sql`${t.maximum} >= 0`),
  ],
);

/** A customer's request to raise a quota, and the provider's answer (MCR-ORD-04). */
export const quotaRequests = pgTable(
  "quota_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    quotaId: uuid("quota_id")
      .notNull()
      .references(() => resourceQuotas.id),
    requestedMaximum: integer("requested_maximum").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["pending", "accepted", "refused"] })
      .notNull()
      .default("pending"),
    requestedByUserId: uuid("requested_by_user_id")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    index("quota_requests_organisation_idx").on(t.organisationId),
    check("quota_requests_maximum_ck", sql`${t.requestedMaximum} >= 0`),
  ],
);

export type Order = typeof orders.$inferSelect;
export type VendorAccount = typeof vendorAccounts.$inferSelect;
