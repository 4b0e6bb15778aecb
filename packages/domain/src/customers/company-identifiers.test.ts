import { describe, expect, it } from "vitest";
import {
  checkSiren,
  checkSiret,
  checkVatNumber,
  frenchVatKey,
  frenchVatNumber,
  luhnValid,
} from "./company-identifiers.js";

describe("company identifiers (issue 16: customers)", () => {
  it("accepts a SIREN whose Luhn key holds, with the spaces people type", () => {
    // 732 829 320 is a real SIREN (Luhn-valid); the demo ones are too.
    expect(checkSiren("732 829 320")).toEqual({ ok: true, value: "732829320" });
    expect(luhnValid("200072197")).toBe(true);
  });

  it("refuses a SIREN with a wrong key, and says what a SIREN is", () => {
    expect(checkSiren("732829321")).toMatchObject({ ok: false, reason: "key" });
    expect(checkSiren("73282932")).toMatchObject({ ok: false, reason: "format", expected: "9 digits" });
    expect(checkSiren("73282932A")).toMatchObject({ ok: false, reason: "format" });
  });

  it("checks a SIRET's key and that it belongs to the SIREN given", () => {
    expect(checkSiret("732 829 320 00074")).toEqual({ ok: true, value: "73282932000074" });
    expect(checkSiret("73282932000075")).toMatchObject({ ok: false, reason: "key" });
    expect(checkSiret("73282932000074", "552100554")).toMatchObject({ ok: false, reason: "mismatch" });
    expect(checkSiret("7328293200007")).toMatchObject({ ok: false, reason: "format", expected: "14 digits" });
  });

  it("checks La Poste's SIRETs by the sum of their digits (INSEE's exception to the Luhn key)", () => {
    // 356000000 + 00048: digits sum to 3+5+6+4+8 = 26 → refused; + 00049 → 27; + 00054 → 23; + 00056 → 25.
    expect(checkSiret("35600000000056")).toMatchObject({ ok: true });
    expect(checkSiret("35600000000048")).toMatchObject({ ok: false, reason: "key" });
  });

  it("derives the French VAT key from the SIREN: (12 + 3 × (SIREN mod 97)) mod 97", () => {
    // 732829320 mod 97 = 43; 12 + 129 = 141; 141 mod 97 = 44.
    expect(frenchVatKey("732829320")).toBe("44");
    expect(frenchVatNumber("732829320")).toBe("FR44732829320");
    // A key below 10 keeps its leading zero.
    expect(frenchVatKey("000000097")).toBe("12");
  });

  it("checks a French VAT number's key and that it is the customer's SIREN", () => {
    expect(checkVatNumber("fr 44 732829320", "732829320")).toEqual({ ok: true, value: "FR44732829320" });
    expect(checkVatNumber("FR45732829320")).toMatchObject({
      ok: false,
      reason: "key",
      expected: "FR44732829320",
    });
    expect(checkVatNumber("FR44732829320", "552100554")).toMatchObject({ ok: false, reason: "mismatch" });
    expect(checkVatNumber("FR4773282932")).toMatchObject({ ok: false, reason: "format" });
  });

  it("accepts another member state's VAT number by its shape only", () => {
    expect(checkVatNumber("DE123456789")).toEqual({ ok: true, value: "DE123456789" });
    expect(checkVatNumber("D1")).toMatchObject({ ok: false, reason: "format" });
  });

  // Issue 17: each member state's own pattern, the prefix being the customer's country's.
  it("checks a VAT number against the pattern of the customer's member state", () => {
    expect(checkVatNumber("BE 0403.170.701", undefined, "BE")).toEqual({ ok: true, value: "BE0403170701" });
    expect(checkVatNumber("EL123456789", undefined, "GR")).toMatchObject({ ok: true });
    expect(checkVatNumber("NL123456789B01", undefined, "NL")).toMatchObject({ ok: true });
    expect(checkVatNumber("DE12345678", undefined, "DE")).toMatchObject({
      ok: false,
      reason: "format",
      expected: "DE then 9 digits, e.g. DE123456789",
    });
    // Another state's number for a German customer is refused: it is not that customer's.
    expect(checkVatNumber("BE0403170701", undefined, "DE")).toMatchObject({ ok: false, reason: "format" });
    expect(checkVatNumber("FR45732829320", undefined, "FR")).toMatchObject({ ok: false, reason: "key" });
  });

  it("outside the EU takes the country's own number, prefixed by its code", () => {
    expect(checkVatNumber("CHE-123.456.789", undefined, "CH")).toEqual({ ok: true, value: "CHE123456789" });
    expect(checkVatNumber("DE123456789", undefined, "CH")).toMatchObject({ ok: false, reason: "format" });
  });
});
