import { describe, expect, it } from "vitest";
import type { Label } from "./primitives.js";
import { acceptedTags, fallbackOrder, labelFor, readerLanguage, readerTag, textLanguage } from "./reading.js";

// Issue 23, GEN-01: one explicit rule for which language a reader reads and what Guichet writes
// where it has no text in that language.
describe("a reader's language and its fallback (issue 23)", () => {
  it("reads the first accepted language the contract speaks, else the contract's locale", () => {
    expect(readerLanguage("de-CH, de;q=0.9, en;q=0.8", ["de", "en"])).toBe("de");
    expect(readerLanguage("it, en;q=0.5", ["de", "en"])).toBe("en");
    // By weight, not by position.
    expect(readerLanguage("en;q=0.4, de", ["en", "de"])).toBe("de");
    // A language the contract does not speak, or none: its locale.
    expect(readerLanguage("es", ["de", "en"])).toBe("de");
    expect(readerLanguage(undefined, ["de", "en"])).toBe("de");
    expect(readerLanguage("fr", ["fr", "en"])).toBe("fr");
    expect(acceptedTags("fr;q=0, *, en-GB;q=0.7")).toEqual(["en-GB"]);
  });

  it("falls back through the contract's languages from its locale, then English, then French", () => {
    expect(fallbackOrder("de", ["de", "en"])).toEqual(["de", "en", "fr"]);
    expect(fallbackOrder("de", ["fr", "de"])).toEqual(["de", "fr", "en"]);
    expect(fallbackOrder("it", ["it"])).toEqual(["it", "en", "fr"]);
    // Guichet's own texts: the first catalogue of that order.
    expect(textLanguage("de", ["de", "en"], ["fr", "en"])).toBe("en");
    expect(textLanguage("de", ["fr", "de"], ["fr", "en"])).toBe("fr");
    expect(textLanguage("de", ["de", "en"], ["fr", "en", "de"])).toBe("de");
    expect(textLanguage("nl", ["nl"], ["fr", "en", "de"])).toBe("en");
    expect(textLanguage("fr", ["fr", "en"], ["fr", "en"])).toBe("fr");
  });

  it("writes dates and numbers with the reader's own region where they gave one", () => {
    expect(readerTag("de-CH, de;q=0.9", "de")).toBe("de-CH");
    expect(readerTag("de", "de")).toBe("de-DE");
    expect(readerTag(undefined, "nl")).toBe("nl-NL");
    // The region of another language is not the reader's.
    expect(readerTag("fr-CH, de;q=0.5", "de")).toBe("de-DE");
    // Swiss German groups thousands with an apostrophe and writes a decimal point, not "1.045,5".
    const swiss = new Intl.NumberFormat(readerTag("de-CH", "de")).format(1045.5);
    expect(swiss).toMatch(/^1['’]045\.5$/);
    expect(new Intl.NumberFormat(readerTag("de", "de")).format(1045.5)).toBe("1.045,5");
  });

  it("reads a contract's label in the reader's language, else in the contract's order", () => {
    const label: Label = { fr: "Heures ouvrées", en: "Business hours", de: "Geschäftszeiten" };
    expect(labelFor(label, "de", ["en", "de"])).toBe("Geschäftszeiten");
    const noItalian: Label = { fr: "Heures", en: "Hours", de: "Stunden" };
    expect(labelFor(noItalian, "it", ["de", "it"])).toBe("Stunden");
  });
});
