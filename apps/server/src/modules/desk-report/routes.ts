import { monthOf, monthsFromTo, shiftMonth } from "@guichet/domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { tenantOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { ZMonth } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { t } from "../../i18n/index.js";
import { requestLocale, ZLangQuery } from "../../i18n/request-locale.js";
import { authorize } from "../../policies/authorize.js";
import { isDeskStaff } from "../../policies/desk-policy.js";
import { deskReportPolicy } from "../../policies/desk-report-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { presentSlaReport, presentSlaSeries, ZSlaReport, ZSlaSeries } from "./present-sla-report.js";
import { type SlaReport, slaReport } from "./sla-report.js";
import { slaReportCsv } from "./sla-report-csv.js";

/** The longest series a chart asks for at once: two years of months. */
const MAX_MONTHS = 24;

const ZCommonQuery = {
  /** The customer; a customer's administrator may leave it out for its own organisation. */
  organisationId: z.uuid().optional(),
  /** JSON unless "csv" here or `Accept: text/csv`. */
  format: z.enum(["json", "csv"]).optional(),
  /** The language of the CSV and of refusals, over Accept-Language: the portal's download link gives its own. */
  ...ZLangQuery,
};

/** The JSON answer, or the same figures as CSV text (sent as is: the schema checks JSON only); errors are JSON. */
function jsonOrCsv<T extends z.ZodType>(json: T) {
  return {
    description: "The figures as JSON, or as CSV with format=csv or Accept: text/csv",
    content: { "application/json": { schema: json }, "text/csv": { schema: z.string() } },
  };
}

function wantsCsv(request: FastifyRequest, format: "json" | "csv" | undefined): boolean {
  return format === "csv" || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ""));
}

/** Monthly initial-response reports of the service desk (MCR-SUP-06), as JSON or CSV. */
export function deskReportRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  const timeZone = timeZoneOf(contract);

  /** The organisation reported on, once the caller may see its report; 404 when it does not exist. */
  async function reportFor(
    request: FastifyRequest,
    organisationId: string | undefined,
    period: { from: string; to: string },
  ) {
    const locale = requestLocale(request);
    const principal = authorize(request, (p) => deskReportPolicy.slaReport(p, organisationId ?? tenantOf(p)));
    if (!organisationId && isDeskStaff(principal))
      throw new AppError("validation_failed", t(locale, "report.organisation_required"), {
        field: "querystring.organisationId",
      });
    // Checked before listing the months, so a period of centuries costs nothing.
    if (period.from > period.to || period.to > shiftMonth(period.from, MAX_MONTHS - 1))
      throw new AppError(
        "validation_failed",
        t(locale, "report.month_range", { ...period, max: MAX_MONTHS }),
        {
          field: "querystring",
        },
      );
    const months = monthsFromTo(period.from, period.to);
    const report = await slaReport(
      db,
      contract,
      organisationId ?? tenantOf(principal),
      months,
      context.clock(),
    );
    if (!report) throw notFound(request, "organisation");
    return { report, locale };
  }

  /** Returned, not sent: the handler's tenant transaction ends before the answer leaves (auth/tenant-scope.ts). */
  function csvOf(reply: FastifyReply, report: SlaReport, locale: "fr" | "en", name: string): string {
    reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`);
    return slaReportCsv(report, locale, contract);
  }

  return async (app) => {
    app.get(
      "/api/desk/reports/sla",
      {
        schema: {
          tags: ["desk"],
          summary:
            "A customer's month of initial-response figures per priority (MCR-SUP-06), maintenance and tickets without SLA left out (DSN-SUP-07) — desk staff, or the customer's administrator",
          querystring: z.strictObject({ ...ZCommonQuery, month: ZMonth.optional() }),
          response: { 200: jsonOrCsv(ZSlaReport) },
        },
      },
      async (request, reply) => {
        const month = request.query.month ?? monthOf(context.clock(), timeZone);
        const { report, locale } = await reportFor(request, request.query.organisationId, {
          from: month,
          to: month,
        });
        if (wantsCsv(request, request.query.format)) return csvOf(reply, report, locale, `sla-${month}`);
        return presentSlaReport(report, contract);
      },
    );

    app.get(
      "/api/desk/reports/sla/monthly",
      {
        schema: {
          tags: ["desk"],
          summary: `A customer's initial-response figures month by month, the last 12 by default, ${MAX_MONTHS} at most (MCR-SUP-06) — desk staff, or the customer's administrator`,
          querystring: z.strictObject({ ...ZCommonQuery, from: ZMonth.optional(), to: ZMonth.optional() }),
          response: { 200: jsonOrCsv(ZSlaSeries) },
        },
      },
      async (request, reply) => {
        const to = request.query.to ?? monthOf(context.clock(), timeZone);
        const from = request.query.from ?? shiftMonth(to, -11);
        const { report, locale } = await reportFor(request, request.query.organisationId, { from, to });
        if (wantsCsv(request, request.query.format)) return csvOf(reply, report, locale, `sla-${from}-${to}`);
        return presentSlaSeries(report, contract);
      },
    );
  };
}
