import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import { en } from "./en";
import { fr, type Messages } from "./fr";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = "guichet.locale";

/** The languages a contract may be read in (issue 23); the portal's own texts exist in French and English. */
export const CONTRACT_LANGUAGES = ["fr", "en", "de", "it", "nl"] as const;
export type ContractLanguage = (typeof CONTRACT_LANGUAGES)[number];

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

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: savedLanguage() ?? "fr",
  // The portal's texts in a language without a catalogue read in English (issue 23): German,
  // Italian or Dutch readers get the contract's labels in their language, the rest in English.
  fallbackLng: { de: ["en"], it: ["en"], nl: ["en"], default: ["fr"] },
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
 * The language of the portal's own texts, dates and numbers, and of the server's messages: French
 * for French, English for every other language until its catalogue exists (issue 23).
 */
export function currentLocale(): Locale {
  return currentLanguage() === "fr" ? "fr" : "en";
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
  const saved = savedLanguage();
  const wanted = saved && languages.includes(saved) ? saved : languages[0];
  if (wanted && wanted !== i18n.language) {
    void i18n.changeLanguage(wanted);
    document.documentElement.lang = wanted;
  }
}

let ticketWords: Partial<Record<ContractLanguage, Record<string, string>>> = {};

function applyTicketWords(): void {
  i18n.options.interpolation = {
    ...i18n.options.interpolation,
    defaultVariables: ticketWords[currentLocale()] ?? {},
  };
}

/**
 * The contract's noun for a ticket and what agrees with it (issue 23), as default values of every
 * text's placeholders ({{ticket}}, {{Tickets}}, {{la}}…), in the language the texts are read in.
 */
export function setTicketWords(words: Partial<Record<ContractLanguage, Record<string, string>>>): void {
  ticketWords = words;
  applyTicketWords();
}

i18n.on("languageChanged", applyTicketWords);
