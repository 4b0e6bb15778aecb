import type { Contract } from "../contract/index.js";
import { orDeploymentRule } from "../contract/rules.js";
import { compareExact, type Exact, fromCents, multiplyExact, roundToCents } from "./exact.js";

/**
 * The monthly support fee of a plan (MCR-BIL-02, MCR 5.3.4), read from the contract: the plan's
 * `fee` names a price; a "percent-of-invoice" price gives the percentage and the monthly minimum.
 *
 * Rounding rule: the basis is computed exactly and rounded once, half-up to the cent (the figure
 * the invoice shows); the fee is the percentage of that shown basis, rounded half-up to the cent,
 * so anyone can check it from the invoice; then the minimum applies when the fee is below it.
 */
export interface SupportFee {
  plan: string;
  /** Id of the price in the contract's `prices`. */
  priceId: string;
  basisCents: bigint;
  feeCents: bigint;
  /** The percentage of the basis before the minimum (the fee itself when no minimum applied). */
  computedCents: bigint;
  /** Hundredths of a per cent (12.5 % is 1250); undefined for a fixed or free price. */
  basisPoints: number | undefined;
  percentText: string | undefined;
  minimumCents: bigint | undefined;
  minimumApplied: boolean;
  clause: string;
}

export class UnknownPlanError extends Error {
  constructor(
    readonly plan: string,
    readonly known: string[],
  ) {
    super(`unknown support plan "${plan}" (the contract's plans: ${known.join(", ")})`);
    this.name = "UnknownPlanError";
  }
}

export function supportFee(contract: Contract, plan: string, basis: Exact): SupportFee {
  const planSpec = contract.supportPlans[plan];
  if (!planSpec) throw new UnknownPlanError(plan, Object.keys(contract.supportPlans));
  const priceId = planSpec.fee;
  const price = contract.prices[priceId];
  const basisCents = roundToCents(basis);
  const common = { plan, priceId, basisCents, clause: orDeploymentRule(price?.clause) };
  switch (price?.kind) {
    case "percent-of-invoice": {
      const { basisPoints, text } = price.percent;
      const computed = roundToCents(
        multiplyExact(fromCents(basisCents), { num: BigInt(basisPoints), den: 10_000n }),
      );
      const minimumCents = price.monthlyMinimum ? BigInt(price.monthlyMinimum.cents) : undefined;
      const minimumApplied =
        minimumCents !== undefined && compareExact(fromCents(computed), fromCents(minimumCents)) < 0;
      return {
        ...common,
        feeCents: minimumApplied ? (minimumCents as bigint) : computed,
        computedCents: computed,
        basisPoints,
        percentText: text,
        minimumCents,
        minimumApplied,
      };
    }
    case "fixed":
      return flat(common, BigInt(price.amount.cents));
    default:
      // "free" (DSN e-soutien); the contract check refuses any other kind of price for a plan.
      return flat(common, 0n);
  }
}

function flat(
  common: Pick<SupportFee, "plan" | "priceId" | "basisCents" | "clause">,
  cents: bigint,
): SupportFee {
  return {
    ...common,
    feeCents: cents,
    computedCents: cents,
    basisPoints: undefined,
    percentText: undefined,
    minimumCents: undefined,
    minimumApplied: false,
  };
}
