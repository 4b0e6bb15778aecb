import { formatCents, type PriceTerms } from "@guichet/domain";
import type { Locale } from "../../i18n/index.js";

/** A price's terms in words: "150,00 € par mois", "7,5 % de la facture (minimum 69,00 € par mois)". */
export function priceWords(terms: PriceTerms, locale: Locale): string {
  const fr = locale === "fr";
  const parts: string[] = [];
  if (terms.monthlyCents !== undefined)
    parts.push(`${formatCents(terms.monthlyCents, locale)} ${fr ? "par mois" : "a month"}`);
  if (terms.basisPoints !== undefined) {
    const percent = String(terms.basisPoints / 100);
    const minimum =
      terms.minimumCents === null || terms.minimumCents === undefined
        ? fr
          ? "sans minimum"
          : "no minimum"
        : `${fr ? "minimum" : "at least"} ${formatCents(terms.minimumCents, locale)} ${fr ? "par mois" : "a month"}`;
    parts.push(
      fr
        ? `${percent.replace(".", ",")}\u00a0% de la facture (${minimum})`
        : `${percent}% of the invoice (${minimum})`,
    );
  }
  return parts.join(", ") || "—";
}

/** "e-SAV : 150,00 € par mois → 180,00 € par mois; …" */
export function movesWords(
  moves: readonly { label: string; before: PriceTerms; after: PriceTerms }[],
  locale: Locale,
): string {
  return moves
    .map((m) => `${m.label} : ${priceWords(m.before, locale)} → ${priceWords(m.after, locale)}`)
    .join(" ; ");
}
