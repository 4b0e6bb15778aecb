import { AsyncLocalStorage } from "node:async_hooks";
import { DEPLOYMENT_RULE } from "@guichet/domain";
import { en, fr, type MessageKey } from "./messages.js";
import { de } from "./messages-de.js";

/** The complete catalogues of the server's own texts: every handler answers in one of them. */
export type Locale = "fr" | "en";
/** Every catalogue, complete or partial (German, issue 23): what a reader's fallback order lists. */
export type Catalogue = Locale | "de";
export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { fr, en };
const partial: Record<Exclude<Catalogue, Locale>, Partial<Record<MessageKey, string>>> = { de };

/**
 * The catalogues of the reader a request (or a mail being written) is for, in their fallback order
 * (`catalogueOrder`, i18n/reader.ts): set once per request by app.ts, so no handler passes it on.
 */
const reading = new AsyncLocalStorage<readonly Catalogue[]>();

/** Each request's reader's catalogues, noted on arrival (app.ts). */
const requests = new WeakMap<object, readonly Catalogue[]>();

/** Notes the catalogues a request's reader reads, and runs `next` (the request's handling) in them. */
export function readRequestIn(request: object, order: readonly Catalogue[], next: () => void): void {
  requests.set(request, order);
  reading.run(order, next);
}

/**
 * Runs `next` reading as the request's reader again: where the handling resumes from an event
 * outside it (its body read from the socket, then validation, the error and not-found handlers).
 */
export function readingRequest<T>(request: object, next: () => T): T {
  return reading.run(requests.get(request) ?? [], next);
}

/** Runs `write` for a reader of these catalogues, in order: `t` inside reads their texts. */
export function readingIn<T>(order: readonly Catalogue[], write: () => T): T {
  return reading.run(order, write);
}

/**
 * A message's text: in the first catalogue of the reader's order that has it, up to `locale`, the
 * complete one the handler answers in (issue 23: a German reader of Alpen reads German, else
 * English; of a German and French contract, German, else French). A handler that chose another
 * catalogue (`?lang=`, a mail to someone else) reads that one as it is.
 */
function textOf(locale: Locale, key: MessageKey): string {
  const order = reading.getStore() ?? [];
  const complete = order.findIndex((catalogue) => catalogue === "fr" || catalogue === "en");
  if (order[complete] !== locale) return tables[locale][key];
  for (const catalogue of order.slice(0, complete) as Exclude<Catalogue, Locale>[]) {
    const text = partial[catalogue][key];
    if (text !== undefined) return text;
  }
  return tables[locale][key];
}

/**
 * Renders a message, replacing `{name}` placeholders. A rule the contract gives no clause for
 * is cited as the deployment's own rule, in the reader's words (GEN-02).
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return textOf(locale, key).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (name === "clause" && value === DEPLOYMENT_RULE) return textOf(locale, "clause.deployment_rule");
    return String(value ?? `{${name}}`);
  });
}

/** French unless the client prefers English before French (Accept-Language). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "fr";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "fr") return "fr";
    if (tag === "en") return "en";
  }
  return "fr";
}
