/**
 * A catalogue of the portal's texts in a language Guichet translates in part (issue 23): keyed
 * exactly like the French (a key the French does not have is refused by the type), every key
 * optional; one left out reads in the contract's fallback catalogue (index.ts).
 */
export type PartialCatalogue<T> = { [K in keyof T]?: T[K] extends string ? string : PartialCatalogue<T[K]> };

type Tree = { readonly [key: string]: string | Tree };

/**
 * The partial catalogue completed from the fallback's texts, the fallback's words for a ticket
 * written into them ({{ticket}}, {{la}}…), so a sentence read in the fallback language carries
 * its own language's noun, never the German one the reader's texts use.
 */
export function completed(own: Tree, fallback: Tree, words: Record<string, string>): Tree {
  const entries = Object.entries(fallback).map(([key, text]) => {
    const mine = own[key];
    if (typeof text !== "string") return [key, completed(typeof mine === "object" ? mine : {}, text, words)];
    if (typeof mine === "string") return [key, mine];
    return [key, text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => words[name] ?? whole)];
  });
  return Object.fromEntries(entries);
}

/** The keys of `fallback` a partial catalogue leaves out, as dotted paths (the report of missing keys). */
export function missingKeys(own: Tree, fallback: Tree, prefix = ""): string[] {
  return Object.entries(fallback).flatMap(([key, text]) => {
    const mine = own[key];
    if (typeof text === "string") return typeof mine === "string" ? [] : [`${prefix}${key}`];
    return missingKeys(typeof mine === "object" ? mine : {}, text, `${prefix}${key}.`);
  });
}
