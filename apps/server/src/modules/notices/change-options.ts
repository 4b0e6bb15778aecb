import type { Db } from "@guichet/db";
import {
  CHANGE_KINDS,
  type ChangeKind,
  type Contract,
  changeRuleOf,
  earliestEffectiveDate,
  type PriceTerms,
} from "@guichet/domain";
import { usesSpecificConditions } from "../catalogue/specific-conditions.js";
import { resolvePriceMoves } from "./change-targets.js";

export interface ChangeOption {
  kind: Exclude<ChangeKind, "specific-conditions">;
  clause: string;
  channels: readonly string[];
  signature: boolean;
  /** The earliest effective date today, for an increase and for a decrease (the same for terms). */
  earliest: { increase: string | null; decrease: string | null };
}

export interface PriceOption {
  priceKey: string;
  target: "support" | "e-service";
  label: string;
  current: PriceTerms;
}

/**
 * What the back office may announce today (issue 18): each kind of change the contract provides
 * for with its clause, channels and earliest dates, and the prices revisable here with their
 * current terms (support percentages of MCR-BIL-02, e-services' specific conditions of DSN art. 6).
 */
export async function changeOptions(
  db: Db,
  contract: Contract,
  today: string,
): Promise<{ today: string; currency: string; kinds: ChangeOption[]; prices: PriceOption[] }> {
  const kinds: ChangeOption[] = [];
  // A change of an e-service's specific conditions is recorded with its values (POST /api/specific-conditions).
  for (const kind of CHANGE_KINDS) {
    if (kind === "specific-conditions") continue;
    const up = changeRuleOf(contract, kind, "increase");
    const down = changeRuleOf(contract, kind, "decrease");
    const rule = up ?? down;
    if (!rule) continue;
    kinds.push({
      kind,
      clause: rule.clause,
      channels: rule.channels,
      signature: rule.signature,
      earliest: {
        increase: (up && earliestEffectiveDate(up, today)) ?? null,
        decrease: (down && earliestEffectiveDate(down, today)) ?? null,
      },
    });
  }
  const keys = [
    ...Object.entries(contract.prices)
      .filter(
        ([key, price]) =>
          price.kind === "percent-of-invoice" &&
          Object.values(contract.supportPlans).some((p) => p.fee === key),
      )
      .map(([key]) => key),
    ...contract.catalogue.items
      .filter((i) => i.kind === "e-service" && usesSpecificConditions(contract, i.id))
      .map((i) => i.id),
  ];
  const prices: PriceOption[] = [];
  for (const priceKey of keys) {
    // The current terms, read as any change reads them (an e-service without conditions is left out).
    const resolved = await resolvePriceMoves(
      db,
      contract,
      [{ priceKey, monthlyMinimum: null, monthlyPrice: "0" }],
      today,
    );
    if (!resolved.ok) continue;
    const move = resolved.moves[0];
    if (move) prices.push({ priceKey, target: move.target, label: move.label, current: move.before });
  }
  return { today, currency: contract.currency, kinds, prices };
}
