import { EU_MEMBER_STATES, hasEuVatShape } from "../customers/eu-vat-numbers.js";

/**
 * Which VAT an invoice of services charges, from where the seller and the buyer are established
 * (issue 17). Guichet's invoices are business-to-business supplies of services (cloud resale,
 * support, e-services), so the general rule for services between taxable persons applies: they
 * are supplied where the customer is established (art. 259-1° CGI, art. 44 directive 2006/112/CE).
 *
 * Reading chosen (written in contracts/multicloud-ready.yaml beside `invoicing`):
 * - Buyer in the seller's own country (France; Monaco is French territory for VAT, art. 7 of the
 *   Franco-Monegasque convention), or a buyer elsewhere in the EU without a well-formed
 *   intra-community VAT number of its state (not shown to be a taxable person): the seller's VAT
 *   at the contract's rate, EN 16931 category S.
 * - Buyer established in another EU member state with an intra-community VAT number of that state:
 *   no French VAT, the buyer accounts for it (autoliquidation, art. 283-2 CGI, art. 196
 *   directive); the invoice says "Autoliquidation" (art. 242 nonies A, I-13° annexe II CGI, art.
 *   226 11 bis directive) and carries both VAT numbers (BR-AE-02). Category AE, rate 0, reason
 *   code VATEX-EU-AE. The number's shape is checked here; whether it is live (VIES) is the
 *   provider's check when it records the customer, since a pure rule does no I/O.
 * - Buyer established outside the EU: the service is supplied outside France, so outside the
 *   scope of French VAT (art. 259-1° CGI). Category G ("export outside the EU", VATEX-EU-G) rather
 *   than O: EN 16931's O forbids the seller's VAT number on the invoice (BR-O-02) while French law
 *   asks for it (art. 242 nonies A, I-2°), and G keeps it (BR-G-02); the mention names art. 259-1.
 */
export type VatCategory = "S" | "AE" | "G";

export interface VatTreatment {
  category: VatCategory;
  /** EN 16931 BT-121 (VATEX code list); null for S. */
  exemptionCode: string | null;
  /** EN 16931 BT-120, the words the invoice shows; null for S. */
  exemptionReason: { fr: string; en: string } | null;
}

/** Where VAT treats a country as another: Monaco as France. */
const VAT_TERRITORY: Readonly<Record<string, string>> = { MC: "FR" };

/**
 * An intra-community VAT number of `country`: that state's prefix and pattern (EU_VAT_FORMATS,
 * the same check as when the customer is recorded, issue 17).
 */
export function isIntraCommunityVatNumber(vatNumber: string | null | undefined, country: string): boolean {
  return hasEuVatShape(vatNumber, country);
}

const STANDARD: VatTreatment = { category: "S", exemptionCode: null, exemptionReason: null };

export function vatTreatment(
  seller: { country: string },
  buyer: { country: string; vatNumber?: string | null },
): VatTreatment {
  const sellerCountry = VAT_TERRITORY[seller.country] ?? seller.country;
  const buyerCountry = VAT_TERRITORY[buyer.country] ?? buyer.country;
  if (buyerCountry === sellerCountry || !EU_MEMBER_STATES.has(sellerCountry)) return STANDARD;
  if (EU_MEMBER_STATES.has(buyerCountry))
    return isIntraCommunityVatNumber(buyer.vatNumber, buyerCountry)
      ? {
          category: "AE",
          exemptionCode: "VATEX-EU-AE",
          exemptionReason: {
            fr: "Autoliquidation : TVA due par le preneur (art. 283-2 du CGI, art. 196 de la directive 2006/112/CE)",
            en: "Reverse charge: VAT due by the customer (art. 283-2 CGI, art. 196 of Directive 2006/112/EC)",
          },
        }
      : STANDARD;
  return {
    category: "G",
    exemptionCode: "VATEX-EU-G",
    exemptionReason: {
      fr: "TVA non applicable : prestation de services à un preneur établi hors de l'Union européenne (art. 259-1° du CGI, art. 44 de la directive 2006/112/CE)",
      en: "VAT not applicable: services to a customer established outside the European Union (art. 259-1° CGI, art. 44 of Directive 2006/112/EC)",
    },
  };
}
