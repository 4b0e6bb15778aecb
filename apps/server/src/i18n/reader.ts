import {
  acceptedTags,
  type Contract,
  contractLanguages,
  type Language,
  readerLanguage,
  readerTag,
  SLA_LANGUAGES,
  type SlaLanguage,
  sentenceWords,
  textLanguage,
} from "@guichet/domain";
import type { Locale } from "./index.js";

/** The catalogues the server's own messages and mails exist in. */
export const SERVER_CATALOGUES = ["fr", "en"] as const satisfies readonly Locale[];

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
  sla: SlaLanguage;
  tag: string;
  words: Record<string, string>;
}

/** The reader of a request (its Accept-Language) under this contract. */
export function readerOf(acceptLanguage: string | undefined, contract: Contract): Reader {
  const spoken = contractLanguages(contract);
  return readerIn(readerLanguage(acceptLanguage, spoken), contract, acceptLanguage);
}

/** A reader whose language is known (a person's stored language, for a mail). */
export function readerIn(language: Language, contract: Contract, acceptLanguage?: string): Reader {
  const spoken = contractLanguages(contract);
  const sla = textLanguage(language, spoken, SLA_LANGUAGES);
  return {
    language,
    locale: textLanguage(language, spoken, SERVER_CATALOGUES),
    sla,
    tag: readerTag(acceptLanguage, language),
    words: sentenceWords(contract.ticketWorkflow.vocabulary, sla),
  };
}

/** The catalogue of the server's own texts for a person reading `language` under this contract. */
export function catalogueFor(language: Language, contract: Pick<Contract, "locale" | "languages">): Locale {
  return textLanguage(language, contractLanguages(contract), SERVER_CATALOGUES);
}

/**
 * A request's Accept-Language completed with the contract's fallback (issue 23): where it names
 * neither catalogue of the server's messages (fr, en), the reader's language under this contract
 * is put first and the catalogue the fallback order gives after it, so every handler's
 * `negotiateLocale` answers a German reader of a German-first contract in English, not French, and
 * a client that names no language reads the contract's own (`readerOf` reads the same header).
 */
export function withContractFallback(
  acceptLanguage: string | undefined,
  contract: Contract,
): string | undefined {
  const tags = acceptedTags(acceptLanguage).map((tag) => tag.slice(0, 2).toLowerCase());
  if (tags.some((tag) => tag === "fr" || tag === "en")) return acceptLanguage;
  const reader = readerOf(acceptLanguage, contract);
  const first = acceptLanguage?.trim() ? acceptLanguage : reader.language;
  return reader.locale === reader.language ? first : `${first}, ${reader.locale};q=0.01`;
}
