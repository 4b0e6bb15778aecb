import { atomically, type Db, invoices, organisations } from "@guichet/db";
import { type Contract, daysInMonth, type InvoiceDocument, invoicingOf } from "@guichet/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit.js";
import { rematchCostOwners } from "../billing/match-cost-owners.js";
import { composeCustomerInvoice } from "./compose-customer-invoice.js";
import { type IssuedDocument, issueDocument } from "./issue-document.js";

export interface InvoiceRunResult {
  month: string;
  issueDate: string;
  issued: Array<Omit<IssuedDocument, "pdfMs">>;
  skipped: Array<{
    organisationId: string;
    name: string;
    reason: "already_invoiced" | "nothing_owed" | "no_billing_details";
  }>;
  /** Time spent rendering PDFs, of the whole run (the benchmark's share). */
  pdfMs: number;
}

export class MonthNotOverError extends Error {
  constructor(
    readonly month: string,
    readonly issueDate: string,
  ) {
    super(`the month ${month} is not over on ${issueDate}`);
    this.name = "MonthNotOverError";
  }
}

/**
 * The month's invoice run (MCR-BIL-01, MCR-BIL-02, DSN-ORD-03): one invoice per customer that owes
 * something, all or nothing. Every invoice is composed first, so a missing rate (MissingEuroRateError,
 * naming the currency and the day) stops the run before any number is taken; then each is issued
 * in the same transaction (issueDocument). One run at a time (an advisory lock); a customer
 * already invoiced for the month is skipped, so running the month again issues only what is new.
 */
export async function runInvoices(
  db: Db,
  contract: Contract,
  month: string,
  issueDate: string,
  actor: AuditActor,
  now: Date,
  onlyOrganisationId?: string,
): Promise<InvoiceRunResult> {
  invoicingOf(contract);
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  if (issueDate <= `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, "0")}`)
    throw new MonthNotOverError(month, issueDate);
  return atomically(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('guichet.invoice_run'))`);
    // Vendor accounts recorded since their costs were imported: those costs are billed now.
    await rematchCostOwners(tx);
    const customers = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, "customer"),
          onlyOrganisationId ? eq(organisations.id, onlyOrganisationId) : undefined,
        ),
      )
      .orderBy(asc(organisations.name), asc(organisations.id));
    const invoiced = new Set(
      (
        await tx
          .select({ organisationId: invoices.organisationId })
          .from(invoices)
          .where(and(eq(invoices.period, month), eq(invoices.kind, "invoice")))
      ).map((r) => r.organisationId),
    );
    const result: InvoiceRunResult = { month, issueDate, issued: [], skipped: [], pdfMs: 0 };
    const toIssue: Array<{ organisationId: string; document: InvoiceDocument }> = [];
    for (const customer of customers) {
      if (invoiced.has(customer.id)) {
        result.skipped.push({ organisationId: customer.id, name: customer.name, reason: "already_invoiced" });
        continue;
      }
      const { document, reason } = await composeCustomerInvoice(tx, contract, customer.id, month, issueDate);
      if (document) toIssue.push({ organisationId: customer.id, document });
      else
        result.skipped.push({
          organisationId: customer.id,
          name: customer.name,
          reason: reason ?? "nothing_owed",
        });
    }
    for (const { organisationId, document } of toIssue) {
      const { pdfMs, ...issued } = await issueDocument(tx, contract, organisationId, document, actor, now);
      result.pdfMs += pdfMs;
      result.issued.push(issued);
    }
    return result;
  });
}
