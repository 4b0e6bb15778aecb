import { compactIdentifier, EU_VAT_FORMATS } from "./eu-vat-numbers.js";

/**
 * French company identifiers a provider records for each customer, checked with their keys
 * before anything is written (issue 16: "a SIREN with a wrong key" is refused, naming the field).
 * SIREN (9 digits) and SIRET (14 digits, SIREN + 5-digit establishment number) carry a Luhn key;
 * a French intra-community VAT number is "FR" + a 2-digit key derived from the SIREN + the SIREN.
 * Pure functions: no I/O.
 */

/** Why a value is refused: its shape, or its key. `expected` says how to fix it. */
export type IdentifierCheck =
  | { ok: true; value: string }
  | { ok: false; reason: "format" | "key" | "mismatch"; expected: string; example?: string };

const compact = compactIdentifier;

/** The member state whose VAT numbers start with `prefix` (EL is Greece). */
function stateOfPrefix(prefix: string): string | undefined {
  return Object.entries(EU_VAT_FORMATS).find(([, f]) => f.prefix === prefix)?.[0];
}

/** The Luhn checksum: doubling every second digit from the right, the sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A SIREN: 9 digits whose Luhn key holds. */
export function checkSiren(raw: string): IdentifierCheck {
  const value = compact(raw);
  if (!/^\d{9}$/.test(value)) return { ok: false, reason: "format", expected: "9 digits" };
  if (!luhnValid(value)) return { ok: false, reason: "key", expected: "a SIREN whose Luhn key holds" };
  return { ok: true, value };
}

/**
 * The SIREN of La Poste, whose establishments are too many for the Luhn key: their SIRETs are
 * checked by INSEE's rule for them instead (the sum of the 14 digits is a multiple of 5).
 */
const LA_POSTE_SIREN = "356000000";

/** A SIRET: 14 digits whose Luhn key holds (La Poste's by its own rule); optionally of a given SIREN. */
export function checkSiret(raw: string, siren?: string): IdentifierCheck {
  const value = compact(raw);
  if (!/^\d{14}$/.test(value)) return { ok: false, reason: "format", expected: "14 digits" };
  const keyHolds = value.startsWith(LA_POSTE_SIREN)
    ? [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
    : luhnValid(value);
  if (!keyHolds) return { ok: false, reason: "key", expected: "a SIRET whose Luhn key holds" };
  if (siren !== undefined && !value.startsWith(siren)) {
    return { ok: false, reason: "mismatch", expected: `a SIRET starting with the SIREN ${siren}` };
  }
  return { ok: true, value };
}

/** The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

/** The French intra-community VAT number of a SIREN. */
export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

/**
 * An intra-community VAT number of the member state `country` (issue 17): that state's prefix and
 * pattern (EU_VAT_FORMATS). A French one ("FR" + key + SIREN) is also checked with its key and,
 * when the SIREN is given, must be that company's. Without `country`, the state is the prefix's.
 * Outside the EU there is no intra-community number; the country's own one may be given instead.
 */
export function checkVatNumber(raw: string, siren?: string, country?: string): IdentifierCheck {
  const value = compact(raw);
  const state = country ?? stateOfPrefix(value.slice(0, 2));
  const vatFormat = state ? EU_VAT_FORMATS[state] : undefined;
  if (!vatFormat && country) {
    // Outside the EU: the country's own VAT number, if it has one, prefixed by its ISO code as
    // EN 16931 asks of a VAT identifier (BR-CO-09), e.g. CHE123456789 or GB123456789.
    return new RegExp(`^${country}[0-9A-Z]{2,13}$`).test(value)
      ? { ok: true, value }
      : {
          ok: false,
          reason: "format",
          expected: `${country} then the number, or nothing`,
          example: `${country}123456789`,
        };
  }
  if (!vatFormat)
    return { ok: false, reason: "format", expected: "an EU member state's prefix then its number" };
  if (!vatFormat.pattern.test(value))
    return { ok: false, reason: "format", expected: vatFormat.expected, example: vatFormat.example };
  if (state !== "FR") return { ok: true, value };
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(value);
  if (!match)
    return { ok: false, reason: "format", expected: "FR, a 2-character key, then the 9-digit SIREN" };
  const [, key, vatSiren] = match as unknown as [string, string, string];
  if (key !== frenchVatKey(vatSiren)) {
    return { ok: false, reason: "key", expected: `FR${frenchVatKey(vatSiren)}${vatSiren}` };
  }
  if (siren !== undefined && vatSiren !== siren) {
    return { ok: false, reason: "mismatch", expected: frenchVatNumber(siren) };
  }
  return { ok: true, value };
}
