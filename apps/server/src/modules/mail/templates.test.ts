import { sentenceWords, ZVocabulary } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import {
  en,
  fr,
  type MailContext,
  type MailKind,
  type MailParams,
  type MailTextKey,
  renderMail,
} from "./templates.js";

const REQUESTS = ZVocabulary.parse("requests");

const at = new Date("2026-03-12T13:30:00Z");

const ticketed = {
  reference: "MCR-2026-00042",
  title: "Console inaccessible",
  link: "https://p.example.fr/t/1",
};

const accepted = {
  firstName: "Camille",
  organisationName: "Acme",
  reference: "BC-2026-0001",
  service: "Microsoft Azure",
  vendorAccountId: "sub-1234",
  consoleUrl: "https://portal.azure.com/#home",
};

const budgetAlert = {
  firstName: "Camille",
  organisationName: "Acme",
  scope: "aws",
  month: "novembre 2026",
  threshold: "80",
  budget: "1\u00a0000,00\u00a0€",
  spent: "812,40\u00a0€",
};

const securityAudit = {
  firstName: "Camille",
  organisationName: "Acme",
  reference: "AU-1",
  dueOn: "14/12/2026",
};

/** One example per kind: the type makes a new kind without an example a compile error. */
const examples: { [K in MailKind]: MailParams[K] } = {
  news_incident: {
    firstName: "Camille",
    organisationName: "Acme",
    title: "Panne du stockage objet",
    publishedOn: "05/12/2026",
    body: "Le stockage objet répond lentement depuis 9 h.",
  },
  change_signature_reminder: {
    firstName: "Camille",
    organisationName: "Acme",
    title: "Conditions Générales 2027",
    announcedOn: "05/12/2026",
  },
  invitation: {
    firstName: "Camille",
    organisationName: "Acme",
    link: "https://p.example.fr/i/abc",
    expiresAt: at,
  },
  password_reset: { firstName: "Camille", link: "https://p.example.fr/r/abc", expiresAt: at },
  identifier_revoked_reissued: {
    firstName: "Camille",
    link: "https://p.example.fr/i/def",
    expiresAt: at,
    contact: "securite@example.fr",
  },
  identifier_revoked: { firstName: "Camille", contact: "securite@example.fr" },
  inactivity_warning: { firstName: "Camille", lastUsedAt: at, deactivationAt: at },
  organisation_suspended: {
    organisationName: "Acme",
    suspendedAt: at,
    reason: "incident de sécurité",
    contact: "support@example.fr",
  },
  ticket_acknowledged: { ...ticketed, firstName: "Camille", leftOut: "" },
  ticket_message: {
    ...ticketed,
    firstName: "Camille",
    author: "Léa Support",
    message: "Redémarrez le service.",
  },
  ticket_info_requested: { ...ticketed, firstName: "Camille", message: "Quel est le numéro de ligne ?" },
  ticket_taken: { ...ticketed, firstName: "Camille", status: "En cours", message: "" },
  ticket_resumed: { ...ticketed, firstName: "Camille", status: "En cours", message: "\n\nMerci." },
  ticket_reopened: { ...ticketed, firstName: "Camille", status: "En cours", message: "" },
  ticket_resolved: { ...ticketed, firstName: "Camille", message: "Corrigé.", autoCloseAt: at },
  ticket_resolution_report: { ...ticketed, message: "Port réinitialisé." },
  ticket_closed: { ...ticketed, firstName: "Camille", reason: "Confirmée par le client." },
  ticket_refused: {
    originalSubject: "Panne",
    reason: "Expéditeur inconnu.",
    instructions: "Utilisez le portail.",
  },
  sla_warning: {
    ...ticketed,
    organisationName: "Acme",
    priority: "P1",
    threshold: "75",
    metric: "prise en charge",
    dueAt: at,
  },
  maintenance_announced: {
    firstName: "Camille",
    organisationName: "Opérateur Fibre",
    service: "e-SAV",
    title: "Mise à jour de la plateforme",
    description: "Les tests de ligne seront indisponibles.",
    startsAt: at,
    endsAt: at,
    expectedDuration: "2 h 30 min",
  },
  maintenance_cancelled: {
    firstName: "Camille",
    organisationName: "Opérateur Fibre",
    service: "e-SAV",
    title: "Mise à jour de la plateforme",
    startsAt: at,
    endsAt: at,
    reason: "Report de la mise à jour.",
  },
  registration_confirmed: { ...accepted, link: "https://p.example.fr/i/abc", expiresAt: at },
  registration_confirmed_signed_in: accepted,
  identifiers_due_warning: {
    firstName: "Camille",
    organisationName: "Opérateur Fibre",
    reference: "BC-2026-0002",
    service: "e-SAV",
    receivedAt: at,
    dueAt: at,
  },
  change_announced: {
    firstName: "Camille",
    organisationName: "Opérateur Fibre",
    title: "Nouveaux prix e-SAV",
    effectiveFrom: "05/03/2027",
    summary: "Prix concernés : e-SAV : 150,00 € par mois → 180,00 € par mois.",
    body: "Les prix de l'annexe Prix évoluent.",
  },
  budget_alert_actual: budgetAlert,
  budget_alert_forecast: budgetAlert,
  security_incident: {
    firstName: "Camille",
    declarer: "Fibre Poitou",
    reference: "SI-3F9A2C",
    organisationName: "Fibre Poitou",
    kind: "vulnérabilité",
    severity: "grave",
    detectedAt: at,
    title: "Identifiants exposés",
    description: "Un jeton a fuité.",
  },
  security_audit_notified: {
    ...securityAudit,
    scope: "Point d'accès",
    auditor: "Orange",
    reportOn: "01/12/2026",
    findings: "Pas d'anti-virus.",
  },
  remediation_plan_reminder: securityAudit,
  remediation_plan_overdue: securityAudit,
  remediation_plan_filed: {
    firstName: "Camille",
    organisationName: "Acme",
    reference: "AU-1",
    plan: "Mesures",
  },
  remediation_plan_rejected: {
    firstName: "Camille",
    organisationName: "Acme",
    reference: "AU-1",
    dueOn: "15 décembre 2026",
    reason: "Délais déraisonnables",
  },
  security_contact_changed: {
    firstName: "Camille",
    organisationName: "Acme",
    contactName: "Léa Roux",
    contactEmail: "soc@acme.example",
    contactPhone: "05 49 00 00 00",
  },
};

