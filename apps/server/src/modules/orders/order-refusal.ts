import type { FastifyRequest } from "fastify";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";

/** Why an order, a signature or a decision is refused: each names its field or clause. */
export type OrderRefusal =
  | { reason: "not_found" }
  | { reason: "unknown_item"; item: string }
  | { reason: "not_orderable"; item: string }
  | { reason: "not_eligible"; item: string; clause: string; held: string }
  | { reason: "vendor_terms_not_accepted"; url: string; clause: string }
  | { reason: "unknown_plan"; plan: string }
  | { reason: "plan_held"; plan: string; held: string; clause: string }
  | { reason: "already_ordered"; reference: string }
  | { reason: "idempotency_mismatch"; reference: string }
  | { reason: "wrong_status"; reference: string; status: string; by: string; at: string }
  | { reason: "document_mismatch" }
  | { reason: "not_a_pdf" }
  | { reason: "activation_before_reception"; received: string; clause: string }
  | { reason: "not_a_cloud_account" }
  | { reason: "not_an_order_form" }
  | { reason: "vendor_account_taken"; vendorAccountId: string };

const FIELDS: Partial<Record<OrderRefusal["reason"], string>> = {
  unknown_item: "catalogueItemId",
  not_orderable: "catalogueItemId",
  not_eligible: "catalogueItemId",
  vendor_terms_not_accepted: "vendorTerms",
  unknown_plan: "supportPlan",
  plan_held: "supportPlan",
  document_mismatch: "sha256",
  not_a_pdf: "pdfBase64",
  activation_before_reception: "activationOn",
  vendor_account_taken: "vendorAccountId",
};

const CODES: Partial<Record<OrderRefusal["reason"], AppError["code"]>> = {
  not_eligible: "contract_rule",
  vendor_terms_not_accepted: "contract_rule",
  plan_held: "contract_rule",
  activation_before_reception: "contract_rule",
  already_ordered: "conflict",
  idempotency_mismatch: "conflict",
  wrong_status: "conflict",
  not_a_cloud_account: "conflict",
  not_an_order_form: "conflict",
  vendor_account_taken: "conflict",
};

/** One clear error in the client's language, naming the field or the clause. */
export function orderError(request: FastifyRequest, refused: OrderRefusal): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  if (refused.reason === "not_found") {
    return new AppError(
      "not_found",
      t(locale, "error.resource_not_found", { what: t(locale, "resource.order") }),
      {
        resource: "order",
      },
    );
  }
  const { reason, ...params } = refused;
  const field = FIELDS[reason];
  return new AppError(
    CODES[reason] ?? "validation_failed",
    t(locale, `order.${reason}`, params as Record<string, string>),
    { ...params, reason, ...(field ? { field } : {}) },
  );
}
