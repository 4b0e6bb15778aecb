import type { MonthSimulation } from "./month-simulation.js";

/**
 * Budgets and alerts (MCR 6.1.2 "gestion budgétaire (alertes)"). Interpretation, written in the
 * contract file: a budget is a monthly amount excluding VAT in the contract's currency (issue 17),
 * compared with the month's consumption as the simulation shows it (MCR-BIL-04: the vendors'
 * BilledCost in that currency at the
 * period's ECB rate, before the support fee and VAT), for the whole account or one vendor. Each
 * threshold (a percentage of the amount) warns twice at most per month: once when the month to
 * date reaches it ("actual"), once when the run-rate forecast to the month's end does
 * ("forecast", the simulation's method); never again that month.
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
 * What a budget is compared with: the month to date of its scope, and the run-rate forecast
 * (month to date ÷ days elapsed × days in the month, rounded half-up to the cent; the month to
 * date itself when no day has elapsed).
 */
export function budgetSpend(simulation: MonthSimulation, vendor: string | null): BudgetSpend {
  const actualCents = simulation.lines
    .filter((line) => vendor === null || line.vendor === vendor)
    .reduce((sum, line) => sum + centsOf(line.billed), 0n);
  const elapsed = BigInt(simulation.daysElapsed);
  const days = BigInt(simulation.daysInMonth);
  const forecastCents = elapsed === 0n ? actualCents : (actualCents * days * 2n + elapsed) / (elapsed * 2n);
  return { actualCents, forecastCents };
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
