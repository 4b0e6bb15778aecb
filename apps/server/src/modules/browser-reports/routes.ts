import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ZNoContent } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { CSP_REPORT_PATH } from "../../http/security-headers.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { type CspViolation, violationsOf, ZCspReport } from "./csp-violation.js";

/** A report is a few hundred bytes; a policy quoted in full stays well under this. */
const REPORT_BODY_LIMIT = 64 * 1024;
/** Reports logged per address and minute: a broken page repeats itself, an attacker floods. */
export const REPORTS_PER_MINUTE = 20;

/**
 * Content-Security-Policy violation reports (issue 21): a browser that refused something on a
 * page of the portal says so here (`report-uri`, and `report-to` through the Reporting API), and
 * each violation is logged as a warning, so a provider sees a page its policy breaks, or an
 * injection the policy stopped. Public (a report comes from any page, signed in or not), and
 * rate-limited per address; it writes nothing but the log.
 */
export function browserReportRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (request) =>
        new AppError(
          "rate_limited",
          t(negotiateLocale(request.headers["accept-language"]), "error.rate_limited"),
        ),
    });
    // The two media types browsers post reports as, read as JSON here only.
    app.addContentTypeParser(
      ["application/csp-report", "application/reports+json"],
      { parseAs: "string", bodyLimit: REPORT_BODY_LIMIT },
      app.getDefaultJsonParser("error", "error"),
    );
    app.post(
      CSP_REPORT_PATH,
      {
        bodyLimit: REPORT_BODY_LIMIT,
        config: { public: true, rateLimit: { max: REPORTS_PER_MINUTE, timeWindow: 60_000 } },
        schema: {
          tags: ["system"],
          summary:
            "Receive a browser's Content-Security-Policy violation reports (logged; rate-limited per address)",
          body: ZCspReport,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        for (const violation of violationsOf(request.body)) logViolation(request.log, violation);
        return reply.code(204).send(null);
      },
    );
  };
}

function logViolation(log: { warn: (object: object, message: string) => void }, violation: CspViolation) {
  log.warn({ cspViolation: violation }, "content security policy violation");
}
