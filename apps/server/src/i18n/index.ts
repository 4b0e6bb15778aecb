import { DEPLOYMENT_RULE } from "@guichet/domain";
import { en, fr, type MessageKey } from "./messages.js";

export type Locale = "fr" | "en";
export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { fr, en };

/**
 * Renders a message, replacing `{name}` placeholders. A rule the contract gives no clause for
 * is cited as the deployment's own rule, in the reader's words (GEN-02).
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (name === "clause" && value === DEPLOYMENT_RULE) return tables[locale]["clause.deployment_rule"];
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
