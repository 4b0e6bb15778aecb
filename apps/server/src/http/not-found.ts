import type { FastifyRequest } from "fastify";
import { negotiateLocale, t } from "../i18n/index.js";
import { AppError } from "./errors.js";

export type Resource =
  | "organisation"
  | "user"
  | "api_token"
  | "support_grant"
  | "ticket"
  | "maintenance"
  | "portal_outage"
  | "subscription"
  | "termination"
  | "staff_task"
  | "transfer_request"
  | "customer"
  | "invoice"
  | "notice"
  | "contract_change"
  | "budget"
  | "security_incident"
  | "security_audit"
  | "client_certificate"
  | "news_item";

/** A 404 in the client's language; the same answer whether the thing is absent or someone else's. */
export function notFound(request: FastifyRequest, resource: Resource): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  return new AppError(
    "not_found",
    t(locale, "error.resource_not_found", { what: t(locale, `resource.${resource}`) }),
    {
      resource,
    },
  );
}
