import {
  type Contract,
  centsToDecimal,
  explainSupportFee,
  type MonthSimulation,
  type SupportFee,
} from "@guichet/domain";
import { z } from "zod";
import type { Locale } from "../../i18n/index.js";
import { ZVendorNames } from "./cost-vendors.js";
import type { PeriodRate } from "./period-rates.js";

const ZFee = z.object({
  basis: z.string(),
  fee: z.string(),
  percent: z.string().nullable(),
  minimum: z.string().nullable(),
  minimumApplied: z.boolean(),
  clause: z.string(),
  explanation: z.string(),
});

export const ZSimulation = z.object({
  month: z.string(),
  plan: z.string(),
  /** The contract's billing currency: every amount below is in it (issue 17). */
  currency: z.string(),
  lastDay: z.string(),
  daysElapsed: z.number().int(),
  daysInMonth: z.number().int(),
  monthToDate: z.string(),
  lines: z.array(
    z.object({
      vendor: z.string(),
      service: z.string(),
      /** A usage credit the vendor allocated (MCR-BIL-03), apart from the service's usage. */
      credit: z.boolean(),
      billed: z.string(),
      /** The line at the month's end: by the run rate where it repeats, else as it is. */
      forecast: z.string(),
    }),
  ),
  days: z.array(z.object({ day: z.string(), billed: z.string() })),
  fee: ZFee,
  forecast: z.object({ method: z.literal("run-rate"), total: z.string(), fee: ZFee }),
  rates: z.array(z.object({ currency: z.string(), day: z.string(), unitsPerEuro: z.string() })),
  vendorNames: ZVendorNames,
});

function presentFee(fee: SupportFee, contract: Contract, locale: Locale): z.infer<typeof ZFee> {
  return {
    basis: centsToDecimal(fee.basisCents),
    fee: centsToDecimal(fee.feeCents),
    percent: fee.percentText ?? null,
    minimum: fee.minimumCents === undefined ? null : centsToDecimal(fee.minimumCents),
    minimumApplied: fee.minimumApplied,
    clause: fee.clause,
    explanation: explainSupportFee(fee, contract, locale, contract.currency),
  };
}

/** Amounts as decimal strings of the simulation's currency; fees with their words, in the reader's language (GEN-02). */
export function presentSimulation(
  s: MonthSimulation,
  plan: string,
  rates: PeriodRate[],
  vendorNames: Record<string, string>,
  contract: Contract,
  locale: Locale,
): z.infer<typeof ZSimulation> {
  return {
    month: s.month,
    plan,
    currency: s.currency,
    lastDay: s.lastDay,
    daysElapsed: s.daysElapsed,
    daysInMonth: s.daysInMonth,
    monthToDate: s.monthToDate,
    lines: s.lines,
    days: s.days,
    fee: presentFee(s.fee, contract, locale),
    forecast: {
      method: "run-rate",
      total: s.forecast.total,
      fee: presentFee(s.forecast.fee, contract, locale),
    },
    rates,
    vendorNames,
  };
}
