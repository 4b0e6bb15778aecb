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
  | { ok: false; reason: "format" | "key" | "mismatch"; expected: string };

/** Spaces, dots and dashes people type between groups of digits are not part of the number. */
function compact(raw: string): string {
  return raw.replace(/[\s.\u00a0\u202f-]/g, "").toUpperCase();
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
 * An intra-community VAT number. A French one ("FR" + key + SIREN) is checked with its key and,
 * when the SIREN is given, must be that company's; another member state's is checked for shape
 * only (2 letters, then 2 to 12 letters or digits), since each state has its own key.
 */
export function checkVatNumber(raw: string, siren?: string): IdentifierCheck {
  const value = compact(raw);
  if (!/^[A-Z]{2}[0-9A-Z]{2,12}$/.test(value)) {
    return { ok: false, reason: "format", expected: "a country code then 2 to 12 letters or digits" };
  }
  if (!value.startsWith("FR")) return { ok: true, value };
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
