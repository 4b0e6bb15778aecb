import {
  CUSTOMER_ROLES,
  LANGUAGES,
  PROVIDER_ROLES,
  REPORT_EXCLUSIONS,
  TICKET_STATUSES,
} from "@guichet/domain";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "./errors.js";

// The API's shared pieces, each with a stable name in the OpenAPI document (`.meta({ id })`):
// the portal's generated types (apps/web/src/api/schema.d.ts) and its constants
// (apps/web/src/api/constants.ts) are derived from these names, so rename with care.

/** Every error the API answers (http/error-handler.ts), whatever the route. */
export const ZApiError = z
  .object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    /** Already in the reader's language (Accept-Language, French by default). */
    message: z.string(),
    /** Names the field or the clause concerned; `requestId` for a 500. */
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ApiError" });

/** Said in the document of an answer without a body (204, or 202 for a request taken). */
export const NO_CONTENT = "No content: the status says it all";
/** An answer without a body: `response: { 204: ZNoContent }`. */
export const ZNoContent = z.null().describe(NO_CONTENT);

export const ZLocale = z.enum(["fr", "en"]).meta({ id: "Locale" });
/** A person's language: any a contract may speak (issue 23); the portal's own texts fall back from it. */
export const ZLanguage = z.enum(LANGUAGES).meta({ id: "Language" });
/**
 * A text of the contract: in French and English always (the portal's own languages; the contract's
 * locale text where it wrote neither), and in the contract's other languages it was written in.
 */
export const ZLabel = z
  .object({
    fr: z.string(),
    en: z.string(),
    de: z.string().optional(),
    it: z.string().optional(),
    nl: z.string().optional(),
  })
  .meta({ id: "Label" });

export const ZProviderRole = z.enum(PROVIDER_ROLES).meta({ id: "ProviderRole" });
export const ZCustomerRole = z.enum(CUSTOMER_ROLES).meta({ id: "CustomerRole" });
export const ZRole = z.enum([...PROVIDER_ROLES, ...CUSTOMER_ROLES]).meta({ id: "Role" });
/** Roles an API token may carry (DSN-SEC-03). */
export const TOKEN_ROLES = ["named_contact", "user", "billing_reader"] as const;
export const ZTokenRole = z.enum(TOKEN_ROLES).meta({ id: "TokenRole" });

/**
 * A priority id of the deployment's contract ("P1"…"P5": the contract lists its levels, MCR-SUP-05);
 * a string in the API, checked against the contract by the use cases (refusal "unknown_priority").
 */
export const ZPriority = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,15}$/)
  .meta({ id: "Priority" });
export const ZTicketStatus = z.enum(TICKET_STATUSES).meta({ id: "TicketStatus" });
/** Tickets left out of a month's figures, by reason (DSN-SUP-07, MCR-SUP-08, MCR-SUP-11). */
export const ZReportExclusion = z.enum(REPORT_EXCLUSIONS).meta({ id: "ReportExclusion" });
