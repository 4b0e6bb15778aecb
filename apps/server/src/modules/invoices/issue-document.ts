import { type Db, invoiceCounters, invoices } from "@guichet/db";
import { type Contract, type InvoiceDocument, interfaceLocale } from "@guichet/domain";
import { sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { ciiXml } from "./cii-xml.js";
import { renderInvoicePdf } from "./invoice-pdf.js";

export interface IssuedDocument {
  id: string;
  number: string;
  organisationId: string;
  kind: "invoice" | "credit_note";
  totalInclVatCents: string;
  /** Milliseconds spent rendering the PDF (the run's figures). */
  pdfMs: number;
}

/**
 * Issues a composed document in the caller's transaction: takes the year's next number (the
 * counter row, locked until the commit), renders the Factur-X XML and the PDF/A-3 with it, writes
 * the row (never changed afterwards, migration 0025) and its audit entry. A crash or a refusal
 * before the commit gives the number back: the sequence has no gap. Invoices and credit notes
 * share one sequence per year of issue.
 */
export async function issueDocument(
  tx: Db,
  contract: Contract,
  organisationId: string,
  document: InvoiceDocument,
  actor: AuditActor,
  now: Date,
  correctsInvoiceId: string | null = null,
): Promise<IssuedDocument> {
  const year = Number(document.issueDate.slice(0, 4));
  const [counter] = await tx
    .insert(invoiceCounters)
    .values({ year, lastSequence: 1 })
    .onConflictDoUpdate({
      target: invoiceCounters.year,
      set: { lastSequence: sql`${invoiceCounters.lastSequence} + 1` },
    })
    .returning({ sequence: invoiceCounters.lastSequence });
  const sequence = (counter as { sequence: number }).sequence;
  const number = `${year}-${String(sequence).padStart(6, "0")}`;
  const numbered = { ...document, number };
  const locale = interfaceLocale(contract.locale);
  const xml = ciiXml(numbered, locale);
  const started = performance.now();
  const pdf = await renderInvoicePdf(numbered, xml, locale, now);
  const pdfMs = performance.now() - started;
  const [row] = await tx
    .insert(invoices)
    .values({
      organisationId,
      kind: document.kind,
      number,
      year,
      sequence,
      period: document.period,
      correctsInvoiceId,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      currency: document.currency,
      totalExclVatCents: BigInt(document.totalExclVatCents),
      vatCents: BigInt(document.vatCents),
      totalInclVatCents: BigInt(document.totalInclVatCents),
      document: numbered,
      pdf,
      ciiXml: xml,
      issuedAt: now,
      issuedBy: actor.userId,
    })
    .returning({ id: invoices.id });
  const id = (row as { id: string }).id;
  await recordAudit(
    tx,
    actor,
    {
      action: document.kind === "credit_note" ? "billing.credit_note_issued" : "billing.invoice_issued",
      organisationId,
      targetType: "invoice",
      targetId: id,
      data: {
        number,
        period: document.period,
        totalInclVatCents: document.totalInclVatCents,
        ...(correctsInvoiceId ? { correctsInvoiceId } : {}),
      },
    },
    now,
  );
  return {
    id,
    number,
    organisationId,
    kind: document.kind,
    totalInclVatCents: document.totalInclVatCents,
    pdfMs,
  };
}
