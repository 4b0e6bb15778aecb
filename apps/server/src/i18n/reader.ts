import {
  acceptedTags,
  type Contract,
  contractLanguages,
  fallbackOrder,
  type Language,
  readerLanguage,
  readerTag,
  SLA_LANGUAGES,
  type SlaLanguage,
  sentenceWords,
  textLanguage,
} from "@guichet/domain";
import { type Catalogue, type Locale, readingIn } from "./index.js";

/** The complete catalogues the server's own messages and mails exist in. */
export const SERVER_CATALOGUES = ["fr", "en"] as const satisfies readonly Locale[];
/** Every catalogue of the server's own texts, German partial (i18n/messages-de.ts). */
const ALL_CATALOGUES = ["fr", "en", "de"] as const satisfies readonly Catalogue[];

/**
 * Who reads an answer, and in what (issue 23, GEN-01): `language`, the reader's language among
 * the contract's (the contract's labels in it); `locale`, the catalogue of the server's own
 * messages by the fallback order (the reader's language, the contract's languages from its
 * locale, English, French); `sla`, the same for SLA explanations, which have German; `tag`, how
 * dates and numbers are written (`de-CH`); `words`, the contract's noun for a ticket in the
 * explanations' language.
 */
export interface Reader {
  language: Language;
  locale: Locale;
  /** The catalogues of the server's texts in this reader's fallback order (`catalogueOrder`). */
  catalogues: Catalogue[];
  sla: SlaLanguage;
  tag: string;
  words: Record<string, string>;
}

/** The reader of a request (its Accept-Language) under this contract. */
export function readerOf(acceptLanguage: string | undefined, contract: Contract): Reader {
  const spoken = contractLanguages(contract);
  return readerIn(readerLanguage(acceptLanguage, spoken), contract, acceptLanguage);
}

/**
 * A reader whose language is known (a person's stored language, for a mail). A language the
 * contract does not speak (a person kept from before the contract changed, an administrator
 * created by a tool) reads the contract's locale, as the reading rule says.
 */
export function readerIn(stored: Language, contract: Contract, acceptLanguage?: string): Reader {
  const spoken = contractLanguages(contract);
  const language = spokenOr(stored, spoken);
  const sla = textLanguage(language, spoken, SLA_LANGUAGES);
  return {
    language,
    locale: textLanguage(language, spoken, SERVER_CATALOGUES),
    catalogues: catalogueOrder(language, contract),
    sla,
    tag: readerTag(acceptLanguage, language),
    words: sentenceWords(contract.ticketWorkflow.vocabulary, sla),
  };
}

/** The catalogue of the server's own texts for a person reading `language` under this contract. */
export function catalogueFor(language: Language, contract: Pick<Contract, "locale" | "languages">): Locale {
  const spoken = contractLanguages(contract);
  return textLanguage(spokenOr(language, spoken), spoken, SERVER_CATALOGUES);
}

/**
 * The one answer to "which catalogue does this reader read" (issue 23, GEN-01): the server's
 * catalogues in the reader's fallback order — their language, the contract's languages from its
 * locale, English, French. A text a partial catalogue lacks reads in the next one: a German reader
 * of Alpen (en, de) reads ["de", "en", "fr"], of a German and French contract ["de", "fr", "en"].
 */
export function catalogueOrder(
  language: Language,
  contract: Pick<Contract, "locale" | "languages">,
): Catalogue[] {
  const spoken = contractLanguages(contract);
  return fallbackOrder(spokenOr(language, spoken), spoken).filter((l): l is Catalogue =>
    ALL_CATALOGUES.includes(l as Catalogue),
  );
}

/**
 * Writes for one person (a mail's parameters) in their catalogues, whoever's request it is
 * written in: `write` gets the complete catalogue, and `t` inside reads their partial ones first.
 */
export function writingFor<T>(
  language: Language,
  contract: Pick<Contract, "locale" | "languages">,
  write: (locale: Locale) => T,
): T {
  return readingIn(catalogueOrder(language, contract), () => write(catalogueFor(language, contract)));
}

/** The language itself when the contract speaks it, else the contract's locale. */
function spokenOr(language: Language, spoken: readonly Language[]): Language {
  return spoken.includes(language) ? language : (spoken[0] ?? language);
}

/**
 * A request's Accept-Language completed with the contract's fallback (issue 23): every handler's
 * `negotiateLocale` takes the first catalogue the header names, so the header is rewritten to name
 * only the one the fallback order gives for the reader under this contract. A German reader of a
 * German-first contract reads English, not French; a French browser on an English-only contract
 * reads English, the contract's only language; a client that names no language reads the
 * contract's own (`readerOf` reads the same header: the reader's language and region are kept).
 */
export function withContractFallback(
  acceptLanguage: string | undefined,
  contract: Contract,
): string | undefined {
  const reader = readerOf(acceptLanguage, contract);
  const others = new Set<string>(SERVER_CATALOGUES.filter((catalogue) => catalogue !== reader.locale));
  const tags = acceptedTags(acceptLanguage).filter((tag) => !others.has(tag.slice(0, 2).toLowerCase()));
  if (tags.length === 0) tags.push(reader.language);
  const named = tags.some((tag) => tag.slice(0, 2).toLowerCase() === reader.locale);
  return named ? tags.join(", ") : `${tags.join(", ")}, ${reader.locale};q=0.01`;
}
