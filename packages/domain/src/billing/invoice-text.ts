import { formatMoney, formatPercentText } from "../money/format-money.js";
import type { Locale } from "../sla/messages.js";
import type { InvoiceDocument, InvoiceLine } from "./invoice.js";

/**
 * What an invoice line says in words, the same on the PDF, in the Factur-X XML and in the portal:
 * its name, and the detail that lets anyone check it (the rate and its day, the fee's basis and
 * percentage, the days of a prorated month). French numbers use the narrow no-break space.
 */
export function describeInvoiceLine(
  line: InvoiceLine,
  locale: Locale,
  /** The invoice's currency (InvoiceDocument.currency): the fee's basis and minimum, the prices. */
  invoiceCurrency: string,
): { name: string; detail: string } {
  const fr = locale === "fr";
  const date = (d: string) => (fr ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d);
  const money = (cents: string, currency = invoiceCurrency) => formatMoney(BigInt(cents), locale, currency);
  switch (line.kind) {
    case "cloud": {
      const credit = line.vendorCredit;
      const name = credit
        ? fr
          ? `Crédit d'utilisation ${line.vendorName} — ${line.service}`
          : `${line.vendorName} usage credit — ${line.service}`
        : `${line.vendorName} — ${line.service}`;
      const rate = line.rate && (fr ? line.rate.unitsPerEuro.replace(".", ",") : line.rate.unitsPerEuro);
      const converted =
        line.rate &&
        (fr
          ? `${money(line.billedInCurrency, line.currency)} au taux BCE du ${date(line.rate.day)} : 1 € = ${rate} ${line.currency}`
          : `${money(line.billedInCurrency, line.currency)} at the ECB rate of ${date(line.rate.day)}: €1 = ${rate} ${line.currency}`);
      if (credit) {
        // MCR 5.2: the provider is not responsible for the credit's allocation and commits to nothing on it.
        const words = fr
          ? `Crédit alloué par ${line.vendorName}, repris tel qu'il l'a facturé ; le prestataire ne s'engage ni sur son montant, ni sur sa récurrence, ni sur sa période d'application — ${credit.clause}`
          : `Credit allocated by ${line.vendorName}, passed on as it billed it; the provider makes no commitment on its amount, recurrence or period — ${credit.clause}`;
        return { name, detail: converted ? `${converted}. ${words}` : words };
      }
      return {
        name,
        detail: converted ?? (fr ? "Consommation au prix de l'éditeur" : "Usage at the vendor's price"),
      };
    }
    case "support-fee": {
      const percent = line.percentText === null ? "" : formatPercentText(line.percentText, fr ? "fr" : "en");
      const minimum =
        line.minimumCents === null
          ? ""
          : fr
            ? `, minimum ${money(line.minimumCents)}/mois${line.minimumApplied ? " (appliqué)" : ""}`
            : `, minimum ${money(line.minimumCents)}/month${line.minimumApplied ? " (applied)" : ""}`;
      return {
        name: fr ? `Support ${line.planName.fr}` : `${line.planName.en} support`,
        detail: fr
          ? `${percent} de la base ${money(line.basisCents)} (facture avant remise hors frais de mise en service)${minimum} — ${line.clause}`
          : `${percent} of the basis ${money(line.basisCents)} (invoice before discount, set-up fees excluded)${minimum} — ${line.clause}`,
      };
    }
    case "subscription":
      return {
        name: line.itemName[locale],
        detail: fr
          ? `Du ${date(line.from)} au ${date(line.to)} : ${line.days}/${line.daysInMonth} jours × ${money(line.monthlyPriceCents)}/mois (${line.conditions}) — ${line.clause}`
          : `${date(line.from)} to ${date(line.to)}: ${line.days}/${line.daysInMonth} days × ${money(line.monthlyPriceCents)}/month (${line.conditions}) — ${line.clause}`,
      };
    case "credit":
      return { name: fr ? "Avoir" : "Credit", detail: line.reason };
  }
}

/** The mentions French law asks on every invoice (Code de commerce L441-9, L441-10, D441-5). */
export function invoiceMentions(document: InvoiceDocument, locale: Locale) {
  const fr = locale === "fr";
  // D441-5 fixes the indemnity in euros whatever the invoice's currency: it is written as the law does.
  const indemnity = formatMoney(BigInt(document.mentions.recoveryIndemnityCents), locale, "EUR");
  const exempt = document.vat.find((v) => v.exemptionReason);
  return {
    /** Why no VAT is charged (AE: "Autoliquidation", art. 242 nonies A I-13° annexe II CGI; G: art. 259-1 CGI), else null. */
    vat: exempt?.exemptionReason ? exempt.exemptionReason[locale] : null,
    penalty: fr
      ? `Pénalités de retard : ${document.mentions.latePenaltyRate.fr}, exigibles dès le lendemain de l'échéance.`
      : `Late-payment penalties: ${document.mentions.latePenaltyRate.en}, due from the day after the due date.`,
    indemnity: fr
      ? `Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : ${indemnity}.`
      : `Fixed indemnity for recovery costs in case of late payment: ${indemnity}.`,
    discount: fr ? "Pas d'escompte pour paiement anticipé." : "No discount for early payment.",
    terms: fr
      ? `Paiement à ${document.mentions.paymentTermDays} jours de la date de facture.`
      : `Payment within ${document.mentions.paymentTermDays} days of the invoice date.`,
  };
}
