import { type Db, euroRates } from "@guichet/db";
import { type EuroRates, type Exact, MissingEuroRateError, parseDecimal, rateDaysFor } from "@guichet/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

export interface PeriodRate {
  currency: string;
  day: string;
  unitsPerEuro: string;
}

/**
 * The rate of each currency for a billing period (rateDaysFor: its first day, else the last
 * publication in the 7 days before). Throws MissingEuroRateError naming the currency and the day
 * when there is none: a conversion never guesses.
 */
export async function periodRates(
  db: Db,
  period: string,
  currencies: Iterable<string>,
): Promise<{ rates: EuroRates; used: PeriodRate[] }> {
  const days = rateDaysFor(period);
  const rates: Record<string, Exact> = {};
  const used: PeriodRate[] = [];
  for (const currency of new Set(currencies)) {
    if (currency === "EUR") continue;
    const [row] = await db
      .select()
      .from(euroRates)
      .where(and(eq(euroRates.currency, currency), inArray(euroRates.day, days)))
      .orderBy(desc(euroRates.day))
      .limit(1);
    const value = row ? parseDecimal(row.unitsPerEuro) : undefined;
    if (!row || !value) throw new MissingEuroRateError(currency, days[0] as string);
    rates[currency] = value;
    used.push({ currency, day: row.day, unitsPerEuro: row.unitsPerEuro });
  }
  return { rates, used };
}

/**
 * The rates converting a period's costs into the contract's billing currency (issue 17): the
 * costs' currencies and, when any differs from it, the billing currency itself, since every
 * conversion goes through the euro (USD to CHF is USD per euro, then CHF per euro).
 */
export function billingRates(
  db: Db,
  period: string,
  costCurrencies: readonly string[],
  billingCurrency: string,
): Promise<{ rates: EuroRates; used: PeriodRate[] }> {
  const converted = costCurrencies.some((c) => c !== billingCurrency);
  return periodRates(db, period, converted ? [...costCurrencies, billingCurrency] : costCurrencies);
}
