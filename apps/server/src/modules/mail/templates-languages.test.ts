import { sentenceWords, ZVocabulary } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { type MailContext, mailLocale, renderMail } from "./templates.js";

/**
 * Mails to a reader of a language Guichet has no catalogue for (issue 23, GEN-01): written from
 * the fallback order's first catalogue (the contract's languages from its locale, then English),
 * the portal's name and the dates in the reader's language, the ticket named as the contract names
 * it in the mail's language.
 */
const fall = ZVocabulary.parse({
  de: { singular: "Fall", plural: "Fälle", gender: "masculine" },
  en: { singular: "case", plural: "cases" },
});
const german: MailContext = {
  locale: "de",
  languages: ["de", "en"],
  portalName: { fr: "Console Alpen", en: "Alpen Console", de: "Alpen-Konsole" },
  ticketWords: { fr: sentenceWords(fall, "fr"), en: sentenceWords(fall, "en") },
  publicUrl: "https://alpen.example",
  clause: "ALP-SUP-08",
  timeZone: "Europe/Zurich",
};
const resolved = {
  reference: "ALP-2026-00042",
  title: "VM down",
  link: "https://alpen.example/tickets/1",
  firstName: "Lena",
  message: "Fixed.",
  autoCloseAt: new Date("2026-06-12T14:30:00Z"),
};

describe("a mail to a German reader (issue 23)", () => {
  it("is written in English under a German-first contract, with the contract's German names and German dates", () => {
    expect(mailLocale(german)).toBe("en");
    const mail = renderMail("ticket_resolved", resolved, german);
    expect(mail.subject).toBe("[ALP-2026-00042] Case resolved: VM down");
    expect(mail.text).toContain("Your case ALP-2026-00042 is resolved (ALP-SUP-08).");
    expect(mail.text).toContain("Alpen-Konsole");
    expect(mail.text).not.toContain("Alpen Console");
    expect(mail.text).toContain("Freitag, 12. Juni 2026");
  });

  it("is written in French where the contract's languages put French before English", () => {
    const frenchSecond = { ...german, languages: ["de", "fr"] as const };
    expect(mailLocale(frenchSecond)).toBe("fr");
    const mail = renderMail("ticket_resolved", resolved, frenchSecond);
    expect(mail.subject).toBe("[ALP-2026-00042] Demande résolue : VM down");
    expect(mail.text).toContain("Alpen-Konsole");
    expect(mail.text).toContain("Freitag, 12. Juni 2026");
  });
});
