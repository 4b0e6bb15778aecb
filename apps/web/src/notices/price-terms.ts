import type { TFunction } from "i18next";
import type { PriceTermsView } from "../api/notices-types";

const decimal = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/**
 * A price's terms as the back office shows them: "7,5 %, min. 69,00 €" or "150,00 CHF / mois", in
 * `currency`, the contract's as the API names it (issue 17), with the reader's number formats
 * (useLocaleFormat's `money` and `percent`: "7.5%" in English).
 */
export function priceTermsText(
  terms: PriceTermsView,
  t: TFunction,
  format: { money: (decimal: string, currency: string) => string; percent: (value: number) => string },
  currency: string,
): string {
  const { money } = format;
  const parts: string[] = [];
  if (terms.monthlyCents !== undefined)
    parts.push(t("notices.perMonth", { amount: money(decimal(terms.monthlyCents), currency) }));
  if (terms.basisPoints !== undefined) parts.push(format.percent(terms.basisPoints / 100));
  if (terms.minimumCents !== undefined && terms.minimumCents !== null)
    parts.push(t("notices.minimum", { amount: money(decimal(terms.minimumCents), currency) }));
  return parts.join(", ");
}
