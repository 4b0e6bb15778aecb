import { randomUUID } from "node:crypto";
import { createReadStream, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { principalOf } from "../../auth/plugin.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { ZDate, ZMonth } from "../../http/input-schemas.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { billingPolicy } from "../../policies/billing-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { costsRoot } from "./cost-paths.js";
import { vendorNames, ZVendorNames } from "./cost-vendors.js";
import { DetailedLinesPreparingError, pendingImportIds } from "./detailed-lines.js";
import { costMonths, EXPLORER_DIMENSIONS, type ExplorerDimension, exploreCosts } from "./explore-costs.js";
import { exportDetailedLines } from "./export-detailed-lines.js";
import { rethrowMissingRate } from "./rate-error.js";

const DIMENSIONS = EXPLORER_DIMENSIONS.join("|");

const ZOrganisationQuery = { organisationId: z.uuid().optional() };

const ZCostMonths = z.object({
  items: z.array(
    z.object({
      month: z.string(),
      lineCount: z.number().int(),
      firstDay: z.string(),
      lastDay: z.string(),
      /** Its detailed lines are still being written after an import: the download answers 409 until then. */
      preparing: z.boolean(),
    }),
  ),
});

const ZExplorer = z.object({
  /** The contract's billing currency: every amount is in it (issue 17). */
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.array(z.enum(EXPLORER_DIMENSIONS)),
  rows: z.array(
    z.object({
      day: z.string().optional(),
      vendor: z.string().optional(),
      service: z.string().optional(),
      region: z.string().optional(),
      amount: z.string(),
    }),
  ),
  rates: z.array(z.object({ currency: z.string(), day: z.string(), unitsPerEuro: z.string() })),
  vendorNames: ZVendorNames,
});

/** The customer whose costs are asked (its own by default), once the caller may see them. */
function readableCustomer(request: FastifyRequest, organisationId: string | undefined): string {
  const id = organisationId ?? tenantOf(principalOf(request));
  authorize(request, (p) => billingPolicy.viewCosts(p, id));
  return id;
}

/**
 * A customer's own costs in the portal (MCR 6.1.2, MCR-BIL-04): the months it has costs for, the
 * cost explorer (sums by day, vendor, service, region, filtered, in the contract's currency) and the detailed billing
 * (its own FOCUS lines, CSV or Parquet, the download audited).
 */
export function costRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;

  async function sendDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: string,
    month: string,
    format: "csv" | "parquet",
  ) {
    const locale = negotiateLocale(request.headers["accept-language"]);
    const work = join(costsRoot(context), ".exports", randomUUID());
    mkdirSync(work, { recursive: true });
    const out = join(work, `detail.${format}`);
    const cleanUp = () => rmSync(work, { recursive: true, force: true });
    let lines = 0;
    try {
      lines = await exportDetailedLines(context, db, organisationId, month, format, out, work);
    } catch (error) {
      cleanUp();
      if (error instanceof DetailedLinesPreparingError)
        throw new AppError("conflict", t(locale, "billing.detail.preparing", { month }), {
          month,
          preparing: true,
        });
      throw error;
    }
    if (lines === 0) {
      cleanUp();
      throw new AppError("not_found", t(locale, "billing.detail.none", { month }), { month });
    }
    await recordAudit(
      db,
      actorOf(principalOf(request), request),
      {
        action: "billing.detail_downloaded",
        organisationId,
        targetType: "organisation",
        targetId: organisationId,
        data: { month, format, lines },
      },
      context.clock(),
    );
    const stream = createReadStream(out);
    stream.once("close", cleanUp);
    const bytesReply: FastifyReply = reply;
    return bytesReply
      .header("content-type", format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet")
      .header("content-disposition", `attachment; filename="facturation-detaillee-${month}.${format}"`)
      .send(stream);
  }

  return async (app) => {
    app.get(
      "/api/billing/cost-months",
      {
        schema: {
          tags: ["billing"],
          summary:
            "The billing periods a customer has imported costs for, newest first, with their line counts — customer administrator or billing reader, provider billing staff",
          querystring: z.strictObject(ZOrganisationQuery),
          response: { 200: ZCostMonths },
        },
      },
      async (request) => ({
        items: await costMonths(
          db,
          readableCustomer(request, request.query.organisationId),
          pendingImportIds(context),
        ),
      }),
    );

    app.get(
      "/api/billing/cost-explorer",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Cost explorer (MCR-BIL-04): a customer's costs between two days (at most 366), grouped by `by` (day, vendor, service, region, comma-separated), " +
            "filtered by vendor, service or region, in the contract's currency at each billing period's ECB rates, rounded half-up per row — customer administrator or billing reader, provider billing staff",
          querystring: z.strictObject({
            ...ZOrganisationQuery,
            from: ZDate,
            to: ZDate,
            by: z
              .string()
              .regex(new RegExp(`^(${DIMENSIONS})(,(${DIMENSIONS})){0,3}$`))
              .optional(),
            vendor: z.string().max(200).optional(),
            service: z.string().max(200).optional(),
            region: z.string().max(200).optional(),
          }),
          response: { 200: ZExplorer },
        },
      },
      async (request) => {
        const organisationId = readableCustomer(request, request.query.organisationId);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const { from, to, vendor, service, region } = request.query;
        const by = [...new Set((request.query.by ?? "day,service").split(","))] as ExplorerDimension[];
        const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        if (span < 0 || span > 366)
          throw new AppError("validation_failed", t(locale, "billing.explorer.range"), { field: "to" });
        const result = await exploreCosts(
          db,
          organisationId,
          {
            from,
            to,
            by,
            vendor,
            service,
            region,
          },
          contract.currency,
        ).catch((error: unknown) => rethrowMissingRate(error, locale));
        return { currency: contract.currency, from, to, by, ...result, vendorNames: await vendorNames(db) };
      },
    );

    for (const format of ["csv", "parquet"] as const)
      app.get(
        `/api/billing/detailed-lines/${format}`,
        {
          config: { securityHeaders: "download" },
          schema: {
            tags: ["billing"],
            summary:
              `The customer's detailed billing of a month (MCR 6.1.2): its own FOCUS lines as the vendors exported them, as ${format === "csv" ? "CSV" : "Parquet"}; ` +
              "never another customer's lines nor an unmatched account's; 404 when the month has none; 409 while the latest import's lines are being prepared (a background step, minutes); the download is audited — customer administrator or billing reader, provider billing staff",
            querystring: z.strictObject({ ...ZOrganisationQuery, month: ZMonth }),
            response: {
              200: {
                description: format === "csv" ? "FOCUS CSV" : "FOCUS Parquet",
                content:
                  format === "csv"
                    ? { "text/csv": { schema: z.string() } }
                    : { "application/vnd.apache.parquet": { schema: z.string().meta({ format: "binary" }) } },
              },
            },
          },
        },
        async (request, reply) =>
          sendDetail(
            request,
            reply,
            readableCustomer(request, request.query.organisationId),
            request.query.month,
            format,
          ),
      );
  };
}
