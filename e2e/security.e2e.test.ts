import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** How the portal writes a date ("14 déc. 2026"). */
const shown = (isoDate: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
/** Today in Paris plus `days` calendar days, as the server counts the plan's delay. */
function parisDay(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// The security annex in the browser (issue 18, DSN annex 2): an operator declares an incident,
// the provider's security officer sees it and the mail is in the outbox (DSN-SEC-04); she records
// an audit with a non-conformity, the plan falls due 10 calendar days on, and the operator files
// it; she refuses it with a reason, the operator files a revised plan, she approves it (DSN-SEC-05);
// she registers an operator's client certificate and revokes it (DSN-SEC-03). Axe on each page.
describe.runIf(postgresUrl)(
  "DSN annex 2: incidents and audits in the portal (DSN-SEC-04, DSN-SEC-05)",
  { timeout: 180_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "deux-sevres-eservices");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("an operator reports an incident, staff see it and it is mailed; staff record an audit, the operator files its plan", async () => {
      const db = portal.server.db;
      const officer = await seedStaffMember(db, "Deux-Sèvres Numérique", {
        email: "rssi@deux-sevres-numerique.test",
        firstName: "Hélène",
        lastName: "Moreau",
        roles: ["security_officer"],
      });
      const operator = await seedOrganisation(db, { kind: "customer", name: "Fibre Poitou" });
      const admin = await seedPerson(db, {
        organisationId: operator,
        email: "admin@fibre-poitou.test",
        firstName: "Paul",
        lastName: "Roy",
        roles: ["customer_admin"],
      });

      const operatorPage = await portal.visitor();
      await signIn(operatorPage, admin);
      await operatorPage.getByRole("link", { name: "Sécurité" }).click();
      await operatorPage.getByRole("heading", { level: 1, name: "Sécurité" }).waitFor();
      const contact = operatorPage.getByRole("form", { name: "Votre contact sécurité" });
      await contact.getByLabel("Nom ou service").fill("SOC Fibre Poitou");
      await contact.getByLabel("Adresse e-mail").fill("soc@fibre-poitou.test");
      await contact.getByRole("button", { name: "Enregistrer le contact" }).click();
      await operatorPage.getByText("Contact enregistré.").waitFor();
      const report = operatorPage.getByRole("form", { name: "Signaler un incident au fournisseur" });
      await report.getByLabel("Nature").selectOption("malicious-activity");
      await report.getByLabel("Titre").fill("Poste d'intervenant compromis");
      await report.getByLabel("Description").fill("Un poste ayant accès au Point d'accès est infecté.");
      await report.getByLabel("Incident grave", { exact: false }).check();
      await report.getByRole("button", { name: "Signaler" }).click();
      await operatorPage
        .getByText(/Incident SI-[0-9A-F]{8} signalé ; prévenu\(s\) : rssi@deux-sevres-numerique\.test\./)
        .waitFor();
      await operatorPage.getByRole("cell", { name: /Poste d'intervenant compromis/ }).waitFor();
      await checkPage(operatorPage, "90-dsn-security-incident-reported");

      const mails = await db.query<{ subject: string; kind: string }>(
        "select subject, kind from outbox where to_address = $1 order by created_at",
        [officer.email],
      );
      expect(mails.rows.map((m) => m.kind)).toEqual(["security_contact_changed", "security_incident"]);
      expect(mails.rows[1]?.subject).toMatch(
        /^\[Incident de sécurité\] SI-[0-9A-F]{8} — Fibre Poitou : Poste d'intervenant compromis$/,
      );

      const staffPage = await portal.visitor();
      await signIn(staffPage, officer);
      await staffPage.getByRole("link", { name: "Sécurité" }).click();
      await staffPage.getByRole("cell", { name: "Fibre Poitou" }).first().waitFor();
      await staffPage.getByRole("cell", { name: /Poste d'intervenant compromis/ }).waitFor();
      const audit = staffPage.getByRole("form", { name: "Enregistrer un audit" });
      await audit.getByLabel("Opérateur").selectOption({ label: "Fibre Poitou" });
      await audit.getByLabel("Périmètre").fill("Point d'accès et postes des intervenants");
      await audit.getByLabel("Auditeur").fill("Orange");
      await audit.getByLabel("Date du rapport").fill(parisDay(-1));
      await audit.getByLabel("Constats").fill("Pas d'anti-virus sur deux postes.");
      await audit.getByRole("button", { name: "Enregistrer l'audit" }).click();
      const due = parisDay(10);
      await staffPage
        .getByText(new RegExp(`Audit AU-[0-9A-F]{8} enregistré : plan dû le ${shown(due)}\\.`))
        .waitFor();
      await checkPage(staffPage, "91-dsn-security-audit-recorded");
      const notified = await db.query<{ kind: string }>(
        "select kind from outbox where to_address = $1 order by created_at",
        ["soc@fibre-poitou.test"],
      );
      expect(notified.rows.map((m) => m.kind)).toEqual(["security_audit_notified"]);

      await operatorPage.reload();
      await operatorPage.getByRole("cell", { name: shown(due) }).waitFor();
      await operatorPage.getByText("À déposer").waitFor();
      const plan = operatorPage.getByRole("form", { name: "Déposer le plan" });
      await plan
        .getByRole("textbox")
        .fill("Anti-virus déployé sous 15 jours ; verrouillage de session sous 7 jours.");
      await plan.getByRole("button", { name: "Déposer le plan" }).click();
      await operatorPage.getByText("Déposé, à approuver").waitFor();
      await checkPage(operatorPage, "92-dsn-security-plan-filed");

      // Staff refuse the plan with a reason (DSN-SEC-05: only an approved plan binds); the operator
      // reads it and files a revised plan, due 10 days from the refusal.
      await staffPage.reload();
      await staffPage.getByRole("button", { name: /^Refuser le plan de l'audit AU-/ }).click();
      const refusal = staffPage.getByRole("dialog", { name: /^Refuser le plan de l'audit AU-/ });
      await refusal
        .getByLabel("Motif")
        .fill("15 jours pour l'anti-virus : délai déraisonnable, 5 jours au plus.");
      await checkPage(staffPage, "92-dsn-security-plan-refusal");
      await refusal.getByRole("button", { name: "Refuser le plan" }).click();
      await staffPage.getByText("Plan refusé : l'opérateur est prévenu.").waitFor();
      await operatorPage.reload();
      await operatorPage.getByText(/plan refusé le .* Motif : 15 jours pour l'anti-virus/).waitFor();
      await operatorPage.getByRole("cell", { name: shown(due) }).waitFor();
      await plan
        .getByRole("textbox")
        .fill("Anti-virus déployé sous 5 jours ; verrouillage de session sous 7 jours.");
      await plan.getByRole("button", { name: "Déposer le plan" }).click();
      await operatorPage.getByText("Déposé, à approuver").waitFor();
      await operatorPage.close();

      await staffPage.reload();
      await staffPage.getByRole("button", { name: "Approuver le plan" }).click();
      await staffPage.getByText("Plan approuvé.").waitFor();

      // Integrated mode (DSN-SEC-03): the officer registers a machine's client certificate by its
      // fingerprint, answerable to the operator's administrator, then revokes it.
      const certificates = staffPage.getByRole("region", { name: "Certificats clients du mode intégré" });
      await certificates.getByLabel("Opérateur").selectOption({ label: "Fibre Poitou" });
      const register = certificates.getByRole("form", { name: "Enregistrer un certificat" });
      await register.getByLabel("Nom de la machine ou du certificat").fill("Passerelle SI Fibre Poitou");
      await register.getByLabel("Personne responsable").selectOption({ label: "Paul Roy" });
      await register.getByLabel("Ou son empreinte SHA-256").fill(Array(32).fill("AB").join(":"));
      await register.getByRole("button", { name: "Enregistrer le certificat" }).click();
      await certificates.getByText("Certificat « Passerelle SI Fibre Poitou » enregistré.").waitFor();
      const row = certificates.getByRole("row").filter({ hasText: "Passerelle SI Fibre Poitou" });
      await row.getByRole("cell", { name: "Paul Roy" }).waitFor();
      await checkPage(staffPage, "92-dsn-client-certificate");
      await row.getByRole("button", { name: "Révoquer le certificat Passerelle SI Fibre Poitou" }).click();
      await certificates.getByText("Certificat révoqué.").waitFor();
      await row.getByText("Révoqué").waitFor();
      await staffPage.close();
    });
  },
);