const context: MailContext = {
  locale: "fr",
  portalName: { fr: "Portail Exemple", en: "Example Portal" },
  ticketWords: { fr: sentenceWords(REQUESTS, "fr"), en: sentenceWords(REQUESTS, "en") },
  publicUrl: "https://p.example.fr",
  clause: "DSN-ID-03",
  timeZone: "Europe/Paris",
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("mail templates", () => {
  it("use the same placeholders in English as in French, besides French agreement", () => {
    // French articles and endings agree with the contract's noun for a ticket (issue 23).
    const english = Object.keys(sentenceWords(REQUESTS, "en"));
    const agreement = new Set(
      Object.keys(sentenceWords(REQUESTS, "fr")).filter((name) => !english.includes(name)),
    );
    for (const key of Object.keys(fr) as MailTextKey[]) {
      const french = placeholders(fr[key]).filter((name) => name !== undefined && !agreement.has(name));
      expect(placeholders(en[key]), key).toEqual(french);
    }
  });

  it("agree in French with a masculine noun the contract gives (issue 23)", () => {
    const dossier = ZVocabulary.parse({
      fr: { singular: "dossier", plural: "dossiers", gender: "masculine" },
    });
    const mail = renderMail("ticket_resolved", examples.ticket_resolved, {
      ...context,
      ticketWords: { fr: sentenceWords(dossier, "fr"), en: sentenceWords(dossier, "en") },
      locale: "fr",
    });
    expect(mail.subject).toContain("Dossier résolu :");
    expect(mail.text).toContain("rouvrez le dossier");
    expect(mail.text).toContain("il sera clos automatiquement");
  });

  it.each(Object.keys(examples) as MailKind[])(
    "render %s in both languages with every value filled",
    (kind) => {
      for (const locale of ["fr", "en"] as const) {
        const mail = renderMail(kind, examples[kind], { ...context, locale });
        expect(mail.subject).not.toMatch(/[{}\n]/);
        expect(mail.text).not.toMatch(/[{}]/);
        expect(mail.text).toContain(" (DSN-ID-03)");
        expect(mail.text).toContain(`-- \n${context.portalName[locale]}\nhttps://p.example.fr\n`);
      }
    },
  );

  it("writes dates in the reader's language and time zone, and drops the citation without a clause", () => {
    const french = renderMail("invitation", examples.invitation, { ...context, clause: null });
    expect(french.subject).toBe("Invitation à Portail Exemple");
    expect(french.text).toContain("expire le jeudi 12 mars 2026 à 14:30 UTC+1. Passé ce délai");
    const english = renderMail("invitation", examples.invitation, {
      ...context,
      locale: "en",
      clause: "MCR-ACC-01",
    });
    expect(english.subject).toBe("Invitation to Example Portal");
    expect(english.text).toContain("expires on Thursday, 12 March 2026 at 14:30 GMT+1 (MCR-ACC-01).");
  });

  it("keeps a subject on one line whatever a parameter holds", () => {
    const mail = renderMail(
      "organisation_suspended",
      { ...examples.organisation_suspended, organisationName: "Acme\r\nBcc: x@evil.example" },
      context,
    );
    expect(mail.subject).toBe("Accès de Acme Bcc: x@evil.example à Portail Exemple suspendu");
  });

  it("refuses to render a placeholder without a value", () => {
    const incomplete = { firstName: "Camille" } as MailParams["password_reset"];
    expect(() => renderMail("password_reset", incomplete, context)).toThrow("no value for {link}");
  });
});
