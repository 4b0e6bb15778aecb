import { invoices } from "@guichet/db";
import {
  centsToDecimal,
  describeInvoiceLine,
  type InvoiceDocument,
  invoiceMentions,
  localDateIn,
  MissingEuroRateError,
  NoInvoicingError,
  parseDecimal,
  roundToCents,
} from "@guichet/domain";
import { and, desc, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { principalOf } from "../../auth/plugin.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { ZMonth, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { billingPolicy } from "../../policies/billing-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { recordAudit } from "../audit/record-audit.js";
import { issueCreditNote } from "./issue-credit-note.js";
import { MonthNotOverError, runInvoices } from "./run-invoices.js";

const ZInvoiceSummary = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    kind: z.enum(["invoice", "credit_note"]),
    number: z.string(),
    period: z.string(),
    issueDate: z.string(),
    dueDate: z.string(),
    currency: z.string(),
    totalExclVat: z.string(),
    vat: z.string(),
    totalInclVat: z.string(),
    correctsInvoiceId: z.uuid().nullable(),
    buyerName: z.string(),
  })
  .meta({ id: "InvoiceSummary" });

const ZInvoiceDetail = ZInvoiceSummary.extend({
  lines: z.array(z.object({ kind: z.string(), name: z.string(), detail: z.string(), amount: z.string() })),
  rates: z.array(z.object({ currency: z.string(), unitsPerEuro: z.string(), day: z.string() })),
  /** A credit note's invoice number (its id is `correctsInvoiceId`); null for an invoice. */
  correctsNumber: z.string().nullable(),
  /** The VAT breakdown: its rate ("20.00"), basis and amount. */
  vatBreakdown: z.array(z.object({ ratePercent: z.string(), basis: z.string(), vat: z.string() })),
  /**
   * The mentions the invoice carries, in the reader's language (invoiceMentions: Code de commerce
   * L441-9, L441-10, D441-5); `vat` says why no VAT is charged (AE, G), else null.
   */
  mentions: z.object({
    vat: z.string().nullable(),
    terms: z.string(),
    penalty: z.string(),
    indemnity: z.string(),
    discount: z.string(),
  }),
}).meta({ id: "InvoiceDetail" });

const ZInvoiceRun = z
  .object({
    month: z.string(),
    issueDate: z.string(),
    issued: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        organisationId: z.uuid(),
        kind: z.enum(["invoice", "credit_note"]),
        totalInclVat: z.string(),
      }),
    ),
    skipped: z.array(
      z.object({
        organisationId: z.uuid(),
        name: z.string(),
        reason: z.enum(["already_invoiced", "nothing_owed", "no_billing_details"]),
      }),
    ),
  })
  .meta({ id: "InvoiceRun" });

const eur = (cents: bigint | string) => centsToDecimal(BigInt(cents));

function summaryOf(row: typeof invoices.$inferSelect) {
  const document = row.document as InvoiceDocument;
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    number: row.number,
    period: row.period,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    totalExclVat: eur(row.totalExclVatCents),
    vat: eur(row.vatCents),
    totalInclVat: eur(row.totalInclVatCents),
    correctsInvoiceId: row.correctsInvoiceId,
    buyerName: document.buyer.legalName,
  };
}

/**
 * Invoices and credit notes (MCR-BIL-01, MCR-BIL-02, MCR-BIL-04 "l'ensemble des factures",
 * DSN-ORD-03): the staff's monthly run and credit notes; every reader's list, detail and downloads
 * (PDF/A-3 Factur-X, CII XML), each download audited.
 */
