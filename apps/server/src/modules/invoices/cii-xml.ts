import {
  centsToDecimal,
  describeInvoiceLine,
  type InvoiceDocument,
  type InvoiceParty,
  invoiceMentions,
  type Locale,
  usesSiren,
} from "@guichet/domain";

/**
 * The Factur-X XML of an invoice: UN/CEFACT Cross Industry Invoice D16B, EN 16931 profile
 * (guideline urn:cen.eu:en16931:2017). Elements follow the XSD's order. The French mentions go
 * in notes with their UNTDID 4451 subjects (PMD penalties, PMT recovery indemnity, AAB discount).
 * A line of negative net amount (credits exceeding usage) is a quantity of −1 at a positive
 * price, since EN 16931 refuses a negative item price (BR-27).
 */
export const FACTUR_X_FILE_NAME = "factur-x.xml";

const xmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const amount = (cents: string | bigint) => centsToDecimal(BigInt(cents));
const dateTime = (civil: string, prefix = "udt") =>
  `<${prefix}:DateTimeString format="102">${civil.replaceAll("-", "")}</${prefix}:DateTimeString>`;

/**
 * BT-30/BT-47, the legal registration: a SIREN (ICD scheme 0002) is French, so a party established
 * abroad never carries it (issue 17); its own registration number, if given, goes without a scheme
 * (no ICD code names every country's registers), and its VAT number (BT-48) names it as well.
 */
function legalOrganisation(p: InvoiceParty): string {
  const id =
    usesSiren(p.country) && p.siren
      ? `<ram:ID schemeID="0002">${xmlText(p.siren)}</ram:ID>`
      : !usesSiren(p.country) && p.registrationNumber
        ? `<ram:ID>${xmlText(p.registrationNumber)}</ram:ID>`
        : null;
  return id ? `        <ram:SpecifiedLegalOrganization>${id}</ram:SpecifiedLegalOrganization>\n` : "";
}

function party(tag: string, p: InvoiceParty): string {
  return `<ram:${tag}>
        <ram:Name>${xmlText(p.legalName)}</ram:Name>
${legalOrganisation(p)}        <ram:PostalTradeAddress>
          <ram:PostcodeCode>${xmlText(p.postalCode)}</ram:PostcodeCode>
          <ram:LineOne>${xmlText(p.address)}</ram:LineOne>
          <ram:CityName>${xmlText(p.city)}</ram:CityName>
          <ram:CountryID>${xmlText(p.country)}</ram:CountryID>
        </ram:PostalTradeAddress>${
          p.email
            ? `
        <ram:URIUniversalCommunication><ram:URIID schemeID="EM">${xmlText(p.email)}</ram:URIID></ram:URIUniversalCommunication>`
            : ""
        }${
          p.vatNumber
            ? `
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">${xmlText(p.vatNumber)}</ram:ID></ram:SpecifiedTaxRegistration>`
            : ""
        }
      </ram:${tag}>`;
}

function lineItem(document: InvoiceDocument, index: number, locale: Locale): string {
  const line = document.lines[index] as InvoiceDocument["lines"][number];
  const { name, detail } = describeInvoiceLine(line, locale, document.currency);
  const net = BigInt(line.amountCents);
  const negative = net < 0n;
  const rate = document.vat[0]?.ratePercent ?? "0.00";
  const category = document.vat[0]?.category ?? "S";
  return `<ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>${index + 1}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:Name>${xmlText(name)}</ram:Name>
        <ram:Description>${xmlText(detail)}</ram:Description>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>${amount(negative ? -net : net)}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">${negative ? "-1" : "1"}</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>${category}</ram:CategoryCode>
          <ram:RateApplicablePercent>${rate}</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>${amount(net)}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>`;
}

function monthBounds(period: string): [string, string] {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${period}-01`, `${period}-${String(last).padStart(2, "0")}`];
}

export function ciiXml(document: InvoiceDocument & { number: string }, locale: Locale): string {
  const mentions = invoiceMentions(document, locale);
  const [start, end] = monthBounds(document.period);
  const notes: Array<[string, string]> = [
    [mentions.penalty, "PMD"],
    [mentions.indemnity, "PMT"],
    [mentions.discount, "AAB"],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>${xmlText(document.number)}</ram:ID>
    <ram:TypeCode>${document.kind === "credit_note" ? "381" : "380"}</ram:TypeCode>
    <ram:IssueDateTime>${dateTime(document.issueDate)}</ram:IssueDateTime>
${notes.map(([content, subject]) => `    <ram:IncludedNote><ram:Content>${xmlText(content)}</ram:Content><ram:SubjectCode>${subject}</ram:SubjectCode></ram:IncludedNote>`).join("\n")}
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    ${document.lines.map((_, i) => lineItem(document, i, locale)).join("\n    ")}
    <ram:ApplicableHeaderTradeAgreement>
      ${party("SellerTradeParty", document.seller)}
      ${party("BuyerTradeParty", document.buyer)}
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>${document.currency}</ram:InvoiceCurrencyCode>
${document.vat
  .map(
    // BR-AE-10, BR-G-10: an exempt breakdown says why, in words (BT-120) and by its VATEX code (BT-121).
    (v) => `      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>${amount(v.vatCents)}</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>${
          v.exemptionReason
            ? `
        <ram:ExemptionReason>${xmlText(v.exemptionReason[locale])}</ram:ExemptionReason>`
            : ""
        }
        <ram:BasisAmount>${amount(v.basisCents)}</ram:BasisAmount>
        <ram:CategoryCode>${v.category}</ram:CategoryCode>${
          v.exemptionCode
            ? `
        <ram:ExemptionReasonCode>${xmlText(v.exemptionCode)}</ram:ExemptionReasonCode>`
            : ""
        }
        <ram:RateApplicablePercent>${v.ratePercent}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>`,
  )
  .join("\n")}
      <ram:BillingSpecifiedPeriod>
        <ram:StartDateTime>${dateTime(start)}</ram:StartDateTime>
        <ram:EndDateTime>${dateTime(end)}</ram:EndDateTime>
      </ram:BillingSpecifiedPeriod>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>${xmlText(mentions.terms)}</ram:Description>
        <ram:DueDateDateTime>${dateTime(document.dueDate)}</ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>${amount(document.totalExclVatCents)}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>${amount(document.totalExclVatCents)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="${document.currency}">${amount(document.vatCents)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>${amount(document.totalInclVatCents)}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>${amount(document.totalInclVatCents)}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>${
        document.corrects
          ? `
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>${xmlText(document.corrects.number)}</ram:IssuerAssignedID>
        <ram:FormattedIssueDateTime>${dateTime(document.corrects.issueDate, "qdt")}</ram:FormattedIssueDateTime>
      </ram:InvoiceReferencedDocument>`
          : ""
      }
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`;
}
