/**
 * What changed between two versions of a contract file (GEN-01), as a list a person reads: each
 * term's place in the file (its path of keys), and its value before and after, written as text.
 * Pure: the documents are the files as parsed from YAML.
 */
export interface TermChange {
  path: string[];
  change: "added" | "removed" | "changed";
  before?: string;
  after?: string;
}

/** A value as a person reads it: text as is, a list joined, an object's keys and values inline. */
export function termText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.map(termText).join(", ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${termText(v)}`)
      .join("; ");
  return String(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isListById = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every((item) => isRecord(item) && typeof item.id === "string");

const byId = (list: Record<string, unknown>[]) =>
  Object.fromEntries(list.map((item) => [String(item.id), item]));

/**
 * The changes from `before` to `after`, key by key (objects are walked; a list or a value is
 * compared as a whole, so a list of holidays shows as one term), in the order of the new file.
 */
export function diffContractDocuments(before: unknown, after: unknown, path: string[] = []): TermChange[] {
  // A list of things with ids (the catalogue's items) is walked by id, so one item's change shows alone.
  if (isListById(before) && isListById(after)) return diffContractDocuments(byId(before), byId(after), path);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    return keys.flatMap((key) => {
      const at = [...path, key];
      if (!(key in before)) return [{ path: at, change: "added" as const, after: termText(after[key]) }];
      if (!(key in after)) return [{ path: at, change: "removed" as const, before: termText(before[key]) }];
      return diffContractDocuments(before[key], after[key], at);
    });
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, change: "changed", before: termText(before), after: termText(after) }];
}
