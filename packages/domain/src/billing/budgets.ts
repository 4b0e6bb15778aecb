import type { MonthSimulation } from "./month-simulation.js";

/**
 * Budgets and alerts (MCR 6.1.2 "gestion budgétaire (alertes)"). Interpretation, written in the
 * contract file: a budget is a monthly amount excluding VAT in the contract's currency (issue 17),
 * compared with the month's consumption as the simulation shows it (MCR-BIL-04: the vendors'
 * BilledCost in that currency at the
 * period's ECB rate, before the support fee and VAT), for the whole account or one vendor. Each
 * threshold (a percentage of the amount) warns twice at most per month: once when the month to
 * date reaches it ("actual"), once when the forecast to the month's end does ("forecast", the
 * simulation's run rate); never again that month.
 */
export type AlertBasis = "actual" | "forecast";

export interface BudgetRule {
  id: string;
  /** null: the whole account. */
  vendor: string | null;
  amountCents: number;
  thresholds: readonly number[];
}

export interface BudgetSpend {
  actualCents: bigint;
  forecastCents: bigint;
}

export interface DueAlert {
  budgetId: string;
  threshold: number;
  basis: AlertBasis;
  spentCents: bigint;
}

/** "1234.56" (the simulation's rounded amount) to cents, without a float. */
function centsOf(decimal: string): bigint {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = decimal.replace("-", "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}

/**
 * What a budget is compared with: the month to date of its scope and its forecast to the month's
 * end, as the simulation shows them (its run rate: what repeats through the month extrapolated,
 * one-time purchases and credits as they are). A vendor's budget sums that vendor's lines.
 */
export function budgetSpend(simulation: MonthSimulation, vendor: string | null): BudgetSpend {
  if (vendor === null)
    return {
      actualCents: centsOf(simulation.monthToDate),
      forecastCents: centsOf(simulation.forecast.total),
    };
  const lines = simulation.lines.filter((line) => line.vendor === vendor);
  return {
    actualCents: lines.reduce((sum, line) => sum + centsOf(line.billed), 0n),
    forecastCents: lines.reduce((sum, line) => sum + centsOf(line.forecast), 0n),
  };
}

/** The key of an alert already sent, as `alreadySent` holds them. */
export const alertKey = (budgetId: string, threshold: number, basis: AlertBasis) =>
  `${budgetId}/${threshold}/${basis}`;

/**
 * The alerts a budget owes now: each threshold the month to date or the forecast has reached
 * (spent × 100 ≥ amount × threshold, in cents), not sent yet this month.
 */
export function dueBudgetAlerts(
  budget: BudgetRule,
  spend: BudgetSpend,
  alreadySent: ReadonlySet<string>,
): DueAlert[] {
  const due: DueAlert[] = [];
  for (const threshold of [...budget.thresholds].sort((a, b) => a - b))
    for (const basis of ["actual", "forecast"] as const) {
      const spent = basis === "actual" ? spend.actualCents : spend.forecastCents;
      const reached = spent * 100n >= BigInt(budget.amountCents) * BigInt(threshold);
      if (reached && !alreadySent.has(alertKey(budget.id, threshold, basis)))
        due.push({ budgetId: budget.id, threshold, basis, spentCents: spent });
    }
  return due;
}
