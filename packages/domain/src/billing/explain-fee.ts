import type { Contract } from "../contract/index.js";
import { formatMoney, formatPercentText } from "../money/format-money.js";
import type { Locale } from "../sla/messages.js";
import type { SupportFee } from "./support-fee.js";

/**
 * A support fee in words (GEN-02: each automatic decision names its clause). `currency`: the
 * currency the basis was computed in (the contract's billing currency; the
 * minimum is the plan's price, written in the same currency).
 */
export function explainSupportFee(
  fee: SupportFee,
  contract: Contract,
  locale: Locale,
  currency: string = contract.currency,
): string {
  const planName = contract.supportPlans[fee.plan]?.name[locale] ?? fee.plan;
  const m = (cents: bigint) => formatMoney(cents, locale, currency);
  const clause = fee.clause;
  if (fee.percentText === undefined) {
    return locale === "fr"
      ? `Support ${planName} : ${m(fee.feeCents)} par mois, quelle que soit la consommation (${clause}).`
      : `${planName} support: ${m(fee.feeCents)} a month, whatever the consumption (${clause}).`;
  }
  const rate = formatPercentText(fee.percentText, locale);
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
