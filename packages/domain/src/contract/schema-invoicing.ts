import { z } from "zod";
import { ZPercent } from "./money.js";
import { ZLabel, ZText } from "./primitives.js";

/**
 * What the provider's invoices must say of the seller and of payment (French invoice mentions,
 * Code de commerce L441-9 and Code général des impôts art. 242 nonies A; EN 16931 for Factur-X).
 * Absent: Guichet issues no invoice for this deployment (the run refuses, saying so).
 */
export const ZInvoicing = z.strictObject({
  seller: z.strictObject({
    legalName: ZText,
    /** 9 digits (French company register). */
    siren: z.string().regex(/^\d{9}$/, "expected a SIREN of 9 digits"),
    /** Intra-community VAT number ("FR" + key + SIREN for French sellers). */
    vatNumber: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "expected a VAT number such as FR12345678901"),
    address: ZText,
    postalCode: ZText,
    city: ZText,
    /** ISO 3166-1 alpha-2. */
    country: z.string().regex(/^[A-Z]{2}$/, "expected a country code such as FR"),
    /** "Contractor: legal form and share capital", printed under the name where the law asks it. */
    legalForm: ZText.optional(),
  }),
  /** Standard VAT rate applied to every line (category S). */
  vatRate: ZPercent,
  /** Days from the issue date to the due date. */
  paymentTermDays: z.int().min(0).max(60),
  /** The late-payment penalty rate, as the invoice states it (L441-10). */
  latePenaltyRate: ZLabel,
  /** Where the reading of the invoicing clauses comes from. */
  clause: ZText,
  /**
   * The customer's billing section of the portal (invoices online, detailed billing, simulation,
   * budgets: MCR-BIL-04), where the contract has a clause for it; absent: the deployment's rule.
   */
  customerSection: z.strictObject({ clause: ZText }).optional(),
  /**
   * Usage credits a vendor allocates (FOCUS ChargeCategory "Credit", MCR-BIL-03): always on invoice
   * lines of their own, saying the provider makes no commitment on them; this is the clause they
   * cite, where the contract has one; absent: the deployment's rule.
   */
  vendorCredits: z.strictObject({ clause: ZText }).optional(),
});

export type Invoicing = z.output<typeof ZInvoicing>;
