import { createHash } from "node:crypto";
import type { PriceTerms } from "@guichet/domain";
import { letterDocument } from "../../pdf/letter-document.js";
import { priceWords } from "./price-words.js";

/**
 * The letter of a change for one customer, when its clause says "par écrit" (DSN 10.1, 10.2;
 * DSN-BIL-01, DSN-BIL-02): a PDF kept in the portal with the instant it was made available, which
 * is its date. French, the contract's language; DejaVu Sans embedded for French formats (U+202F).
 */
export interface ChangeLetterContent {
  provider: string;
  customer: string;
  madeAvailableAt: Date;
  title: string;
  body: string;
  effectiveFrom: string;
  earliestAllowed: string;
  clause: string;
  direction: "increase" | "decrease" | "unchanged";
  prices: { label: string; before: PriceTerms; after: PriceTerms }[];
  /** The contract's currency, the prices' (issue 17). */
  currency: string;
  signatureRequired: boolean;
  /** DSN 10.2: the customer may terminate the services concerned without penalty until the change's date. */
  harmfulTermination: boolean;
}

const instant = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

function civil(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

const DIRECTION = { increase: "hausse", decrease: "baisse", unchanged: "modification" } as const;

export async function renderChangeLetter(
  content: ChangeLetterContent,
): Promise<{ pdf: Buffer; sha256: string }> {
  const { doc, done } = await letterDocument({
    title: content.title,
    author: content.provider,
    at: content.madeAvailableAt,
  });
  doc.font("bold").fontSize(11).text(content.provider);
  doc.moveDown().font("text").fontSize(10).text(`À l'attention de : ${content.customer}`);
  doc.text(`Mis à disposition dans le portail le ${instant.format(content.madeAvailableAt)}`);
  doc.moveDown().font("bold").fontSize(13).text(`Objet : ${content.title}`);
  doc.moveDown().font("text").fontSize(10).text("Madame, Monsieur,");
  doc.moveDown(0.5).text(content.body);
  if (content.prices.length > 0) {
    doc
      .moveDown()
      .font("bold")
      .text(`Prix concernés (${DIRECTION[content.direction]} pour votre organisation)`);
    doc.font("text");
    for (const price of content.prices)
      doc.text(
        `• ${price.label} : ${priceWords(price.before, "fr", content.currency)} → ${priceWords(price.after, "fr", content.currency)}`,
      );
  }
  doc
    .moveDown()
    .font("bold")
    .text(`Date d'entrée en vigueur : ${civil(content.effectiveFrom)}`);
  doc
    .font("text")
    .text(
      `Cette notification respecte le préavis du contrat (${content.clause}) : date la plus proche permise ce jour, le ${civil(content.earliestAllowed)}.`,
    );
  if (content.signatureRequired)
    doc
      .moveDown()
      .text(
        `Cette nouvelle version ne s'applique qu'après sa signature par les deux Parties (${content.clause}) : signez-la dans le portail.`,
      );
  if (content.harmfulTermination)
    doc
      .moveDown()
      .text(
        `Si cette modification vous porte préjudice, vous pouvez résilier l'e-service concerné, y compris pendant sa période minimale, sans pénalité ni droit à dédommagement, jusqu'au ${civil(content.effectiveFrom)} : la résiliation prend alors effet le jour de l'entrée en vigueur de la modification (${content.clause}).`,
      );
  doc
    .moveDown()
    .text("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
  doc.moveDown().text(content.provider);
  doc.end();
  const pdf = await done;
  return { pdf, sha256: createHash("sha256").update(pdf).digest("hex") };
}
