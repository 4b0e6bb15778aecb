import type { DeskMessageKey } from "../../i18n/messages-desk.js";

/** Why the desk refused a change; the route turns it into a clear error citing the clause. */
type CodeOf<Key> = Key extends `desk.${infer Code}` ? Code : never;
export type DeskRefusalCode = CodeOf<DeskMessageKey>;

export interface DeskRefusal {
  ok: false;
  reason: DeskRefusalCode;
  clause?: string;
  params?: Record<string, string>;
}

export const refusal = (
  reason: DeskRefusalCode,
  clause?: string,
  params?: Record<string, string>,
): DeskRefusal => ({
  ok: false,
  reason,
  clause,
  params,
});

/** Status codes of refusals: a contract rule (422), a state conflict (409), or not allowed (403). */
export function httpCodeOf(
  reason: DeskRefusalCode,
): "contract_rule" | "conflict" | "forbidden" | "validation_failed" {
  switch (reason) {
    case "transition_forbidden":
    case "ticket_closed":
    case "same_priority":
    case "idempotency_mismatch":
      return "conflict";
    case "internal_note_customer":
      return "forbidden";
    case "attachment_too_large":
    case "attachment_empty":
    case "attachment_type":
    case "attachment_content":
    case "attachment_too_many":
    case "reason_required":
    case "unknown_out_of_scope_reason":
    case "unknown_priority":
    case "not_provider_staff":
      return "validation_failed";
    default:
      return "contract_rule";
  }
}
