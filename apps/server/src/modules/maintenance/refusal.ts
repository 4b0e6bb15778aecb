import type { CalendarDuration } from "@guichet/domain";
import type { FastifyRequest } from "fastify";
import { AppError, type ErrorCode } from "../../http/errors.js";
import { formatCalendarDuration } from "../../i18n/format-duration.js";
import { type Locale, negotiateLocale, t } from "../../i18n/index.js";
import type { MaintenanceMessageKey } from "../../i18n/messages-maintenance.js";
import { formatInstant } from "../mail/templates.js";

export type RefusalCode = Extract<MaintenanceMessageKey, `maintenance.${string}` | `outage.${string}`>;
type Param = string | number | Date | CalendarDuration;

/** Why an announcement or an outage change was refused; the route words it in the client's language. */
export interface Refusal {
  ok: false;
  reason: RefusalCode;
  clause?: string;
  params?: Record<string, Param>;
}

export const refusal = (reason: RefusalCode, clause?: string, params?: Record<string, Param>): Refusal => ({
  ok: false,
  reason,
  clause,
  params,
});

/** A state conflict (409), a request that contradicts itself (400), else a rule of the contract (422). */
const HTTP_CODES: Partial<Record<RefusalCode, ErrorCode>> = {
  "maintenance.already_cancelled": "conflict",
  "maintenance.already_over": "conflict",
  "outage.overlaps": "conflict",
  "outage.already_ended": "conflict",
  "maintenance.ends_before_start": "validation_failed",
  "maintenance.duration_exceeds_window": "validation_failed",
  "outage.ends_before_start": "validation_failed",
};

function worded(value: Param, locale: Locale, timeZone: string): string {
  if (value instanceof Date) return formatInstant(value, locale, timeZone);
  if (typeof value === "object") return formatCalendarDuration(value, locale);
  return String(value);
}

/** For machines: instants in ISO 8601, durations as the contract writes them. */
function raw(value: Param): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return value.text;
  return value;
}

export function refusalError(request: FastifyRequest, refused: Refusal, timeZone: string): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  const params = Object.entries(refused.params ?? {});
  const message = t(locale, refused.reason, {
    clause: refused.clause ?? "",
    ...Object.fromEntries(params.map(([name, value]) => [name, worded(value, locale, timeZone)])),
  });
  return new AppError(HTTP_CODES[refused.reason] ?? "contract_rule", message, {
    reason: refused.reason.replace(/^\w+\./, ""),
    ...(refused.clause ? { clause: refused.clause } : {}),
    ...Object.fromEntries(params.map(([name, value]) => [name, raw(value)])),
  });
}
