/**
 * Types of the commercial API (issue 16: customers, specific conditions), written by hand until
 * the portal's types are generated from the OpenAPI document (issue 15). They follow the server's
 * response schemas in apps/server/src/modules/customers and modules/catalogue.
 */
export interface CustomerView {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  billing: { address: string; postalCode: string; city: string; country: string; email: string } | null;
  createdAt: string;
}

export interface NewCustomer {
  legalName: string;
  siren: string;
  siret?: string;
  vatNumber?: string;
  billingAddress: string;
  billingPostalCode: string;
  billingCity: string;
  billingCountry: string;
  billingEmail: string;
  administrator: { email: string; firstName: string; lastName: string; locale: "fr" | "en" };
}

/** One refused field (details.problems of a refusal), already worded in the reader's language. */
export interface FieldProblem {
  field: string;
  reason: string;
  value: string;
  expected: string;
  message: string;
}

/** One refused line of a CSV import. */
export interface LineProblem extends FieldProblem {
  line: number;
  column: string;
}

export interface SpecificConditionsView {
  catalogueItemId: string;
  effectiveFrom: string;
  documentTitle: string;
  documentVersion: string;
  monthlyPriceCents: number;
  monthlyPrice: string;
  minimumMonths: number;
  terminationNoticeMonths: number;
  maintenanceNoticeDays: number;
  demo: boolean;
  inForce: boolean;
}
