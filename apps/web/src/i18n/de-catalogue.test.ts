import { describe, expect, it } from "vitest";
import { de } from "./de";
import { en } from "./en";
import { fr } from "./fr";
import { completed, missingKeys } from "./partial";

type Tree = Parameters<typeof missingKeys>[0];
const placeholders = (text: string) => new Set([...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1] as string));
/** The German words for a ticket a German text may use besides the French text's placeholders. */
const GERMAN_WORDS = new Set(["ticket", "tickets", "Ticket", "Tickets", "der", "Der", "den"]);

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

// Issue 23, GEN-01: the portal's German catalogue, keyed exactly like the French and English ones.
describe("the portal's German catalogue", () => {
  it("reports the keys still to translate, which read in the contract's fallback catalogue", () => {
    const missing = missingKeys(de as Tree, fr as Tree);
    const total = leaves(fr as Tree).length;
    // A report, not a failure: German is completed key by key from the fallback (index.ts).
    console.info(
      `German catalogue: ${total - missing.length} of ${total} keys translated; ${missing.length} read in the fallback: ${missing.join(", ")}`,
    );
    expect(missing.length).toBeLessThan(total);
  });

  it("has no key the French lacks, and asks for no value the French text is not given", () => {
    expect(missingKeys(fr as Tree, de as Tree)).toEqual([]);
    const french = new Map(leaves(fr as Tree));
    for (const [key, text] of leaves(de as Tree)) {
      const given = placeholders(french.get(key) ?? "");
      const unknown = [...placeholders(text)].filter((name) => !given.has(name) && !GERMAN_WORDS.has(name));
      expect(unknown, key).toEqual([]);
    }
  });

  it("completes German from English under an English-first contract, English nouns in the English texts", () => {
    const words = { ticket: "case", tickets: "cases", Ticket: "Case", Tickets: "Cases", a: "a" };
    const read = completed(de as Tree, en as Tree, words) as unknown as typeof en;
    expect(read.desk.clock.remaining).toBe("{{metric}}: noch {{time}}");
    expect(read.deskWords.requests.newTitle).toBe("Neue Anfrage");
    // Left out in German: the English text, with the contract's English noun and still its own values.
    expect(read.deskWords.contract.closedNote).toBe(
      "This case is closed: for a new problem, open a new one quoting its reference.",
    );
    expect(read.desk.timeline.reasons.info_provided).toBe("Information given by the {{customer}}.");
    expect(missingKeys(read as unknown as Tree, fr as Tree)).toEqual([]);
  });
});
