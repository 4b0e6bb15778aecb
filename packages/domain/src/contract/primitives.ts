import { z } from "zod";
import { describeValue } from "./describe-value.js";

/**
 * Small building blocks shared by every section of a contract file. Values a provider
 * writes by hand (durations, amounts, percentages) are text parsed by helpers, so that
 * a mistake is refused with the form that was expected rather than silently rounded.
 */

/**
 * A schema-level error that says what was expected and what was found. Used on checks whose
 * zod wording would not say it ("Invalid string: must match pattern …").
 */
export function expecting(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? "required" : `${expected}, got ${describeValue(issue.input)}`;
}

/** Non-empty text. */
export const ZText = z.string().trim().min(1);

/** Languages a contract may write its texts in (issue 23); the portal's own texts exist in French and English. */
export const LANGUAGES = ["fr", "en", "de", "it", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * A user-visible label as the contract reads it once loaded: a text in each of the contract's
 * languages it was written in, and always in French and English, the portal's own languages (a
 * label the contract does not give in French or English falls back to its text in the contract's
 * locale, then in its other languages: see `fillLabels`).
 */
export type Label = { fr: string; en: string; de?: string; it?: string; nl?: string };

/** The languages each label was written in, for the check that the contract's locale is among them. */
const written = new WeakMap<object, Language[]>();

/** The languages a label of a parsed contract was written in; undefined for any other value. */
export function writtenLanguages(value: unknown): Language[] | undefined {
  return typeof value === "object" && value !== null ? written.get(value) : undefined;
}

/** A label's text in the first of `order` it was written in. */
function firstWritten(label: Partial<Record<Language, string>>, order: readonly Language[]): string {
  for (const language of order) {
    const text = label[language];
    if (text !== undefined) return text;
  }
  return "";
}

/**
 * A user-visible label, in the contract's languages (issue 23): required in the contract's own
 * `locale` only (checked with the cross-references), optional in the others. `{ en: Business
 * Hours, de: Geschäftszeiten }` in an English contract; `{ fr: Heures Ouvrées, en: Business Hours }`
 * in the shipped ones.
 */
export const ZLabel = z
  .strictObject({
    fr: ZText.optional(),
    en: ZText.optional(),
    de: ZText.optional(),
    it: ZText.optional(),
    nl: ZText.optional(),
  })
  .refine((label) => LANGUAGES.some((language) => label[language] !== undefined), {
    error: "expected a text in at least the contract's locale, such as { en: Business Hours }",
  })
  .transform((given): Label => {
    const label: Label = {
      ...given,
      fr: firstWritten(given, ["fr", "en", ...LANGUAGES]),
      en: firstWritten(given, ["en", "fr", ...LANGUAGES]),
    };
    written.set(
      label,
      LANGUAGES.filter((language) => given[language] !== undefined),
    );
    return label;
  });

/**
 * Fills the French and English texts a label was not written in from the contract's own
 * languages, its locale first (issue 23): a German contract's label reads in German where the
 * portal would have asked for French or English. Walks the whole parsed contract.
 */
export function fillLabels(value: unknown, order: readonly Language[]): void {
  if (typeof value !== "object" || value === null) return;
  const languages = written.get(value);
  if (languages) {
    const label = value as Label;
    const preference = [...order, ...LANGUAGES];
    if (!languages.includes("fr"))
      label.fr = firstWritten(
        label,
        preference.filter((l) => languages.includes(l)),
      );
    if (!languages.includes("en"))
      label.en = firstWritten(
        label,
        preference.filter((l) => languages.includes(l)),
      );
    return;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) fillLabels(child, order);
}

/** Each label of a parsed contract not written in `language`, by its path. */
export function labelsWithout(value: unknown, language: Language, path: (string | number)[] = []) {
  const found: (string | number)[][] = [];
  if (typeof value !== "object" || value === null) return found;
  const languages = written.get(value);
  if (languages) {
    if (!languages.includes(language)) found.push(path);
    return found;
  }
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : Object.entries(value);
  for (const [key, child] of entries) found.push(...labelsWithout(child, language, [...path, key]));
  return found;
}

const KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The id of something the contract defines and refers to: a plan, a calendar, a price… */
export const ZKey = z
  .string()
  .regex(KEY, { error: expecting('expected a lower-case id such as "business-hours"') });

export const ZEmailAddress = z.email({
  error: expecting('expected an e-mail address such as "support@example.com"'),
});

export const ZWebAddress = z.url({
  protocol: /^https?$/,
  error: expecting('expected a web address such as "https://example.com/"'),
});

/** ISO 4217 currency code; every amount in a contract is in the contract's currency. */
export const ZCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: expecting('expected a currency code such as "EUR"') });

/** A count with no upper bound allowed: a whole number, or "unlimited". */
export const ZLimit = z.union([z.int().min(0), z.literal("unlimited")], {
  error: expecting('expected a whole number or "unlimited"'),
});
export type Limit = z.infer<typeof ZLimit>;

/** A regular expression's source, checked to compile (e.g. the subject of an e-mail ticket). */
export const ZRegexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source, "u");
      return true;
    } catch {
      return false;
    }
  },
  { error: expecting("expected a valid regular expression") },
);

/**
 * A string the contract writes in a small language of its own ("6 months", "12.5",
 * "899 EUR"), parsed by `parse`. The message says what was expected and what was found,
 * also when the YAML value was not a string at all (an unquoted 12.5 is a float).
 */
export function parsedText<T>(expected: string, parse: (text: string) => T | undefined) {
  return z.string({ error: expecting(expected) }).transform((text, ctx): T => {
    const parsed = parse(text);
    if (parsed === undefined) {
      ctx.addIssue({ code: "custom", message: `${expected}, got ${describeValue(text)}`, input: text });
      return z.NEVER;
    }
    return parsed;
  });
}

/**
 * The language the portal's own texts (messages, mails, formats) are written in for a reader of
 * `language` (issue 23): French and English have their catalogues; any other language reads
 * English until its catalogue exists, the contract's own labels staying in that language.
 */
export function interfaceLocale(language: Language): "fr" | "en" {
  return language === "fr" ? "fr" : "en";
}

/** A label in `language`, else in the interface's language for it (the contract's own fallback). */
export function labelIn(label: Label, language: Language): string {
  return label[language] ?? label[interfaceLocale(language)];
}
