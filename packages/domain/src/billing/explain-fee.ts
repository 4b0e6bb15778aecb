import type { Contract } from "../contract/index.js";
import type { Locale } from "../sla/messages.js";
import type { SupportFee } from "./support-fee.js";

/**
 * A support fee in words (GEN-02: each automatic decision names its clause). Amounts are written
 * by hand (French: narrow no-break space between thousands, decimal comma) so the text is the
 * same on every runtime and ICU version.
 */
export function formatMoney(cents: bigint, locale: Locale, currency = "EUR"): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const units = (magnitude / 100n).toString();
  const fraction = (magnitude % 100n).toString().padStart(2, "0");
  const separator = locale === "fr" ? "\u202f" : ",";
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const sign = negative ? "−" : "";
  const symbol = currency === "EUR" ? "€" : currency;
  return locale === "fr"
    ? `${sign}${grouped},${fraction}\u00a0${symbol}`
    : `${sign}${symbol === "€" ? "€" : `${symbol} `}${grouped}.${fraction}`;
}

function percent(text: string, locale: Locale): string {
  return locale === "fr" ? `${text.replace(".", ",")}\u00a0%` : `${text} %`;
}

export function explainSupportFee(fee: SupportFee, contract: Contract, locale: Locale): string {
  const planName = contract.supportPlans[fee.plan]?.name[locale] ?? fee.plan;
  const m = (cents: bigint) => formatMoney(cents, locale);
  const clause = fee.clause;
  if (fee.percentText === undefined) {
    return locale === "fr"
      ? `Support ${planName} : ${m(fee.feeCents)} par mois, quelle que soit la consommation (${clause}).`
      : `${planName} support: ${m(fee.feeCents)} a month, whatever the consumption (${clause}).`;
  }
  const rate = percent(fee.percentText, locale);
  const computed = ` = ${m(fee.computedCents)}`;
  if (locale === "fr") {
    const base = `Support ${planName} : ${rate} de la facture avant remise hors frais de mise en service (${m(fee.basisCents)})${computed}`;
    if (fee.minimumApplied)
      return `${base}, moins que le minimum mensuel : ${m(fee.minimumCents ?? 0n)} (${clause}).`;
    const minimum =
      fee.minimumCents !== undefined ? `, au-dessus du minimum mensuel de ${m(fee.minimumCents)}` : "";
    return `${base}${minimum} (${clause}).`;
  }
  const base = `${planName} support: ${rate} of the invoice before discount, without set-up fees (${m(fee.basisCents)})${computed}`;
  if (fee.minimumApplied)
    return `${base}, below the monthly minimum: ${m(fee.minimumCents ?? 0n)} (${clause}).`;
  const minimum =
    fee.minimumCents !== undefined ? `, above the monthly minimum of ${m(fee.minimumCents)}` : "";
  return `${base}${minimum} (${clause}).`;
}
