import { formatCivilDate } from "@guichet/domain";
import type { FastifyRequest } from "fastify";
import { AppError, type ErrorCode } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import type { NoticesMessageKey } from "../../i18n/messages-notices.js";
import type { ChangeRefusal } from "./plan-change.js";

/** A rule of the contract refuses (422) unless the request is malformed (400) or the state conflicts (409). */
const HTTP_CODES: Partial<Record<NoticesMessageKey, ErrorCode>> = {
  "notice.price_needs_value": "validation_failed",
  "notice.price_not_revisable": "validation_failed",
  "notice.already_announced": "conflict",
  "notice.no_conditions": "conflict",
  "notice.no_signature": "conflict",
  "notice.subscription_not_concerned": "conflict",
};
const DATE_PARAMS = new Set(["earliest", "effectiveFrom"]);

export function changeRefusalError(request: FastifyRequest, refused: ChangeRefusal): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  const params = Object.entries(refused.params ?? {});
  const worded = (name: string, value: string) => {
    if (DATE_PARAMS.has(name)) return formatCivilDate(value, locale);
    if (name === "direction") return t(locale, `notice.direction.${value}` as NoticesMessageKey);
    return value;
  };
  const message = t(locale, refused.reason, {
    clause: refused.clause ?? "",
    ...Object.fromEntries(params.map(([name, value]) => [name, worded(name, value)])),
  });
  return new AppError(HTTP_CODES[refused.reason] ?? "contract_rule", message, {
    reason: refused.reason.replace(/^notice\./, ""),
    ...(refused.clause ? { clause: refused.clause } : {}),
    ...Object.fromEntries(params),
    ...(refused.reason.startsWith("notice.price") ? { field: "prices" } : {}),
    ...(refused.params?.earliest ? { field: "effectiveFrom" } : {}),
  });
}
