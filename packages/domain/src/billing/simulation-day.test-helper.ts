import { type Exact, parseDecimal } from "./exact.js";
import type { SimulationDay } from "./month-simulation.js";

/** A day's cost as the daily sums keep it, amounts written as decimals ("1084.50"). */
export const costDay = (
  day: string,
  vendor: string,
  service: string,
  billed: string,
  list = billed,
  currency = "EUR",
  chargeCategory = "Usage",
  chargeFrequency: string | null = "Usage-Based",
): SimulationDay => ({
  day,
  vendor,
  service,
  billedCost: parseDecimal(billed) as Exact,
  listCost: parseDecimal(list) as Exact,
  currency,
  chargeCategory,
  chargeFrequency,
});
