import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The test suite's third provider (test/contracts/boreal-cloud.yaml): unlike both shipped
 * contracts, run with no code change (issue 22, GEN-01).
 */
export const THIRD_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/boreal-cloud.yaml", import.meta.url),
);

/**
 * The fourth (test/contracts/alpen-cloud.yaml, issue 23): five priorities, next-business-day,
 * best-effort and escalation-required targets, English and German, CHF, no e-mail on Starter.
 */
export const FOURTH_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/alpen-cloud.yaml", import.meta.url),
);

/**
 * A provider whose offer says little (test/contracts/minimal-offer.yaml, issue 23): German only, one
 * plan through the portal alone, no price, no ordering, no out-of-scope rule, its own word "Fall".
 */
export const MINIMAL_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/minimal-offer.yaml", import.meta.url),
);

/**
 * A provider writing in English only (test/contracts/harbour-hosting.yaml, issue 23): no French in
 * the file, US dollars, severity levels of its own, e-mail on ticket events.
 */
export const ENGLISH_ONLY_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/harbour-hosting.yaml", import.meta.url),
);

/**
 * Alpen Cloud's German edition (issue 23): the fourth contract with German as its locale, English
 * second (or `languages`, German first: "[de, fr, en]" for a Swiss provider writing German and
 * French), and its own noun for a ticket ("Fall" / "case" / "dossier"), written next to the
 * system's temporary files so the shipped test contract stays the one source of its terms.
 */
export function germanFirstContract(languages = "[de, en]"): string {
  const text = readFileSync(FOURTH_CONTRACT, "utf8");
  const edits: [RegExp, string][] = [
    [/^locale: en .*$/m, "locale: de # the German edition: German first"],
    [/^languages: \[en, de\]$/m, `languages: ${languages}`],
    [
      /^ {2}vocabulary: requests$/m,
      "  vocabulary: { de: { singular: Fall, plural: Fälle, gender: masculine }, en: { singular: case, plural: cases }, fr: { singular: dossier, plural: dossiers, gender: masculine } }",
    ],
  ];
  const edited = edits.reduce((yaml, [line, replacement]) => {
    if (!line.test(yaml)) throw new Error(`alpen-cloud.yaml no longer has ${line}`);
    return yaml.replace(line, replacement);
  }, text);
  const file = join(mkdtempSync(join(tmpdir(), "guichet-alpen-de-")), "alpen-cloud-de.yaml");
  writeFileSync(file, edited);
  return file;
}

/**
 * MultiCloud Ready's terms billed in Swiss francs (issue 17: nothing assumes EUR): the shipped
 * file with its currency and every amount in CHF, written to a scratch directory for one test.
 */
export function swissFrancContract(): string {
  const text = readFileSync(
    fileURLToPath(new URL("../../../../contracts/multicloud-ready.yaml", import.meta.url)),
    "utf8",
  )
    .replace(/^id: .*$/m, "id: helvetia-cloud")
    .replace(/^currency: .*$/m, "currency: CHF")
    .replace(/(\d) EUR\b/g, "$1 CHF");
  const path = join(mkdtempSync(join(tmpdir(), "guichet-chf-")), "helvetia-cloud.yaml");
  writeFileSync(path, text);
  return path;
}
