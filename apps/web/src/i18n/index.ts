import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import { de } from "./de";
import { en } from "./en";
import {
  CATALOGUES,
  CONTRACT_LANGUAGES,
  type ContractLanguage,
  catalogueFor,
  fallbackOrder,
} from "./fallback";
import { fr, type Messages } from "./fr";
import { completed } from "./partial";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = "guichet.locale";

/** The languages a contract may be read in (issue 23); the portal's own texts exist in French and English. */
export { CONTRACT_LANGUAGES, type ContractLanguage };

function isContractLanguage(value: unknown): value is ContractLanguage {
  return CONTRACT_LANGUAGES.includes(value as ContractLanguage);
}

/** The language chosen on this browser, if any (the choice is kept). */
function savedLanguage(): ContractLanguage | undefined {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return isContractLanguage(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** The contract's languages, its locale first, once the contract is known (followContractLanguages). */
let spoken: readonly ContractLanguage[] = [];

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en }, de: { translation: de } },
  lng: savedLanguage() ?? "fr",
  // The portal's texts in a language without a catalogue read in the fallback order's first
  // catalogue (issue 23): the contract's labels stay in the reader's language.
  fallbackLng: (code) =>
    fallbackOrder(isContractLanguage(code) ? code : "fr", spoken).filter(
      (l) => l !== code && CATALOGUES.includes(l as Locale),
    ),
  supportedLngs: [...CONTRACT_LANGUAGES],
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = i18n.language;

/** The language the portal is read in: one of the contract's (labels in it where the contract has them). */
export function currentLanguage(): ContractLanguage {
  return isContractLanguage(i18n.language) ? i18n.language : "fr";
}

/**
 * The catalogue of the portal's own texts and of the server's messages (issue 23): the reader's
 * language where it has one, else the fallback order's first. Dates and numbers follow the
 * reader's language instead (format.ts).
 */
export function currentLocale(): Locale {
  return catalogueFor(currentLanguage(), spoken);
}

/** A contract's label for the reader: in their language, else in the fallback order (issue 23). */
export function labelFor(label: Partial<Record<ContractLanguage, string>> & { en: string }): string {
  for (const language of fallbackOrder(currentLanguage(), spoken)) {
    const text = label[language];
    if (text !== undefined) return text;
  }
  return label.en;
}

/** Same as currentLocale: the catalogue the texts are read from. */
export const interfaceLocale = currentLocale;

export async function switchLocale(language: ContractLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * Once the contract is known: a reader who chose no language of this contract reads its locale
 * (an English contract opens in English, issue 23).
 */
export function followContractLanguages(languages: readonly ContractLanguage[]): void {
  const changed = languages.join() !== spoken.join();
  spoken = languages;
  if (changed) completePartialCatalogues();
  const saved = savedLanguage();
  const wanted = saved && languages.includes(saved) ? saved : (languages[0] ?? currentLanguage());
  // Changing language again when only the contract's languages changed recomputes the fallbacks.
  if (wanted !== i18n.language || changed) {
    void i18n.changeLanguage(wanted);
    document.documentElement.lang = wanted;
  }
}

let ticketWords: Partial<Record<ContractLanguage, Record<string, string>>> = {};

/** The complete catalogues, and those Guichet has in part (issue 23: German). */
const COMPLETE: Record<Locale, Messages> = { fr, en };
const PARTIAL = { de } as const;
type PartialLanguage = keyof typeof PARTIAL;

/** The language the portal's own texts are read in: the reader's where a catalogue exists, in part or whole. */
function textLanguage(): ContractLanguage {
  const language = currentLanguage();
  return language in PARTIAL ? language : currentLocale();
}

/**
 * Each partial catalogue completed, key by key, from the contract's fallback catalogue (a German
 * reader of an English-first contract reads the keys German lacks in English), the fallback's own
 * words for a ticket written into those texts.
 */
function completePartialCatalogues(): void {
  for (const [language, own] of Object.entries(PARTIAL) as [
    PartialLanguage,
    (typeof PARTIAL)[PartialLanguage],
  ][]) {
    const fallback = catalogueFor(language, spoken);
    const bundle = completed(own, COMPLETE[fallback], ticketWords[fallback] ?? {});
    i18n.addResourceBundle(language, "translation", bundle, false, true);
  }
}

function applyTicketWords(): void {
  i18n.options.interpolation = {
    ...i18n.options.interpolation,
    defaultVariables: ticketWords[textLanguage()] ?? {},
  };
}

/**
 * The contract's noun for a ticket and what agrees with it (issue 23), as default values of every
 * text's placeholders ({{ticket}}, {{Tickets}}, {{la}}…), in the language the texts are read in.
 */
export function setTicketWords(words: Partial<Record<ContractLanguage, Record<string, string>>>): void {
  ticketWords = words;
  completePartialCatalogues();
  applyTicketWords();
}

i18n.on("languageChanged", applyTicketWords);
