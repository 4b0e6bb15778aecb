import { atomically, type Db, invoices } from "@guichet/db";
import { type Contract, composeCreditNote, type InvoiceDocument } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit.js";
import { type IssuedDocument, issueDocument } from "./issue-document.js";

export type CreditNoteResult =
  | { ok: true; issued: Omit<IssuedDocument, "pdfMs"> }
  | { ok: false; reason: "not_found" | "not_an_invoice" | "amount_out_of_range" };

/**
 * A credit note correcting an issued invoice (issued invoices never change): the whole invoice, or
 * an amount excluding VAT up to its total, with the reason the customer reads. Numbered in the
 * same gapless sequence, in the caller's transaction.
 */
export async function issueCreditNote(
  db: Db,
  contract: Contract,
  invoiceId: string,
  correction: { reason: string; amountCents?: bigint },
  issueDate: string,
  actor: AuditActor,
  now: Date,
): Promise<CreditNoteResult> {
  return atomically(db, async (tx) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice) return { ok: false, reason: "not_found" };
    if (invoice.kind !== "invoice") return { ok: false, reason: "not_an_invoice" };
    const amount = correction.amountCents;
    if (amount !== undefined && (amount <= 0n || amount > invoice.totalExclVatCents))
      return { ok: false, reason: "amount_out_of_range" };
    const document = composeCreditNote(
      contract,
      invoice.document as InvoiceDocument & { number: string },
      issueDate,
      correction,
    );
    const { pdfMs: _, ...issued } = await issueDocument(
      tx,
      contract,
      invoice.organisationId,
      document,
      actor,
      now,
      invoice.id,
    );
    return { ok: true, issued };
  });
}
