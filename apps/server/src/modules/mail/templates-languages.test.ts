import { sentenceWords, ZVocabulary } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { type MailContext, mailCatalogue, renderMail } from "./templates.js";

/**
 * Mails to a German reader (issue 23, GEN-01): in German where the partial German catalogue has
 * the mail, else written whole from the fallback order's next catalogue (the contract's languages
 * from its locale, then English); the portal's name and the dates in the reader's language, the
 * ticket named as the contract names it in the mail's language.
 */
const fall = ZVocabulary.parse({
  de: { singular: "Fall", plural: "Fälle", gender: "masculine" },
  en: { singular: "case", plural: "cases" },
});
const german: MailContext = {
  locale: "de",
  languages: ["de", "en"],
  portalName: { fr: "Console Alpen", en: "Alpen Console", de: "Alpen-Konsole" },
  ticketWords: {
    fr: sentenceWords(fall, "fr"),
    en: sentenceWords(fall, "en"),
    de: sentenceWords(fall, "de"),
  },
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

/** A mail the German catalogue does not have yet (texts-de.ts): the assignee's SLA warning. */
const warning = {
  reference: "ALP-2026-00042",
  title: "VM down",
  link: "https://alpen.example/tickets/1",
  organisationName: "Muster AG",
  priority: "P1",
  threshold: "75",
  metric: "resolution",
  dueAt: new Date("2026-06-12T14:30:00Z"),
};

describe("a mail to a German reader (issue 23)", () => {
  it("is written in German with the contract's German noun and article, its German name and German dates", () => {
    expect(mailCatalogue("ticket_resolved", german)).toBe("de");
    const mail = renderMail("ticket_resolved", resolved, german);
    expect(mail.subject).toBe("[ALP-2026-00042] Fall gelöst: VM down");
    expect(mail.text).toContain("Der Fall ALP-2026-00042 ist gelöst (ALP-SUP-08).");
    expect(mail.text).toContain("wird der Fall am Freitag, 12. Juni 2026 um 16:30");
    expect(mail.text).toContain("Alpen-Konsole");
    expect(mail.text).not.toContain("Alpen Console");
  });

  it("names a feminine noun with its own article: die Anfrage", () => {
    const anfrage = ZVocabulary.parse({
      de: { singular: "Anfrage", plural: "Anfragen", gender: "feminine" },
      en: { singular: "request", plural: "requests" },
    });
    const mail = renderMail("ticket_resolved", resolved, {
      ...german,
      ticketWords: { ...german.ticketWords, de: sentenceWords(anfrage, "de") },
    });
    expect(mail.text).toContain("Die Anfrage ALP-2026-00042 ist gelöst");
    expect(mail.text).toContain("wird die Anfrage am Freitag");
  });

  it("a mail without German is written whole in English under a German-first contract, with German names and dates", () => {
    expect(mailCatalogue("sla_warning", german)).toBe("en");
    const mail = renderMail("sla_warning", warning, german);
    expect(mail.subject).toBe("[ALP-2026-00042] 75% of the target used: VM down");
    expect(mail.text).toContain(
      "The case ALP-2026-00042 of Muster AG (P1) has used 75% of its resolution target",
    );
    expect(mail.text).toContain("Freitag, 12. Juni 2026");
    expect(mail.text).toContain("Alpen-Konsole");
  });

  it("in French where the contract's languages put French before English", () => {
    const frenchSecond = { ...german, languages: ["de", "fr"] as const };
    expect(mailCatalogue("ticket_resolved", frenchSecond)).toBe("de");
    expect(mailCatalogue("sla_warning", frenchSecond)).toBe("fr");
    const mail = renderMail("sla_warning", { ...warning, metric: "résolution" }, frenchSecond);
    expect(mail.subject).toBe("[ALP-2026-00042] 75 % du délai consommé : VM down");
    expect(mail.text).toContain("Alpen-Konsole");
    expect(mail.text).toContain("Freitag, 12. Juni 2026");
  });
});
