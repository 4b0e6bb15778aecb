import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../apps/server/src/seed/demo-data.js";
import { checkPage, signIn } from "./support/browser.js";
import {
  expectCards,
  expectStableCards,
  homeCard,
  openHome,
  PROVIDER_ADMIN_CARDS,
  seedDemoPerson,
} from "./support/home.js";
import { type Portal, startPortal } from "./support/portal.js";
import type { Person } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** The demo's own account (README): Niort Connect's administrator, with an order form to sign. */
const niortAdmin: Person = {
  id: "",
  email: "admin@niort-connect.demo",
  password: DEMO_PASSWORD,
  name: "",
  totpSecret: null,
};

/**
 * Issue 13 on Deux-Sèvres Numérique's demo: the home page is a dashboard of what each role may
 * see, loaded card by card in boxes of fixed height. An operator's administrator finds its
 * signalisations, the maintenance to come (DSN-SUP-07) and the order form it has to sign
 * (DSN-ORD-02), on a phone; a plain user of another operator sees its own without the commercial
 * sections; the provider's administrator finds what waits for it. Then the date-time fields of
 * the incident (DSN-SEC-04), maintenance and outage forms read the deployment's zone, named
 * beside them, from a browser in New York.
 */
describe.runIf(postgresUrl)("the home page on Deux-Sèvres Numérique", { timeout: 180_000 }, () => {
  let portal: Portal;
  let user: Person;
  let staff: Person;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "deux-sevres-eservices", {
      env: { GUICHET_DEMO_DATA: "always" },
    });
    const { db } = portal.server;
    user = await seedDemoPerson(db, "fibre-poitou", {
      email: "technicien@fibre-poitou.demo",
      firstName: "Hugo",
      lastName: "Renard",
      roles: ["user"],
    });
    staff = await seedDemoPerson(db, "deux-sevres-numerique", {
      email: "direction@deux-sevres-numerique.demo",
      firstName: "Inès",
      lastName: "Marchand",
      roles: ["admin"],
    });
  }, 180_000);

  afterAll(() => portal?.stop());

  it("shows an operator's administrator, on a phone, its signalisations, maintenance and the order form to sign", async () => {
    const { page, titles } = await openHome(portal, niortAdmin, { phone: true });
    expect(titles).toEqual([
      "Votre offre de support",
      "Signalisations en cours",
      "Maintenances à venir",
      "Vos abonnements",
      "Commandes en cours",
      "Avis de modification",
      "Dernières factures",
      "Incidents de sécurité",
    ]);
    const reports = await homeCard(page, "Signalisations en cours");
    await reports.getByText(/^\d+ signalisations? en cours/).waitFor();
    await reports.getByText(/e-RDV inaccessible depuis ce matin/).waitFor();
    expect(await reports.locator("[data-state]").count()).toBeGreaterThan(0);
    const orders = await homeCard(page, "Commandes en cours");
    await orders.getByText("1 Bon de Commande à signer").waitFor();
    await orders.getByText(/Bon de Commande à signer \(/).waitFor();
    // Niort Connect holds no service under maintenance (the demo's are e-SAV's and e-Éligibilité's).
    const maintenance = await homeCard(page, "Maintenances à venir");
    await maintenance.getByText("Aucune maintenance annoncée.").waitFor();
    await expectStableCards(page);
    await checkPage(page, "13-home-dsn-operator-phone");
  });

  it("shows a plain user its signalisations and maintenance, not the commercial sections", async () => {
    const { page, titles } = await openHome(portal, user);
    expectCards(titles, ["Signalisations en cours", "Maintenances à venir"], ["Dernières factures"]);
    const reports = await homeCard(page, "Signalisations en cours");
    await reports.getByText(/Ticket SAV bloqué à l'étape d'intervention/).waitFor();
    const maintenance = await homeCard(page, "Maintenances à venir");
    await maintenance.getByText(/Montée de version d'e-SAV/).waitFor();
    await checkPage(page, "13-home-dsn-user");
  });

  it("shows the provider's administrator what waits for it", async () => {
    const { page, titles } = await openHome(portal, staff);
    expect(titles).toEqual([...PROVIDER_ADMIN_CARDS, "Incidents de sécurité"]);
    const orders = await homeCard(page, "Commandes à traiter");
    await orders.getByText("1 Bon de Commande attend la signature du client").waitFor();
    await homeCard(page, "Délais dépassés");
    await expectStableCards(page);
    await checkPage(page, "13-home-dsn-staff");
  });

  // Issue 13: the incident and maintenance forms took the browser's zone or a fixed Paris; they
  // now take the contract's (Europe/Paris here) as DeploymentTimeInput does, named beside them.
  it("reads the incident, maintenance and outage date-times in the deployment's zone from a browser in New York", async () => {
    // Each person at her own browser, set to New York's time.
    const inNewYork = async () => {
      const context = await portal.browser.newContext({
        baseURL: portal.server.url,
        locale: "fr-FR",
        timezoneId: "America/New_York",
      });
      contexts.push(context);
      return context.newPage();
    };
    const contexts: BrowserContext[] = [];
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(
      Date.now() - 86_400_000,
    );
    // 10:00 in Paris is 08:00 or 09:00 UTC (summer, winter); New York's would be 14:00 or 15:00.
    const hoursFromUtc = (sent: string | undefined) =>
      (Date.parse(sent ?? "") - Date.parse(`${day}T10:00:00Z`)) / 3_600_000;
    /** What the form sent: the server may refuse a date in the past, the zone is read before. */
    const sent = async (page: Page, path: string, submit: () => Promise<void>) => {
      const request = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(path));
      await submit();
      return JSON.parse((await request).postData() ?? "{}") as Record<string, string | undefined>;
    };
    try {
      const operator = await inNewYork();
      await signIn(operator, niortAdmin);
      await operator.goto("/securite");
      const incident = operator.getByRole("form", { name: "Signaler un incident au fournisseur" });
      await incident.getByText("Heure de Paris (Europe/Paris)").waitFor();
      await incident.getByLabel("Titre").fill("Tentatives de connexion suspectes");
      await incident
        .getByLabel("Description")
        .fill("Des essais de mots de passe depuis une adresse inconnue.");
      await incident.getByLabel("Détecté le").fill(`${day}T10:00`);
      const declared = await sent(operator, "/api/security/incidents", () =>
        incident.getByRole("button", { name: "Signaler" }).click(),
      );
      expect([-1, -2]).toContain(hoursFromUtc(declared.detectedAt));
      await checkPage(operator, "13-zone-incident");

      const page = await inNewYork();
      await signIn(page, staff);
      await page.goto("/maintenance");
      const announce = page.getByRole("region", { name: "Annoncer une maintenance" });
      await announce.getByText("Heure de Paris (Europe/Paris)").first().waitFor();
      await announce.getByLabel("Service").selectOption({ label: "e-SAV" });
      await announce.getByLabel("Titre").fill("Redémarrage");
      await announce.getByLabel("Description").fill("Redémarrage des frontaux.");
      await announce.getByLabel("Début").fill(`${day}T10:00`);
      await announce.getByLabel("Fin au plus tard").fill(`${day}T12:00`);
      await announce.getByLabel("Interruption prévue (minutes)").fill("30");
      const announced = await sent(page, "/api/maintenance", () =>
        announce.getByRole("button", { name: "Annoncer la maintenance" }).click(),
      );
      expect([-1, -2]).toContain(hoursFromUtc(announced.startsAt));

      const outage = page.getByRole("region", { name: "Indisponibilité du portail" });
      await outage.getByLabel("Motif").fill("Panne du frontal du portail");
      await outage.getByLabel("Fin prévue (facultatif)").fill(`${day}T10:00`);
      const declaredOutage = await sent(page, "/api/portal-outages", () =>
        outage.getByRole("button", { name: "Déclarer l'indisponibilité" }).click(),
      );
      expect(declaredOutage.endsAt).toBe(announced.startsAt);
      await checkPage(page, "13-zone-maintenance");
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
