import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  describeInvoiceLine,
  formatMoney,
  formatPercentText,
  type InvoiceDocument,
  type InvoiceParty,
  invoiceMentions,
  type Locale,
  usesSiren,
} from "@guichet/domain";
import { FACTUR_X_FILE_NAME } from "./cii-xml.js";

/**
 * The invoice as a PDF/A-3b carrying its Factur-X XML (EN 16931 profile) as an associated file
 * (AFRelationship Alternative) and the Factur-X XMP extension schema, so a reader's software finds
 * the XML. Fonts are embedded (DejaVu Sans, subset by pdfkit): it has the narrow no-break space
 * (U+202F) that separates thousands in French amounts, and every accented letter.
 */
const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(fonts, "DejaVuSans.ttf");
const BOLD = join(fonts, "DejaVuSans-Bold.ttf");

const FACTUR_X_XMP = `
<rdf:Description xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#" rdf:about="">
  <fx:DocumentType>INVOICE</fx:DocumentType>
  <fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>
  <fx:Version>1.0</fx:Version>
  <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
<rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" rdf:about="">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>fx</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
${[
  ["DocumentFileName", "name of the embedded XML invoice file"],
  ["DocumentType", "INVOICE"],
  ["Version", "The actual version of the Factur-X XML schema"],
  ["ConformanceLevel", "The conformance level of the embedded Factur-X data"],
]
  .map(
    ([name, description]) => `            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>${name}</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>${description}</pdfaProperty:description>
            </rdf:li>`,
  )
  .join("\n")}
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

const frDate = (d: string, locale: Locale) =>
  locale === "fr" ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d;

function partyLines(p: InvoiceParty, locale: Locale): string[] {
  const fr = locale === "fr";
  return [
    p.address,
    `${p.postalCode} ${p.city}${p.country === "FR" ? "" : ` (${p.country})`}`,
    // A SIREN is French; a customer established abroad gives its own registration number, if any,
    // and is named by its VAT number below (issue 17).
    ...(usesSiren(p.country) && p.siren ? [`SIREN ${p.siren}${p.siret ? ` — SIRET ${p.siret}` : ""}`] : []),
    ...(!usesSiren(p.country) && p.registrationNumber
      ? [`${fr ? "N° d'immatriculation" : "Registration number"} ${p.registrationNumber}`]
      : []),
    ...(p.vatNumber ? [`${fr ? "N° TVA intracommunautaire" : "VAT number"} ${p.vatNumber}`] : []),
  ];
}

export async function renderInvoicePdf(
  document: InvoiceDocument & { number: string },
  xml: string,
  locale: Locale,
  issuedAt: Date,
): Promise<Buffer> {
  const fr = locale === "fr";
  const money = (cents: string) => formatMoney(BigInt(cents), locale, document.currency);
  const title = document.kind === "credit_note" ? (fr ? "Avoir" : "Credit note") : fr ? "Facture" : "Invoice";
  // Loaded on first use: a server's start stays short (pdfkit and its fonts take a while to load).
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margin: 48,
    subset: "PDF/A-3b",
    pdfVersion: "1.7",
    lang: locale === "fr" ? "fr-FR" : "en-GB",
    info: {
      Title: `${title} ${document.number}`,
      Author: document.seller.legalName,
      Subject: `${title} ${document.number}`,
      Creator: "Guichet",
      Producer: "Guichet",
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.registerFont("regular", REGULAR);
  pdf.registerFont("bold", BOLD);
  const left = 48;
  const width = pdf.page.width - 96;

  pdf
    .font("bold")
    .fontSize(13)
    .text(document.seller.legalName, left, 48, { width: width / 2 });
  pdf.font("regular").fontSize(8.5);
  for (const line of partyLines(document.seller, locale)) pdf.text(line, { width: width / 2 });
  if (document.seller.legalForm) pdf.text(document.seller.legalForm, { width: width / 2 });

  pdf
    .font("bold")
    .fontSize(10)
    .text(document.buyer.legalName, left + width / 2 + 20, 110, { width: width / 2 - 20 });
  pdf.font("regular").fontSize(8.5);
  for (const line of partyLines(document.buyer, locale)) pdf.text(line, { width: width / 2 - 20 });

  pdf.font("bold").fontSize(16).text(`${title} n° ${document.number}`, left, 200);
  pdf.font("regular").fontSize(9);
  const period = `${document.period.slice(5, 7)}/${document.period.slice(0, 4)}`;
  pdf.text(
    fr
      ? `Date d'émission : ${frDate(document.issueDate, locale)} — Échéance : ${frDate(document.dueDate, locale)} — Période : ${period}`
      : `Issue date: ${document.issueDate} — Due date: ${document.dueDate} — Period: ${period}`,
  );
  if (document.corrects)
    pdf.text(
      fr
        ? `Avoir sur la facture n° ${document.corrects.number} du ${frDate(document.corrects.issueDate, locale)}`
        : `Credit note on invoice ${document.corrects.number} of ${document.corrects.issueDate}`,
    );

  let y = pdf.y + 14;
  const amountX = left + width - 110;
  pdf
    .font("bold")
    .fontSize(9)
    .text(fr ? "Désignation" : "Description", left, y);
  pdf.text(fr ? "Montant HT" : "Net amount", amountX, y, { width: 110, align: "right" });
  y = pdf.y + 4;
  pdf
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  y += 6;
  for (const line of document.lines) {
    const { name, detail } = describeInvoiceLine(line, locale, document.currency);
    if (y > pdf.page.height - 200) {
      pdf.addPage();
      y = 48;
    }
    pdf
      .font("bold")
      .fontSize(9)
      .text(name, left, y, { width: width - 130 });
    pdf
      .font("regular")
      .fontSize(7.5)
      .text(detail, { width: width - 130 });
    const bottom = pdf.y;
    pdf.fontSize(9).text(money(line.amountCents), amountX, y, { width: 110, align: "right" });
    y = Math.max(bottom, y + 12) + 8;
  }
  pdf
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  y += 8;
  const total = (label: string, cents: string, bold = false) => {
    pdf.font(bold ? "bold" : "regular").fontSize(9.5);
    pdf.text(label, left + width - 330, y, { width: 210, align: "right" });
    pdf.text(money(cents), amountX, y, { width: 110, align: "right" });
    y += 15;
  };
  total(fr ? "Total HT" : "Total excluding VAT", document.totalExclVatCents);
  const exemptLabel = {
    AE: fr ? "Autoliquidation" : "Reverse charge",
    G: fr ? "TVA non applicable" : "No VAT",
  };
  for (const v of document.vat)
    total(
      v.category !== "S"
        ? `${exemptLabel[v.category]} (${fr ? "TVA" : "VAT"} ${v.category}) ${fr ? "sur" : "on"} ${money(v.basisCents)}`
        : `${fr ? "TVA" : "VAT"} ${formatPercentText(v.ratePercent.replace(".00", ""), locale)} ${fr ? "sur" : "on"} ${money(v.basisCents)}`,
      v.vatCents,
    );
  total(fr ? "Total TTC" : "Total including VAT", document.totalInclVatCents, true);

  if (document.rates.length > 0) {
    y += 6;
    pdf.font("regular").fontSize(8);
    for (const r of document.rates)
      pdf.text(
        fr
          ? `Taux de conversion : taux de référence BCE du ${frDate(r.day, locale)}, 1 € = ${r.unitsPerEuro.replace(".", ",")} ${r.currency}.`
          : `Conversion: ECB reference rate of ${r.day}, €1 = ${r.unitsPerEuro} ${r.currency}.`,
        left,
        y,
        { width },
      );
    y = pdf.y;
  }
  const mentions = invoiceMentions(document, locale);
  pdf.font("regular").fontSize(7.5);
  pdf.text(
    [
      ...(mentions.vat ? [mentions.vat] : []),
      mentions.terms,
      mentions.penalty,
      mentions.indemnity,
      mentions.discount,
      fr
        ? "Arrondi : chaque ligne au centime, au plus proche (un demi-centime vers le haut) ; la TVA sur le total HT."
        : "Rounding: each line to the nearest cent (half a cent up); VAT on the total excluding VAT.",
    ].join("\n"),
    left,
    Math.max(y + 14, pdf.page.height - 150),
    { width },
  );

  // pdfkit (0.20) writes AFRelationship from `relationship`; its types (@types/pdfkit) lag behind.
  pdf.file(Buffer.from(xml, "utf8"), {
    name: FACTUR_X_FILE_NAME,
    type: "text/xml",
    description: "Factur-X",
    relationship: "Alternative",
    creationDate: issuedAt,
    modifiedDate: issuedAt,
  } as PDFKit.Mixins.PDFAttachmentOptions);
  pdf.appendXML(FACTUR_X_XMP);
  pdf.end();
  return done;
}
