import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { organisations } from "./organisations.js";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/**
 * Invoices and credit notes (MCR-BIL-01, MCR-BIL-02, DSN-ORD-03). A row is written once, when the
 * document is issued, with everything it says: the composed document (seller, buyer, lines, VAT
 * breakdown, mentions) and the exact PDF/A-3 (Factur-X) and CII XML sent to the customer. A
 * trigger refuses UPDATE and DELETE for every role (migration 0025): a correction is a credit note.
 */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: ["invoice", "credit_note"] }).notNull(),
    /** "2026-000042": the year of issue and its gapless sequence (invoice_counters), shown as is. */
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    /** "YYYY-MM": the month invoiced; a credit note carries its invoice's. */
    period: text("period").notNull(),
    /** The invoice a credit note corrects. */
    correctsInvoiceId: uuid("corrects_invoice_id"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    /** Cents; negative on a credit note's own sign convention is not used: credit notes hold positive amounts. */
    totalExclVatCents: bigint("total_excl_vat_cents", { mode: "bigint" }).notNull(),
    vatCents: bigint("vat_cents", { mode: "bigint" }).notNull(),
    totalInclVatCents: bigint("total_incl_vat_cents", { mode: "bigint" }).notNull(),
    /** The composed document (packages/domain InvoiceDocument), as issued. */
    document: jsonb("document").notNull(),
    pdf: bytea("pdf").notNull(),
    ciiXml: text("cii_xml").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "restrict" }),
    /** The contract file's version in force when this was decided (GEN-01); set by the database's default. */
    contractVersionId: uuid("contract_version_id"),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(t.number),
    uniqueIndex("invoices_year_sequence_key").on(t.year, t.sequence),
    // One invoice per customer and month: a second run of the month issues nothing twice.
    uniqueIndex("invoices_customer_period_key")
      .on(t.organisationId, t.period)
      .where(sql`${t.kind} = 'invoice'`),
    index("invoices_organisation_idx").on(t.organisationId, t.issueDate),
    check("invoices_period_ck", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("invoices_credit_note_ck", sql`(${t.kind} = 'credit_note') = (${t.correctsInvoiceId} is not null)`),
  ],
);

/**
 * The last number issued per year. Taken (upsert, row lock) by the transaction that writes the
 * invoice: a crash before the commit gives the number back, so the sequence has no gap.
 */
export const invoiceCounters = pgTable("invoice_counters", {
  year: integer("year").primaryKey(),
  lastSequence: integer("last_sequence").notNull(),
});

export type Invoice = typeof invoices.$inferSelect;
