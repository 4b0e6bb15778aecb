import { createHash } from "node:crypto";
import { formatMoney } from "@guichet/domain";
import { letterDocument } from "../../pdf/letter-document.js";

/**
 * The order form ("Bon de Commande", DSN art. 1, 5) of one e-service, generated from the catalogue
 * and the specific conditions in force. The text is French, as the contract's. A DejaVu Sans font
 * is embedded: French formats put a narrow no-break space (U+202F) in amounts and before
 * punctuation, which the standard PDF fonts lack.
 */
export interface OrderFormContent {
  reference: string;
  /** The order's instant: the document's date, also written in its metadata so the bytes are reproducible. */
  orderedAt: Date;
  provider: { legalName: string; registrationNumber: string };
  operator: {
    legalName: string;
    siren: string | null;
    /** An operator established abroad: its own country's registration number (issue 17). */
    registrationNumber?: string | null;
    vatNumber: string | null;
    billingAddress: string | null;
  };
  service: { name: string; description: string | null };
  conditions: {
    documentTitle: string;
    documentVersion: string;
    monthlyPriceCents: number;
    minimumMonths: number;
    terminationNoticeMonths: number;
    demo: boolean;
  } | null;
  /** The contract's currency: the specific conditions' price is in it (issue 17). */
  currency: string;
  contractTitle: string;
  contractEdition: string;
  orderedBy: string;
}

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const months = (n: number) => (n === 0 ? "aucune" : `${n}\u00a0mois`);

export async function renderOrderForm(content: OrderFormContent): Promise<Buffer> {
  const { doc, done } = await letterDocument({
    title: `Bon de Commande ${content.reference}`,
    author: content.provider.legalName,
    at: content.orderedAt,
  });
  const heading = (text: string) =>
    doc.moveDown(0.8).font("bold").fontSize(12).text(text).font("text").fontSize(10);
  const line = (label: string, value: string) =>
    doc.font("bold").text(`${label} : `, { continued: true }).font("text").text(value);

  doc.font("bold").fontSize(16).text(`Bon de Commande — ${content.service.name}`);
  doc.font("text").fontSize(10).text(`${content.contractTitle} (${content.contractEdition})`);
  doc.text(`Référence ${content.reference} — établi le ${day.format(content.orderedAt)}`);

  heading("Fournisseur de Services");
  line("Raison sociale", content.provider.legalName);
  line("Immatriculation", content.provider.registrationNumber);

  heading("Opérateur");
  line("Raison sociale", content.operator.legalName);
  if (!content.operator.siren && content.operator.registrationNumber)
    line("N° d'immatriculation", content.operator.registrationNumber);
  else line("SIREN", content.operator.siren ?? "—");
  line("TVA intracommunautaire", content.operator.vatNumber ?? "—");
  line("Adresse de facturation", content.operator.billingAddress ?? "—");

  heading("e-service commandé (annexe 1)");
  line("e-service", content.service.name);
  if (content.service.description) doc.text(content.service.description);

  heading("Conditions Spécifiques applicables (art. 4.2, 6, 9)");
  if (content.conditions) {
    const c = content.conditions;
    line("Document", `${c.documentTitle}, version ${c.documentVersion}`);
    line("Prix mensuel hors taxes", formatMoney(c.monthlyPriceCents, "fr", content.currency));
    line("Période minimale d'engagement, à compter de la Date d'Activation", months(c.minimumMonths));
    line("Préavis de résiliation de l'e-service", months(c.terminationNoticeMonths));
    if (c.demo)
      doc
        .font("bold")
        .text("Valeurs de démonstration : ce ne sont pas les conditions d'un fournisseur réel.")
        .font("text");
  } else {
    doc.text("Aucune Condition Spécifique n'est enregistrée pour cet e-service à cette date.");
  }

  heading("Effets de la commande");
  doc.text(
    "Le Contrat prend effet au jour de la dernière signature des Parties (art. 4.1). Les factures sont émises à compter de la date de réception du présent Bon de Commande (art. 7). Les identifiants sont envoyés à chaque utilisateur désigné dans un délai de cinq Jours Ouvrés à compter de cette réception (annexe 4). Ordre de priorité des documents : Conditions Générales, Conditions Spécifiques, Bons de Commande (art. 3).",
  );

  heading("Signature de l'Opérateur");
  doc.text(`Commande préparée par ${content.orderedBy}.`);
  doc.text("Nom, qualité, date et signature de la personne habilitée :");
  doc.moveDown(3);
  doc.text("________________________________________");
  doc.end();
  return done;
}

/** The SHA-256 of the exact bytes, as signatures and the audit trail record it. */
export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
