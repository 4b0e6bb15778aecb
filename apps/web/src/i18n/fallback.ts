import type { Locale } from "../api/types";

/** The languages a contract may be read in (issue 23); the portal's own texts exist in French and English. */
export const CONTRACT_LANGUAGES = ["fr", "en", "de", "it", "nl"] as const;
export type ContractLanguage = (typeof CONTRACT_LANGUAGES)[number];

/** The catalogues the portal's own texts exist in. */
export const CATALOGUES: readonly Locale[] = ["fr", "en"];

/**
 * Where a text is looked for after the reader's language (issue 23, GEN-01; the same order as the
 * server's, packages/domain/src/contract/reading.ts): the contract's languages from its locale,
 * then English, then French. A German reader of a French-first contract reads the portal's texts
 * in French; of an English-first or German-only one, in English.
 */
export function fallbackOrder(
  reader: ContractLanguage,
  languages: readonly ContractLanguage[],
): ContractLanguage[] {
  return [...new Set<ContractLanguage>([reader, ...languages, "en", "fr"])];
}

/** The catalogue of the portal's own texts for a reader: the first of the fallback order it has. */
export function catalogueFor(reader: ContractLanguage, languages: readonly ContractLanguage[]): Locale {
  return fallbackOrder(reader, languages).find((l): l is Locale => CATALOGUES.includes(l as Locale)) ?? "en";
}

const DEFAULT_TAGS: Record<ContractLanguage, string> = {
  fr: "fr-FR",
  en: "en-GB",
  de: "de-DE",
  it: "it-IT",
  nl: "nl-NL",
};

/** The reader's tag for Intl: their browser's own for this language ("de-CH"), else the usual one. */
export function intlTag(language: ContractLanguage, browser: readonly string[] = browserLanguages()): string {
  return (
    browser.find((tag) => tag.split("-")[0]?.toLowerCase() === language && tag.includes("-")) ??
    DEFAULT_TAGS[language]
  );
}

function browserLanguages(): readonly string[] {
  return typeof navigator === "undefined" ? [] : navigator.languages;
}
