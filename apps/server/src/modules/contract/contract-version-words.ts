import type { TermChange } from "@guichet/domain";
import { type Locale, t } from "../../i18n/index.js";

/** The contract file's sections as a reader names them (GEN-01). */
const SECTIONS: Record<string, { fr: string; en: string }> = {
  id: { fr: "Identifiant", en: "Id" },
  version: { fr: "Version du fichier", en: "File version" },
  title: { fr: "Titre", en: "Title" },
  edition: { fr: "Édition du texte", en: "Text edition" },
  provider: { fr: "Prestataire", en: "Provider" },
  calendars: { fr: "Calendriers", en: "Calendars" },
  sla: { fr: "Engagements de service", en: "Service levels" },
  priorities: { fr: "Priorités", en: "Priorities" },
  defaultSupportPlan: { fr: "Offre de support par défaut", en: "Default support plan" },
  supportPlans: { fr: "Offres de support", en: "Support plans" },
  ticketWorkflow: { fr: "Traitement des demandes", en: "Request handling" },
  identifierPolicy: { fr: "Identifiants", en: "Identifiers" },
  security: { fr: "Sécurité", en: "Security" },
  catalogue: { fr: "Catalogue", en: "Catalogue" },
  prices: { fr: "Prix", en: "Prices" },
  notices: { fr: "Préavis", en: "Notices" },
  news: { fr: "Actualités", en: "News" },
  commitments: { fr: "Engagements", en: "Commitments" },
  liability: { fr: "Responsabilité", en: "Liability" },
  invoicing: { fr: "Facturation", en: "Invoicing" },
};

/** "priceIncrease" → "price increase": a key read as words. */
const keyWords = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("-", " ")
    .toLowerCase();

/** The label a node of the file gives itself (a plan's or an item's name), else its key as words. */
function nodeName(document: unknown, path: readonly string[], locale: Locale): string {
  let node: unknown = document;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  const key = path[path.length - 1] ?? "";
  if (path.length === 1) return SECTIONS[key]?.[locale] ?? keyWords(key);
  const named = node as { name?: Record<string, string>; label?: Record<string, string> } | undefined;
  const label = named?.name?.[locale] ?? named?.label?.[locale];
  return typeof label === "string" ? label : keyWords(key);
}

/**
 * One change of terms as a sentence (GEN-01): where it is in words ("Prix › support standard ›
 * percent") and what it was and became, not raw YAML.
 */
export function changeWords(change: TermChange, document: unknown, locale: Locale): string {
  const where = change.path
    .map((_, i) => nodeName(document, change.path.slice(0, i + 1), locale))
    .join(" › ");
  const what = t(locale, `versions.change.${change.change}`, {
    before: change.before ?? "",
    after: change.after ?? "",
  });
  return `${where}${locale === "fr" ? " : " : ": "}${what}`;
}
