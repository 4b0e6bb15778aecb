import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../api/types";
import type { de } from "./de";
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

/** The catalogues other than French, each its own chunk (see ensureCatalogues). */
const LOADERS = {
  en: () => import("./en").then((module) => module.en),
  de: () => import("./de").then((module) => module.de),
} as const;
type LoadedLater = keyof typeof LOADERS;

/** The complete catalogues, and those Guichet has in part (issue 23: German), as far as loaded. */
const COMPLETE: Partial<Record<Locale, Messages>> = { fr };
const PARTIAL: { de?: typeof de } = {};
const PARTIAL_LANGUAGES: readonly ContractLanguage[] = ["de"];

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
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
  // The page stays in the former language until the new one's texts are here: never a flash of keys.
  await ensureCatalogues(language);
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
    pending = ensureCatalogues(wanted).then(async () => {
      await i18n.changeLanguage(wanted);
      document.documentElement.lang = wanted;
    });
  }
}

/**
 * Only French, the usual reader's language, comes with the portal's first script; another
 * language's texts are fetched when a reader needs them (her choice, her contract's locale), the
 * first of its page's scripts to be read (issue 13, first load: the three catalogues were a third
 * of what a first page evaluated). A partial catalogue brings the complete one it is completed from.
 */
async function ensureCatalogues(language: ContractLanguage): Promise<void> {
  const needed = new Set<LoadedLater>();
  const text = catalogueFor(language, spoken);
  if (text !== "fr") needed.add(text);
  if (language === "de") needed.add("de");
  const missing = [...needed].filter((name) => !(name === "de" ? PARTIAL.de : COMPLETE[name]));
  if (missing.length === 0) return;
  await Promise.all(
    missing.map(async (name) => {
      if (name === "de") PARTIAL.de = await LOADERS.de();
      else {
        const catalogue = await LOADERS[name]();
        COMPLETE[name] = catalogue;
        i18n.addResourceBundle(name, "translation", catalogue, false, true);
      }
    }),
  );
  completePartialCatalogues();
}

/** The catalogue loads under way when the contract asked for its language, if any. */
let pending: Promise<void> = Promise.resolve();

/**
 * Resolves once the reader's language is ready to show (its catalogue loaded, the page's language
 * set): the portal renders after it, so an English reader never sees the French first.
 */
export async function languageReady(): Promise<void> {
  // The contract's choice first (written in the page), then whatever language that left: the
  // reader's saved one when the contract is not known yet (the development server).
  await pending;
  await ensureCatalogues(currentLanguage());
}

let ticketWords: Partial<Record<ContractLanguage, Record<string, string>>> = {};
type PartialLanguage = keyof typeof PARTIAL;

/** The language the portal's own texts are read in: the reader's where a catalogue exists, in part or whole. */
function textLanguage(): ContractLanguage {
  const language = currentLanguage();
  return PARTIAL_LANGUAGES.includes(language) ? language : currentLocale();
}

/**
 * Each partial catalogue completed, key by key, from the contract's fallback catalogue (a German
 * reader of an English-first contract reads the keys German lacks in English), the fallback's own
 * words for a ticket written into those texts.
 */
function completePartialCatalogues(): void {
  for (const [language, own] of Object.entries(PARTIAL) as [
    PartialLanguage,
    NonNullable<(typeof PARTIAL)[PartialLanguage]>,
  ][]) {
    const fallback = COMPLETE[catalogueFor(language, spoken)];
    // The contract changed its fallback to one not loaded yet: completed once it is (ensureCatalogues).
    if (!fallback) continue;
    const bundle = completed(own, fallback, ticketWords[catalogueFor(language, spoken)] ?? {});
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
