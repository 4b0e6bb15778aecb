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

/** Languages a contract may write its texts in (issue 23); the portal speaks French and English. */
export const LANGUAGES = ["fr", "en", "de", "it", "nl"] as const;

/**
 * A user-visible label, French first (the portal's default locale), English too, and in the
 * contract's other languages where it has them (German, Italian, Dutch).
 */
export const ZLabel = z.strictObject({
  fr: ZText,
  en: ZText,
  de: ZText.optional(),
  it: ZText.optional(),
  nl: ZText.optional(),
});
export type Label = z.infer<typeof ZLabel>;

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
