import type { Contract } from "../contract/index.js";
import { consumptionLineOrder, isResold, isVendorCredit, repeatsThroughMonth } from "./charge-kinds.js";
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
 * cours de mois"): the month to date per vendor and service as the invoice will bill it (the
 * vendors' BilledCost in the contract's currency at the period's ECB rates, their taxes left out,
 * their usage credits on lines of their own: charge-kinds.ts), the support fee it implies
 * (MCR-BIL-02), and a forecast to the month's end.
 *
 * Forecast method, stated to the customer: the run rate. What repeats through the month (usage,
 * recurring purchases) to date, divided by the days elapsed (up to the last day with imported
 * costs, since cost exports lag a day), times the month's days; one-time purchases, credits and
 * adjustments count once, as they are. The fee of the forecast basis likewise. A month with no
 * cost yet forecasts 0.
 */
export interface SimulationDay extends CostAmount {
  day: string;
  vendor: string;
  service: string;
  billedCost: Exact;
}

export interface SimulationLine {
  vendor: string;
  service: string;
  /** A usage credit the vendor allocated (MCR-BIL-03), shown apart from the service's usage. */
  credit: boolean;
  billed: string;
  /** The line at the month's end by the run rate (a line that does not repeat: as it is). */
  forecast: string;
}

export interface MonthSimulation {
  month: string;
  /** The currency of every amount: the contract's billing currency. */
  currency: string;
  /** Last day with imported costs ("" when none). */
  lastDay: string;
  daysElapsed: number;
  daysInMonth: number;
  lines: SimulationLine[];
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
  const resold = costs.filter((c) => isResold(c.chargeCategory));
  const currency = contract.currency;
  const billed = (c: SimulationDay) => toCurrency(c.billedCost, c.currency, currency, rates);
  const byDay = new Map<string, Exact>();
  for (const c of resold) byDay.set(c.day, addExact(byDay.get(c.day) ?? ZERO_EXACT, billed(c)));
  const days = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, v]) => ({ day, billed: decimal(v) }));
  const lastDay = days.filter((x) => x.day.startsWith(`${month}-`)).at(-1)?.day ?? "";
  const daysElapsed = lastDay ? Number(lastDay.slice(8, 10)) : 0;
  const daysInMonth = daysIn(month);
  const scale = (value: Exact) =>
    daysElapsed === 0
      ? ZERO_EXACT
      : multiplyExact(divideExact(value, { num: BigInt(daysElapsed), den: 1n }), {
          num: BigInt(daysInMonth),
          den: 1n,
        });
  // At the month's end: what repeats, by the run rate; the rest as it is.
  const forecastOf = (c: SimulationDay) =>
    repeatsThroughMonth(c.chargeCategory, c.chargeFrequency) ? scale(billed(c)) : billed(c);
  // A line per vendor, service, and credit or usage: its month to date and its forecast.
  const groups = new Map<
    string,
    { vendor: string; service: string; credit: boolean; billed: Exact; forecast: Exact }
  >();
  for (const c of resold) {
    const credit = isVendorCredit(c.chargeCategory);
    const key = `${c.vendor}\u0000${c.service}\u0000${credit}`;
    const group = groups.get(key) ?? {
      vendor: c.vendor,
      service: c.service,
      credit,
      billed: ZERO_EXACT,
      forecast: ZERO_EXACT,
    };
    groups.set(key, {
      ...group,
      billed: addExact(group.billed, billed(c)),
      forecast: addExact(group.forecast, forecastOf(c)),
    });
  }
  const lines = [...groups.values()]
    .sort(consumptionLineOrder)
    .map((g): SimulationLine => ({ ...g, billed: decimal(g.billed), forecast: decimal(g.forecast) }));
  const total = (amount: (c: SimulationDay) => Exact) => resold.map(amount).reduce(addExact, ZERO_EXACT);
  const basis = feeBasis(resold, rates, currency);
  return {
    month,
    currency,
    lastDay,
    daysElapsed,
    daysInMonth,
    lines,
    days,
    monthToDate: decimal(total(billed)),
    fee: supportFee(contract, plan, basis),
    forecast: {
      method: "run-rate",
      total: decimal(total(forecastOf)),
      fee: supportFee(contract, plan, scale(basis)),
    },
  };
}
