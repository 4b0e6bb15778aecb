import { checkSiren, checkSiret, checkVatNumber } from "./company-identifiers.js";
import { isCountryCode, usesSiren } from "./countries.js";

/**
 * A customer as the provider enters it, in the back office or one line of a CSV import (issue 16):
 * legal name, company identifiers, billing address and e-mail, the administrator to invite.
 */
export interface CustomerRecord {
  legalName: string;
  /** Required where the customer is established in France (or Monaco), optional elsewhere. */
  siren?: string | undefined;
  siret?: string | undefined;
  /** A company established abroad: its own country's registration number, if it gives one. */
  registrationNumber?: string | undefined;
  vatNumber?: string | undefined;
  billingAddress: string;
  billingPostalCode: string;
  billingCity: string;
  /** Where the customer is established, ISO 3166-1 alpha-2, "FR" when not said (issue 17). */
  billingCountry: string;
  billingEmail: string;
  administrator: { email: string; firstName: string; lastName: string; locale: "fr" | "en" };
}

/** The fields a problem can name; the CSV import maps them to its columns. */
export type CustomerField =
  | "legalName"
  | "siren"
  | "siret"
  | "registrationNumber"
  | "vatNumber"
  | "billingAddress"
  | "billingPostalCode"
  | "billingCity"
  | "billingCountry"
  | "billingEmail"
  | "administrator.email"
  | "administrator.firstName"
  | "administrator.lastName"
  | "administrator.locale";

/**
 * What is wrong with one field, and how to fix it. `reason` is a stable key the server turns into
 * a sentence in the reader's language; `expected` is what would be accepted.
 */
export interface CustomerProblem {
  field: CustomerField;
  reason: "required" | "format" | "key" | "mismatch" | "duplicate" | "taken";
  value: string;
  expected: string;
  /** A value of the expected shape, for the sentence saying how to fix it (VAT numbers abroad). */
  example?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a customer's fields, identifiers with their keys (SIREN and SIRET by Luhn, the French VAT
 * key from the SIREN) and, by the country it is established in (issue 17), which are required: a
 * SIREN in France, none abroad; a VAT number of that member state's pattern. Returns the record normalised (identifiers without spaces, e-mails lower
 * case) or every problem found, not only the first.
 */
export function checkCustomerRecord(
  input: CustomerRecord,
): { ok: true; record: CustomerRecord } | { ok: false; problems: CustomerProblem[] } {
  const problems: CustomerProblem[] = [];
  const required = (field: CustomerField, value: string | undefined, expected: string) => {
    if (!value || value.trim() === "") problems.push({ field, reason: "required", value: "", expected });
  };
  required("legalName", input.legalName, "the company's legal name");
  required("billingAddress", input.billingAddress, "street and number");
  required("billingCity", input.billingCity, "a city");
  required("administrator.firstName", input.administrator.firstName, "a first name");
  required("administrator.lastName", input.administrator.lastName, "a last name");

  const country = (input.billingCountry?.trim() || "FR").toUpperCase();
  if (!isCountryCode(country)) {
    problems.push({
      field: "billingCountry",
      reason: "format",
      value: input.billingCountry,
      expected: "a 2-letter ISO 3166 country code such as FR, BE or CH",
    });
  }
  // A SIREN is French: required for a customer established in France, checked if given elsewhere.
  const sirenRaw = input.siren?.trim() ?? "";
  const siren = checkSiren(sirenRaw);
  if (!siren.ok && (sirenRaw || usesSiren(country))) {
    problems.push({
      field: "siren",
      reason: sirenRaw ? siren.reason : "required",
      value: input.siren ?? "",
      expected: siren.expected,
    });
  }
  const sirenValue = siren.ok ? siren.value : undefined;
  const optional = (field: "siret" | "vatNumber", raw: string | undefined, check: typeof checkSiret) => {
    if (!raw?.trim()) return undefined;
    const checked = check(raw, sirenValue);
    if (checked.ok) return checked.value;
    const { reason, expected, example } = checked;
    problems.push({ field, reason, value: raw, expected, ...(example ? { example } : {}) });
    return undefined;
  };
  const siret = optional("siret", input.siret, checkSiret);
  const vatNumber = optional("vatNumber", input.vatNumber, (raw, sirenOf) =>
    checkVatNumber(raw, sirenOf, isCountryCode(country) ? country : undefined),
  );
  const registrationNumber = input.registrationNumber?.trim().replace(/\s+/g, " ") ?? "";
  if (registrationNumber && !/^[0-9A-Za-z][0-9A-Za-z ./-]{0,49}$/.test(registrationNumber)) {
    problems.push({
      field: "registrationNumber",
      reason: "format",
      value: input.registrationNumber ?? "",
      expected: "up to 50 letters or digits, with spaces, dots, dashes or slashes",
    });
  }
  const postalCode = input.billingPostalCode?.trim() ?? "";
  if (!postalCode) {
    problems.push({ field: "billingPostalCode", reason: "required", value: "", expected: "a postal code" });
  } else if (country === "FR" && !/^\d{5}$/.test(postalCode)) {
    problems.push({
      field: "billingPostalCode",
      reason: "format",
      value: postalCode,
      expected: "5 digits such as 79000",
    });
  }
  for (const [field, value] of [
    ["billingEmail", input.billingEmail],
    ["administrator.email", input.administrator.email],
  ] as const) {
    const trimmed = value?.trim() ?? "";
    if (!trimmed) problems.push({ field, reason: "required", value: "", expected: "an e-mail address" });
    else if (!EMAIL.test(trimmed) || trimmed.length > 254)
      problems.push({
        field,
        reason: "format",
        value,
        expected: "an e-mail address such as compta@example.fr",
      });
  }
  if (input.administrator.locale !== "fr" && input.administrator.locale !== "en") {
    problems.push({
      field: "administrator.locale",
      reason: "format",
      value: String(input.administrator.locale),
      expected: "fr or en",
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    record: {
      legalName: input.legalName.trim(),
      ...(sirenValue ? { siren: sirenValue } : {}),
      ...(siret ? { siret } : {}),
      ...(registrationNumber ? { registrationNumber } : {}),
      ...(vatNumber ? { vatNumber } : {}),
      billingAddress: input.billingAddress.trim(),
      billingPostalCode: postalCode,
      billingCity: input.billingCity.trim(),
      billingCountry: country,
      billingEmail: input.billingEmail.trim().toLowerCase(),
      administrator: {
        email: input.administrator.email.trim().toLowerCase(),
        firstName: input.administrator.firstName.trim(),
        lastName: input.administrator.lastName.trim(),
        locale: input.administrator.locale,
      },
    },
  };
}
