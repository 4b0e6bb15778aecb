/**
 * The shape of each EU member state's VAT number (issue 17), as the European Commission's VIES
 * publishes them: the state's prefix (Greece says EL), then its own pattern. `expected` is the
 * sentence a refusal shows to say how to fix the number. France's key is checked on top
 * (checkVatNumber). Whether a number is live is VIES's answer, not a pattern's (vies-check).
 */
export interface EuVatFormat {
  prefix: string;
  pattern: RegExp;
  expected: string;
  /** A number of that shape, for the sentence saying how to fix one (a made-up number). */
  example: string;
}

const format = (prefix: string, body: string, shape: string, example: string): EuVatFormat => ({
  prefix,
  pattern: new RegExp(`^${prefix}(?:${body})$`),
  expected: `${prefix} then ${shape}, e.g. ${example}`,
  example,
});

/** Keyed by ISO 3166-1 alpha-2 country: the 27 member states in 2026. */
export const EU_VAT_FORMATS: Readonly<Record<string, EuVatFormat>> = {
  AT: format("AT", "U\\d{8}", "U and 8 digits", "ATU12345678"),
  BE: format("BE", "[01]\\d{9}", "10 digits starting with 0 or 1", "BE0123456789"),
  BG: format("BG", "\\d{9,10}", "9 or 10 digits", "BG123456789"),
  CY: format("CY", "\\d{8}[A-Z]", "8 digits and a letter", "CY12345678X"),
  CZ: format("CZ", "\\d{8,10}", "8 to 10 digits", "CZ12345678"),
  DE: format("DE", "\\d{9}", "9 digits", "DE123456789"),
  DK: format("DK", "\\d{8}", "8 digits", "DK12345678"),
  EE: format("EE", "\\d{9}", "9 digits", "EE123456789"),
  ES: format("ES", "[0-9A-Z]\\d{7}[0-9A-Z]", "9 characters", "ESA12345674"),
  FI: format("FI", "\\d{8}", "8 digits", "FI12345678"),
  FR: format("FR", "[0-9A-Z]{2}\\d{9}", "a 2-character key and the 9-digit SIREN", "FR44732829320"),
  GR: format("EL", "\\d{9}", "9 digits", "EL123456789"),
  HR: format("HR", "\\d{11}", "11 digits", "HR12345678901"),
  HU: format("HU", "\\d{8}", "8 digits", "HU12345678"),
  IE: format("IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]", "7 digits and 1 or 2 letters", "IE1234567T"),
  IT: format("IT", "\\d{11}", "11 digits", "IT12345678901"),
  LT: format("LT", "\\d{9}|\\d{12}", "9 or 12 digits", "LT123456789"),
  LU: format("LU", "\\d{8}", "8 digits", "LU12345678"),
  LV: format("LV", "\\d{11}", "11 digits", "LV12345678901"),
  MT: format("MT", "\\d{8}", "8 digits", "MT12345678"),
  NL: format("NL", "\\d{9}B\\d{2}", "9 digits, B and 2 digits", "NL123456789B01"),
  PL: format("PL", "\\d{10}", "10 digits", "PL1234567890"),
  PT: format("PT", "\\d{9}", "9 digits", "PT123456789"),
  RO: format("RO", "[1-9]\\d{1,9}", "2 to 10 digits", "RO1234567"),
  SE: format("SE", "\\d{10}01", "12 digits ending in 01", "SE123456789701"),
  SI: format("SI", "\\d{8}", "8 digits", "SI12345678"),
  SK: format("SK", "\\d{10}", "10 digits", "SK1234567890"),
};

/** The EU member states (ISO 3166-1 alpha-2), 2026. */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(Object.keys(EU_VAT_FORMATS));

/** Spaces, dots and dashes people type between groups are not part of the number. */
export function compactIdentifier(raw: string): string {
  return raw.replace(/[\s.\u00a0\u202f-]/g, "").toUpperCase();
}

/** Whether `raw` has the shape of `country`'s VAT number (false for a country outside the EU). */
export function hasEuVatShape(raw: string | null | undefined, country: string): boolean {
  const vatFormat = EU_VAT_FORMATS[country];
  return Boolean(raw && vatFormat?.pattern.test(compactIdentifier(raw)));
}
