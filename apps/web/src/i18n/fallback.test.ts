import { fallbackOrder as serverOrder, textLanguage } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { CONTRACT_LANGUAGES, catalogueFor, fallbackOrder, intlTag } from "./fallback";

// Issue 23, GEN-01: the portal falls back exactly as the server and its mails do, so the texts
// a page builds and the messages the server answers with are in the same language.
describe("the portal's language fallback", () => {
  const contracts = [["fr", "en"], ["en", "de"], ["de"], ["de", "fr"], ["it", "en"], ["nl"]] as const;

  it("is the server's order, for every reader of every kind of contract", () => {
    for (const spoken of contracts)
      for (const reader of CONTRACT_LANGUAGES) {
        expect(fallbackOrder(reader, spoken)).toEqual(serverOrder(reader, spoken));
        expect(catalogueFor(reader, spoken)).toBe(textLanguage(reader, spoken, ["fr", "en"]));
      }
  });

  it("reads German in French under a French-first contract, in English under a German-first one", () => {
    expect(catalogueFor("de", ["fr", "de"])).toBe("fr");
    expect(catalogueFor("de", ["de", "en"])).toBe("en");
    expect(catalogueFor("de", ["de"])).toBe("en");
  });

  it("formats with the browser's region for the reader's language, else the language's usual one", () => {
    expect(intlTag("de", ["de-CH", "en-GB"])).toBe("de-CH");
    expect(intlTag("de", ["fr-CH", "de"])).toBe("de-DE");
    expect(intlTag("it", [])).toBe("it-IT");
  });
});
