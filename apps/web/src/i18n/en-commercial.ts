import type { frCommercial } from "./fr-commercial";

/** Customers, their import, specific conditions (issue 16): the keys of fr-commercial.ts. */
export const enCommercial: typeof frCommercial = {
  title: "Customers",
  intro: "The provider's customers: company identifiers, billing and the administrator invited.",
  fields: {
    legalName: "Legal name",
    siren: "SIREN",
    sirenHelp: "9 digits; the key (last digit) is checked.",
    siret: "SIRET (establishment invoiced)",
    vatNumber: "Intra-community VAT number",
    vatHelp: "For France: FR, a key computed from the SIREN, then the SIREN.",
    billingAddress: "Billing address",
    billingPostalCode: "Postal code",
    billingCity: "City",
    billingEmail: "Billing e-mail",
    country: "Country of establishment",
    countryHelp:
      "It decides which identifiers are asked for and the VAT invoiced (reverse charge, outside the EU).",
    registrationNumber: "Registration number (optional)",
    registrationHelp: "As the country's company register writes it.",
    vatHelpEu:
      "This member state's VAT number, e.g. {{example}}; with it, the customer accounts for the VAT (reverse charge).",
    vatHelpOutsideEu: "Optional outside the European Union: the country's VAT number, if it has one.",
    locale: "Language of e-mails",
  },
  create: {
    heading: "New customer",
    intro: "The administrator receives a single-use link by e-mail to choose a password.",
    billing: "Billing",
    administrator: "Customer's administrator",
    submit: "Create the customer",
    done: 'Customer "{{name}}" created; the invitation went to {{email}}.',
  },
  import: {
    heading: "Import existing customers (CSV)",
    intro:
      "All or nothing: if a line is refused, nothing is imported and the report says what to fix, line by line.",
    columns:
      "Columns (separator ; or ,): raison_sociale, pays, siren (in France), siret, numero_immatriculation, tva_intracommunautaire, adresse_facturation, code_postal, ville, email_facturation, admin_email, admin_prenom, admin_nom, admin_langue.",
    file: "CSV file",
    submit: "Import",
    report: "Report of the refused lines",
    line: "Line",
    column: "Column",
    problem: "Problem and fix",
    done_one: "{{count}} customer imported; its administrator is invited.",
    done_other: "{{count}} customers imported; their administrators are invited.",
  },
  list: {
    heading: "Customers",
    empty: "No customer yet.",
    billing: "Billing",
    identifier: "SIREN or registration",
    vies: {
      not_checked: "VAT number not checked with VIES",
      valid: "VAT number checked with VIES",
      invalid: "VAT number unknown to VIES: to check with the customer",
    },
  },
};
