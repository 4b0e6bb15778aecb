import type { Label, Language } from "./primitives.js";

/**
 * Which language a reader reads in, and what Guichet writes when it has no text in it (issue 23,
 * GEN-01). One rule for the server, the mails and the portal:
 *
 * - the reader's language is the first of their accepted languages the contract speaks, else the
 *   contract's `locale`;
 * - the contract's labels read in that language where the contract wrote one, else in the
 *   contract's other languages in order, its locale first;
 * - Guichet's own texts (messages, explanations, mails, buttons) read in the first catalogue of
 *   the same order — the reader's language, then the contract's languages, its locale first —
 *   and then English, then French;
 * - dates and numbers always in the reader's language, and region where the reader gave one
 *   (`de-CH`), whatever language the surrounding text fell back to.
 */

/** The order in which texts are looked for a reader of `reader` under a contract speaking `spoken`. */
export function fallbackOrder(reader: Language, spoken: readonly Language[]): Language[] {
  return [...new Set<Language>([reader, ...spoken, "en", "fr"])];
}

/** The catalogue Guichet's own texts are read from: the first of the fallback order it has. */
export function textLanguage<C extends Language>(
  reader: Language,
  spoken: readonly Language[],
  catalogues: readonly C[],
): C {
  const found = fallbackOrder(reader, spoken).find((language): language is C =>
    catalogues.includes(language as C),
  );
  if (found === undefined) throw new Error(`textLanguage: no catalogue among ${catalogues.join(", ")}`);
  return found;
}

/** An Accept-Language header's tags, most wanted first (by q, then by position). */
export function acceptedTags(acceptLanguage: string | undefined): string[] {
  if (!acceptLanguage) return [];
  return acceptLanguage
    .split(",")
    .map((part, position) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), position };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position)
    .map((entry) => entry.tag);
}

const primary = (tag: string): string => tag.split("-")[0]?.toLowerCase() ?? "";

/** The reader's language: the first accepted one the contract speaks, else the contract's locale. */
export function readerLanguage(acceptLanguage: string | undefined, spoken: readonly Language[]): Language {
  for (const tag of acceptedTags(acceptLanguage)) {
    const language = spoken.find((l) => l === primary(tag));
    if (language) return language;
  }
  const locale = spoken[0];
  if (locale === undefined) throw new Error("readerLanguage: a contract speaks at least its locale");
  return locale;
}

/** Where a reader gives no region: the most common one of each language. */
const DEFAULT_TAGS: Record<Language, string> = {
  fr: "fr-FR",
  en: "en-GB",
  de: "de-DE",
  it: "it-IT",
  nl: "nl-NL",
};

/**
 * The tag dates and numbers are formatted with (Intl): the reader's own tag for their language
 * when they gave one with a region ("de-CH" writes 1'234.50, "de-DE" 1.234,50), else the
 * language's usual one.
 */
export function readerTag(acceptLanguage: string | undefined, reader: Language): string {
  const own = acceptedTags(acceptLanguage).find((tag) => primary(tag) === reader && tag.includes("-"));
  if (own && Intl.DateTimeFormat.supportedLocalesOf([own]).length > 0) return own;
  return DEFAULT_TAGS[reader];
}

/** A contract's label for a reader: in their language, else in the contract's languages in order. */
export function labelFor(label: Label, reader: Language, spoken: readonly Language[]): string {
  for (const language of fallbackOrder(reader, spoken)) {
    const text = label[language];
    if (text !== undefined) return text;
  }
  return label.en;
}
