import { describe, expect, it } from "vitest";
import { ZVocabulary } from "../contract/schema-tickets.js";
import { sentenceWords } from "../desk/ticket-words.js";
import { evaluateSla } from "./evaluate.js";
import { explain } from "./explain.js";
import { mcrCalendars, T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";
import { ZPlanSla } from "./policy-schema.js";

/**
 * SLA explanations in the contract's words and the reader's language (issue 23, GEN-01, GEN-02):
 * the contract's noun for a ticket with its gender, German sentences, and dates in the reader's
 * language even where the sentence falls back to another.
 */
const policy = buildSlaPolicy(
  ZPlanSla.parse({
    initialResponse: {
      clause: "ALP-SUP-04",
      P1: { target: "30m", calendar: "24x7", escalation: { channel: "portal", clause: "ALP-SUP-06" } },
      P2: { target: "4 business hours", calendar: "business-hours" },
    },
  }),
  {},
  mcrCalendars(),
  { fr: "Professionnel", en: "Professional", de: "Profi" },
);
const clock = (priority: string, at: string, now: string) => {
  const [metric] = evaluateSla([{ at: T(at), type: "created", priority }], policy, T(now)).metrics;
  if (!metric) throw new Error("no clock");
  return metric;
};
const fall = ZVocabulary.parse({
  de: { singular: "Fall", plural: "Fälle", gender: "masculine" },
  fr: { singular: "dossier", plural: "dossiers", gender: "masculine" },
  en: { singular: "case", plural: "cases" },
});

describe("SLA explanations in the contract's words and the reader's language (issue 23)", () => {
  const waiting = clock("P1", "2026-03-06T10:00:00+01:00", "2026-03-06T10:05:00+01:00");

  it("names the ticket as the contract does, agreeing with its gender, in each language", () => {
    const write = (text: "fr" | "en" | "de") => ({ text, reader: text, words: sentenceWords(fall, text) });
    expect(explain(waiting, write("de")).text).toBe(
      "Erstreaktion: Eskalation erforderlich: die Zielvorgabe (Profi P1, < 30 min, 24x7) läuft erst, wenn der Fall über das Portal eskaliert wurde (ALP-SUP-06) — ALP-SUP-04",
    );
    expect(explain(waiting, write("fr")).text).toContain(
      "ne court qu'une fois le dossier escaladé par le portail",
    );
    expect(explain(waiting, write("en")).text).toContain(
      "runs only once the case is escalated through the portal",
    );
    // A feminine German noun, and Guichet's own where the contract gives none in German.
    const anfrage = sentenceWords(ZVocabulary.parse("requests"), "de");
    expect(explain(waiting, { text: "de", reader: "de", words: anfrage }).text).toContain(
      "wenn die Anfrage über das Portal eskaliert wurde",
    );
    const incident = sentenceWords(
      ZVocabulary.parse({ fr: { singular: "incident", plural: "incidents", gender: "masculine" } }),
      "fr",
    );
    expect(explain(waiting, { text: "fr", reader: "fr", words: incident }).text).toContain(
      "une fois l'incident escaladé",
    );
  });

  it("writes dates and numbers in the reader's language, and the contract's names in it", () => {
    const running = clock("P2", "2026-03-06T10:00:00+01:00", "2026-03-06T10:07:30+01:00");
    expect(explain(running, { text: "de", reader: "de" }).text).toBe(
      "Erstreaktion: fällig Fr., 6. März 2026 14:00 (Europe/Paris): Profi P2, < 4 Geschäftsstunden, business-hours; 7,5 von 240 Geschäftsminuten verbraucht (3,1 %) — ALP-SUP-04",
    );
    // An Italian reader: no Italian catalogue, so English sentences, with Italian dates and numbers.
    expect(explain(running, { text: "en", reader: "it" }).text).toBe(
      "Initial response: due ven 6 mar 2026 14:00 (Europe/Paris): Professional P2, < 4 business hours, business-hours; 7,5 of 240 business minutes used (3,1 %) — ALP-SUP-04",
    );
  });
});
