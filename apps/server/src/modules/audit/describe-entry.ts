import type { Locale } from "../../i18n/index.js";
import { auditActionsEn, auditActionsFr, auditFieldsEn, auditFieldsFr } from "../../i18n/messages-audit.js";

const ACTIONS: Record<Locale, Readonly<Record<string, string>>> = { fr: auditActionsFr, en: auditActionsEn };
const FIELDS: Record<Locale, Readonly<Record<string, string>>> = { fr: auditFieldsFr, en: auditFieldsEn };

/** One fact of an entry, named in the reader's language. */
export interface AuditDetail {
  label: string;
  value: string;
}

/** Whether an action has its sentence (audit-words.test.ts walks the code's actions with it). */
export function hasAuditWords(action: string): boolean {
  return Object.hasOwn(auditActionsFr, action);
}

/**
 * An entry as a person reads it (issue 13): what happened in a sentence of the reader's
 * language (the code where none is written yet), and the facts it keeps as labelled values.
 */
export function describeAuditEntry(
  locale: Locale,
  entry: { action: string; data: Record<string, unknown> },
): { summary: string; details: AuditDetail[] } {
  const summary = Object.hasOwn(ACTIONS[locale], entry.action)
    ? (ACTIONS[locale][entry.action] as string)
    : entry.action;
  const details = Object.entries(entry.data)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => ({
      label: Object.hasOwn(FIELDS[locale], key) ? (FIELDS[locale][key] as string) : key,
      value: valueText(value),
    }));
  return { summary, details };
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== "object")) return value.join(", ");
  return JSON.stringify(value);
}
