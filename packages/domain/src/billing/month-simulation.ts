import type { Contract } from "../contract/index.js";
import {
  addExact,
  centsToDecimal,
  divideExact,
  type Exact,
  multiplyExact,
  roundToCents,
  ZERO_EXACT,
} from "./exact.js";
import { type CostAmount, type EuroRates, feeBasis, toCurrency } from "./fee-basis.js";
import { type SupportFee, supportFee } from "./support-fee.js";

/**
 * The simulation of the current month's invoice (MCR-BIL-04, MCR 6.1.2 "simulation de facture en
 * cours de mois"): the month to date per vendor and service (BilledCost, what the vendors bill,
 * in the contract's currency at the period's ECB rates, as its invoice: issue 17), the support fee it implies (MCR-BIL-02), and a forecast to the
 * month's end.
 *
 * Forecast method, stated to the customer: the run rate. The month to date divided by the days
 * elapsed (up to the last day with imported costs, since cost exports lag a day), times the
 * month's days; the fee of the forecast basis likewise. A month with no cost yet forecasts 0.
 */
export interface SimulationDay extends CostAmount {
  day: string;
  vendor: string;
  service: string;
  billedCost: Exact;
}

export interface MonthSimulation {
  month: string;
  /** The currency of every amount: the contract's billing currency. */
  currency: string;
  /** Last day with imported costs ("" when none). */
  lastDay: string;
  daysElapsed: number;
  daysInMonth: number;
  lines: Array<{ vendor: string; service: string; billed: string }>;
  /** Per day, for the chart. */
  days: Array<{ day: string; billed: string }>;
  monthToDate: string;
  fee: SupportFee;
  forecast: { method: "run-rate"; total: string; fee: SupportFee };
}

function daysIn(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const sumOf = (values: Exact[]) => values.reduce(addExact, ZERO_EXACT);
const decimal = (value: Exact) => centsToDecimal(roundToCents(value));

/** `costs`: the lines of the billing period `month` (YYYY-MM). */
export function simulateMonth(
  contract: Contract,
  plan: string,
  month: string,
  costs: readonly SimulationDay[],
  rates: EuroRates,
): MonthSimulation {
  // The billing period's costs, as the caller reads them; a line of the period charged on the
  // previous month's last day (vendors bill late usage) counts, but not as a day elapsed.
  const inMonth = costs;
  const currency = contract.currency;
  const billed = (c: SimulationDay) => toCurrency(c.billedCost, c.currency, currency, rates);
  const group = (key: (c: SimulationDay) => string) => {
    const sums = new Map<string, Exact>();
    for (const c of inMonth) sums.set(key(c), addExact(sums.get(key(c)) ?? ZERO_EXACT, billed(c)));
    return [...sums].sort(([a], [b]) => a.localeCompare(b));
  };
  const lines = group((c) => `${c.vendor}\u0000${c.service}`).map(([k, v]) => {
    const [vendor, service] = k.split("\u0000") as [string, string];
    return { vendor, service, billed: decimal(v) };
  });
  const days = group((c) => c.day).map(([day, v]) => ({ day, billed: decimal(v) }));
  const lastDay = days.filter((x) => x.day.startsWith(`${month}-`)).at(-1)?.day ?? "";
  const daysElapsed = lastDay ? Number(lastDay.slice(8, 10)) : 0;
  const daysInMonth = daysIn(month);
  const mtd = sumOf(inMonth.map(billed));
  const basis = feeBasis(inMonth, rates, currency);
  const scale = (value: Exact) =>
    daysElapsed === 0
      ? ZERO_EXACT
      : multiplyExact(divideExact(value, { num: BigInt(daysElapsed), den: 1n }), {
          num: BigInt(daysInMonth),
          den: 1n,
        });
  return {
    month,
    currency,
    lastDay,
    daysElapsed,
    daysInMonth,
    lines,
    days,
    monthToDate: decimal(mtd),
    fee: supportFee(contract, plan, basis),
    forecast: {
      method: "run-rate",
      total: decimal(scale(mtd)),
      fee: supportFee(contract, plan, scale(basis)),
    },
  };
}
