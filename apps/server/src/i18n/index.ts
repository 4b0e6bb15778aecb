import { en, fr, type MessageKey } from "./messages.js";

export type Locale = "fr" | "en";
export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Renders a message, replacing `{name}` placeholders. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
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
