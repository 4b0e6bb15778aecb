import type { Db } from "@guichet/db";
import {
  type ChangeDecision,
  type ChangeKind,
  type ChangeRecipient,
  type Contract,
  decideChange,
  type SpecificConditions,
} from "@guichet/domain";
import type { NoticesMessageKey } from "../../i18n/messages-notices.js";
import {
  type Candidate,
  candidatesOf,
  type PriceInput,
  type PriceMove,
  resolvePriceMoves,
} from "./change-targets.js";

export interface ChangeInput {
  kind: ChangeKind;
  title: string;
  body: string;
  effectiveFrom: string;
  /** The prices a price change moves; empty for a change of terms. */
  prices: PriceInput[];
  /** A new version of an e-service's specific conditions (kind "specific-conditions", DSN 10.2). */
  conditions?: Omit<SpecificConditions, "demo">;
}

/** Why a change was refused; the route words it in the reader's language, with its clause. */
export interface ChangeRefusal {
  ok: false;
  reason: Extract<NoticesMessageKey, `notice.${string}`>;
  clause?: string;
  params?: Record<string, string>;
}

export const changeRefusal = (
  reason: ChangeRefusal["reason"],
  clause?: string,
  params?: Record<string, string>,
): ChangeRefusal => ({ ok: false, reason, clause, params });

/** A refusal of the domain's decision, worded with its clause (GEN-02). */
export function refusalOf(decision: Extract<ChangeDecision, { ok: false }>): ChangeRefusal {
  switch (decision.reason) {
    case "not-in-contract":
      return changeRefusal("notice.not_in_contract", undefined, { kind: decision.kind });
    case "no-affected-customer":
      return changeRefusal("notice.no_affected_customer", decision.clause);
    case "notice-set-elsewhere":
      return changeRefusal("notice.notice_set_elsewhere", decision.clause);
    case "not-first-of-month":
      return changeRefusal("notice.not_first_of_month", decision.clause, { earliest: decision.earliest });
    default:
      return changeRefusal("notice.inside_notice", decision.clause, {
        earliest: decision.earliest,
        direction: decision.direction,
      });
  }
}

export interface PlannedChange {
  ok: true;
  earliest: string;
  clause: string;
  moves: PriceMove[];
  recipients: (ChangeRecipient & Candidate)[];
}

/**
 * What a change would do if announced today (MCR-BIL-05, DSN-BIL-01, DSN-BIL-02): the prices it
 * moves, the customers it concerns with their direction, the earliest date the contract allows
 * (decideChange) — or why it is refused. Writes nothing: the back office previews with it.
 */
export async function planChange(
  db: Db,
  contract: Contract,
  input: ChangeInput,
  today: string,
): Promise<PlannedChange | ChangeRefusal> {
  let moves: PriceMove[] = [];
  if (input.kind === "price") {
    if (input.prices.length === 0)
      return changeRefusal("notice.price_needs_value", undefined, { priceKey: "—" });
    const resolved = await resolvePriceMoves(db, contract, input.prices, input.effectiveFrom);
    if (!resolved.ok)
      return changeRefusal(`notice.${resolved.reason}`, undefined, { priceKey: resolved.priceKey });
    moves = resolved.moves;
  }
  const candidates = await candidatesOf(db, contract, input.kind, moves, today, input.effectiveFrom);
  const decision = decideChange(contract, {
    kind: input.kind,
    today,
    effectiveFrom: input.effectiveFrom,
    candidates,
  });
  if (!decision.ok) return refusalOf(decision);
  const byId = new Map(candidates.map((c) => [c.organisationId, c]));
  return {
    ok: true,
    earliest: decision.earliest,
    clause: decision.clause,
    moves,
    recipients: decision.recipients.map((r) => ({ ...(byId.get(r.organisationId) as Candidate), ...r })),
  };
}
