import { sentenceWords, ZVocabulary } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { enDeskWords } from "./en-desk";
import { frDeskWords } from "./fr-desk";

/** A text with its placeholders filled as i18next fills them (counts left as they are). */
function filled(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function textsOf(wording: Record<string, string>, values: Record<string, string>) {
  return Object.fromEntries(Object.entries(wording).map(([key, text]) => [key, filled(text, values)]));
}

const words = (vocabulary: unknown, language: "fr" | "en") =>
  sentenceWords(ZVocabulary.parse(vocabulary), language);

// Issue 23: the contract's own nouns in the portal's sentences.
describe("the desk's texts in the contract's words", () => {
  it("with 'demande' / 'request' reads exactly as MultiCloud Ready's texts", () => {
    expect(textsOf(frDeskWords.contract, words("requests", "fr"))).toEqual(frDeskWords.requests);
    expect(textsOf(enDeskWords.contract, words("requests", "en"))).toEqual(enDeskWords.requests);
  });

  it("agrees in French with a masculine noun, and elides before a vowel", () => {
    const dossier = textsOf(
      frDeskWords.contract,
      words({ fr: { singular: "dossier", plural: "dossiers", gender: "masculine" } }, "fr"),
    );
    expect(dossier.newTitle).toBe("Nouveau dossier");
    expect(dossier.closedNote).toBe(
      "Ce dossier est clos : pour un nouveau problème, ouvrez-en un nouveau en citant sa référence.",
    );
    expect(dossier.queueIntro).toBe("Les dossiers ouverts de tous les clients, le plus urgent d'abord.");
    const incident = textsOf(
      frDeskWords.contract,
      words({ fr: { singular: "incident", plural: "incidents", gender: "masculine" } }, "fr"),
    );
    expect(incident.categoryLabel).toBe("Type d'incident");
    expect(incident.workClosed).toBe("Cet incident est clos : plus rien à traiter.");
    expect(incident.submit).toBe("Ouvrir l'incident");
    const en = textsOf(enDeskWords.contract, words({ en: { singular: "issue", plural: "issues" } }, "en"));
    expect(en.newLink).toBe("Open an issue");
  });
});