export function invoiceRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;

  /** The invoice, when the caller may see it (404 alike when absent or someone else's). */
  async function readable(request: FastifyRequest, invoiceId: string) {
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!row) throw notFound(request, "invoice");
    authorize(request, (p) => billingPolicy.viewCosts(p, row.organisationId));
    return row;
  }

  async function download(
    request: FastifyRequest,
    reply: FastifyReply,
    invoiceId: string,
    format: "pdf" | "xml",
  ) {
    const row = await readable(request, invoiceId);
    const principal = principalOf(request);
    await recordAudit(
      db,
      actorOf(principal, request),
      {
        action: "billing.invoice_downloaded",
        organisationId: row.organisationId,
        targetType: "invoice",
        targetId: row.id,
        data: { number: row.number, format },
      },
      context.clock(),
    );
    const name = `${row.kind === "credit_note" ? "avoir" : "facture"}-${row.number}.${format}`;
    const bytesReply: FastifyReply = reply;
    return bytesReply
      .header("content-type", format === "pdf" ? "application/pdf" : "application/xml; charset=utf-8")
      .header("content-disposition", `attachment; filename="${name}"`)
      .send(format === "pdf" ? Buffer.from(row.pdf) : row.ciiXml);
  }

  return async (app) => {
    app.post(
      "/api/billing/invoice-runs",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Issue the invoices of a month that is over, one per customer that owes something, all or nothing; customers already " +
            "invoiced for it are skipped (a second run issues nothing twice); a missing rate answers 409 naming the currency and day — provider admin or billing",
          body: z.strictObject({ month: ZMonth }),
          response: { 201: ZInvoiceRun },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, billingPolicy.issueInvoices);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const now = context.clock();
        const issueDate = localDateIn(now, timeZoneOf(context.contract));
        try {
          const result = await runInvoices(
            db,
            context.contract,
            request.body.month,
            issueDate,
            actorOf(principal, request),
            now,
          );
          return reply.code(201).send({
            ...result,
            issued: result.issued.map(({ totalInclVatCents, ...i }) => ({
              ...i,
              totalInclVat: eur(totalInclVatCents),
            })),
          });
        } catch (error) {
          if (error instanceof MissingEuroRateError)
            throw new AppError(
              "conflict",
              t(locale, "billing.rates.missing", { currency: error.currency, day: error.day }),
              { currency: error.currency, day: error.day },
            );
          if (error instanceof MonthNotOverError)
            throw new AppError(
              "conflict",
              t(locale, "invoices.month_not_over", { month: error.month, day: error.issueDate }),
              { month: error.month },
            );
          if (error instanceof NoInvoicingError)
            throw new AppError("conflict", t(locale, "invoices.no_invoicing"), {});
          throw error;
        }
      },
    );

    app.get(
      "/api/invoices",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Invoices and credit notes, newest first: a customer's own (organisationId defaults to it), any customer's for provider billing staff — customer administrator or billing reader, provider billing staff",
          querystring: z.strictObject({ organisationId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(ZInvoiceSummary) }) },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const organisationId = request.query.organisationId ?? tenantOf(principal);
        // Provider staff in their own space read every customer's; an agent acting in a tenant, that tenant's (MCR-ACC-05).
        const everyone =
          principal.organisationKind === "provider" && !principal.acting && !request.query.organisationId;
        authorize(request, (p) =>
          everyone ? billingPolicy.viewUnmatchedAccounts(p) : billingPolicy.viewCosts(p, organisationId),
        );
        const rows = await db
          .select()
          .from(invoices)
          .where(everyone ? undefined : and(eq(invoices.organisationId, organisationId)))
          .orderBy(desc(invoices.year), desc(invoices.sequence))
          .limit(500);
        return { items: rows.map(summaryOf) };
      },
    );

    app.get(
      "/api/invoices/:invoiceId",
      {
        schema: {
          tags: ["billing"],
          summary:
            "An invoice or credit note with its lines in words (the rate and its day, the fee's basis and percentage)",
          params: z.strictObject({ invoiceId: z.uuid() }),
          response: { 200: ZInvoiceDetail },
        },
      },
      async (request) => {
        const row = await readable(request, request.params.invoiceId);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const document = row.document as InvoiceDocument;
        return {
          ...summaryOf(row),
          lines: document.lines.map((line) => ({
            kind: line.kind,
            ...describeInvoiceLine(line, locale, document.currency),
            amount: eur(line.amountCents),
          })),
          rates: document.rates,
          correctsNumber: document.corrects?.number ?? null,
          vatBreakdown: document.vat.map((v) => ({
            ratePercent: v.ratePercent,
            basis: eur(v.basisCents),
            vat: eur(v.vatCents),
          })),
          mentions: invoiceMentions(document, locale),
        };
      },
    );

    for (const format of ["pdf", "xml"] as const)
      app.get(
        `/api/invoices/:invoiceId/${format}`,
        {
          config: { securityHeaders: "download" },
          schema: {
            tags: ["billing"],
            summary:
              format === "pdf"
                ? "The invoice as issued: a PDF/A-3 carrying its Factur-X XML (EN 16931); the download is audited"
                : "The invoice's Factur-X XML alone (UN/CEFACT CII D16B, EN 16931 profile); the download is audited",
            params: z.strictObject({ invoiceId: z.uuid() }),
            response: {
              200: {
                description: format === "pdf" ? "PDF/A-3b with factur-x.xml attached" : "CII XML",
                content:
                  format === "pdf"
                    ? { "application/pdf": { schema: z.string().meta({ format: "binary" }) } }
                    : { "application/xml": { schema: z.string() } },
              },
            },
          },
        },
        async (request, reply) => download(request, reply, request.params.invoiceId, format),
      );

    app.post(
      "/api/invoices/:invoiceId/credit-notes",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Correct an issued invoice by a credit note (an invoice is never changed): the whole invoice, or `amount` excluding VAT (in the invoice's currency, decimal) up to its total — provider admin or billing",
          params: z.strictObject({ invoiceId: z.uuid() }),
          body: z.strictObject({
            reason: ZWritten(500),
            amount: z
              .string()
              .regex(/^\d{1,10}(\.\d{1,2})?$/)
              .optional(),
          }),
          response: { 201: ZInvoiceSummary },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, billingPolicy.issueInvoices);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const now = context.clock();
        const amount = request.body.amount ? parseDecimal(request.body.amount) : undefined;
        const result = await issueCreditNote(
          db,
          context.contract,
          request.params.invoiceId,
          { reason: request.body.reason, amountCents: amount ? roundToCents(amount) : undefined },
          localDateIn(now, timeZoneOf(context.contract)),
          actorOf(principal, request),
          now,
        );
        if (!result.ok) {
          if (result.reason === "not_found") throw notFound(request, "invoice");
          throw new AppError(
            result.reason === "amount_out_of_range" ? "validation_failed" : "conflict",
            t(locale, `invoices.${result.reason}`),
            { reason: result.reason },
          );
        }
        const [row] = await db.select().from(invoices).where(eq(invoices.id, result.issued.id));
        return reply.code(201).send(summaryOf(row as typeof invoices.$inferSelect));
      },
    );
  };
}
