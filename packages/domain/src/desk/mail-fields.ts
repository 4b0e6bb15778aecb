import { PRIORITIES, type Priority } from "../sla/policy-schema.js";

/**
 * The fields of the body template of an e-mail ticket (MCR-SUP-09: "the body follows a
 * template"): lines such as "Priorité : P1", "Service : aws", "Catégorie : incident", in French
 * or English, anywhere in the body, case and accents ignored. What is not given is left to the
 * contract's defaults.
 */
export interface MailTicketFields {
  priority: Priority | null;
  service: string | null;
  category: string | null;
}

const KEYS: Readonly<Record<string, keyof MailTicketFields>> = {
  priorite: "priority",
  priority: "priority",
  service: "service",
  "e-service": "service",
  eservice: "service",
  categorie: "category",
  category: "category",
  type: "category",
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

export function readMailTicketFields(body: string): MailTicketFields {
  const fields: MailTicketFields = { priority: null, service: null, category: null };
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*([\p{L}-]+)\s*:\s*(.+?)\s*$/u.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const field = KEYS[fold(match[1])];
    if (!field || fields[field] !== null) continue;
    const value = match[2];
    if (field === "priority") {
      const priority = /\bP([1-3])\b/i.exec(value);
      if (priority) fields.priority = `P${priority[1]}` as Priority;
    } else {
      fields[field] = fold(value);
    }
  }
  return fields;
}

/** A service named in a mail: by catalogue id or by its name in either language, among those offered. */
export function matchService(
  named: string | null,
  offered: readonly { id: string; name: Readonly<Record<"fr" | "en", string>> }[],
): string | null {
  if (!named) return null;
  const wanted = fold(named);
  const found = offered.find(
    (item) => item.id === wanted || fold(item.name.fr) === wanted || fold(item.name.en) === wanted,
  );
  return found?.id ?? null;
}

export const isPriority = (value: string): value is Priority =>
  (PRIORITIES as readonly string[]).includes(value);
