import type { Priority } from "../sla/policy-schema.js";

/**
 * The fields of the body template of an e-mail ticket (MCR-SUP-09: "the body follows a
 * template"): lines such as "Priorité : P1", "Service : aws", "Catégorie : incident", in French
 * English or German, anywhere in the body, case and accents ignored. What is not given is left to the
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
  prioritat: "priority",
  service: "service",
  "e-service": "service",
  eservice: "service",
  categorie: "category",
  category: "category",
  kategorie: "category",
  type: "category",
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();

/** `word` stands alone in `text`: no letter or digit touches it. */
function namesWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at >= 0) {
    const before = text[at - 1] ?? " ";
    const after = text[at + word.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

/**
 * `priorities`: the contract's priority ids; a line "Priorité : p4 — faible" names P4 when the
 * contract has it (the first of its ids found as a word, case ignored).
 */
export function readMailTicketFields(body: string, priorities: readonly Priority[]): MailTicketFields {
  const fields: MailTicketFields = { priority: null, service: null, category: null };
  for (const line of body.split(/\r?\n/)) {
    const match = /^\s*([\p{L}-]+)\s*:\s*(.+?)\s*$/u.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const field = KEYS[fold(match[1])];
    if (!field || fields[field] !== null) continue;
    const value = match[2];
    if (field === "priority") {
      const text = fold(value);
      fields.priority = priorities.find((id) => namesWord(text, id.toLowerCase())) ?? null;
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
