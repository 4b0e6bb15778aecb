import { formatMoney, formatPercentText, type PriceTerms } from "@guichet/domain";
import type { Locale } from "../../i18n/index.js";

/**
 * A price's terms in words: "150,00 € par mois", "7,5 % de la facture (minimum 69,00 € par mois)",
 * in `currency`, the contract's (issue 17: a CHF contract's letters say CHF).
 */
export function priceWords(terms: PriceTerms, locale: Locale, currency: string): string {
  const fr = locale === "fr";
  const parts: string[] = [];
  if (terms.monthlyCents !== undefined)
    parts.push(`${formatMoney(terms.monthlyCents, locale, currency)} ${fr ? "par mois" : "a month"}`);
  if (terms.basisPoints !== undefined) {
    const percent = String(terms.basisPoints / 100);
    const minimum =
      terms.minimumCents === null || terms.minimumCents === undefined
        ? fr
          ? "sans minimum"
          : "no minimum"
        : `${fr ? "minimum" : "at least"} ${formatMoney(terms.minimumCents, locale, currency)} ${fr ? "par mois" : "a month"}`;
    parts.push(
      `${formatPercentText(percent, locale)} ${fr ? "de la facture" : "of the invoice"} (${minimum})`,
    );
  }
  return parts.join(", ") || "—";
}

/** "e-SAV : 150,00 € par mois → 180,00 € par mois; …" */
export function movesWords(
  moves: readonly { label: string; before: PriceTerms; after: PriceTerms }[],
  locale: Locale,
  currency: string,
): string {
  return moves
    .map(
      (m) =>
        `${m.label} : ${priceWords(m.before, locale, currency)} → ${priceWords(m.after, locale, currency)}`,
    )
    .join(" ; ");
}
