import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../apps/server/src/seed/demo-data.js";
import { checkPage } from "./support/browser.js";
import {
  expectCards,
  expectStableCards,
  homeCard,
  homeCardTitles,
  openHome,
  PROVIDER_ADMIN_CARDS,
  seedDemoPerson,
} from "./support/home.js";
import { type Portal, startPortal } from "./support/portal.js";

const postgresUrl = inject("postgresUrl");

/**
 * A newcomer on the demo (issue 13): the demo data used to hold customers and no activity. With
 * the demo's own accounts and data (GUICHET_DEMO_DATA=always, as `npx guichet seed` loads them),
 * Banque Ducasse's administrator arrives at the bare address, signs in and finds her requests with
 * their SLA clocks as the engine computes them now: a P1 answered after its 30-minute target
 * (MCR-SUP-06, breached), a request just opened within target, one waiting in a priority dispute
 * (MCR-SUP-12).
 */
describe.runIf(postgresUrl)("the demo's activity", { timeout: 180_000 }, () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "multicloud-ready", { env: { GUICHET_DEMO_DATA: "always" } });
  }, 180_000);

  afterAll(async () => {
    await portal?.stop();
  });

  /** From the bare address, as a newcomer arrives. */
  async function signInAsDucasse(page: Page) {
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill("cloud@banque-ducasse.demo");
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
  }

  it("shows a demo customer her open requests with their SLA states", async () => {
    const page = await portal.visitor();
    await signInAsDucasse(page);
    await page.getByRole("navigation").getByRole("link", { name: "Demandes" }).click();

    const row = (title: string) => page.getByRole("row").filter({ hasText: title });
    const breached = row("Base de données de production injoignable");
    await breached.getByText("En cours", { exact: true }).waitFor();
    expect(await breached.locator("[data-state]").getAttribute("data-state")).toBe("breached");
    await breached.getByText(/dépassé/).waitFor();
    const fresh = row("Ajout d'un compte de facturation pour la filiale");
    await fresh.getByText("Nouveau", { exact: true }).waitFor();
    expect(await fresh.locator("[data-state]").getAttribute("data-state")).toBe("running");
    await fresh.getByText(/reste/).waitFor();
    await row("Alerte de coût inhabituelle sur GCP").getByText("En attente", { exact: true }).waitFor();
    await checkPage(page, "13-demo-requests");

    // The breached request's page explains its clock, and shows both sides' messages.
    await breached.getByRole("link").first().click();
    await page.getByText("Panne de la zone de disponibilité confirmée par AWS", { exact: false }).waitFor();
    await page.getByText("Le réplica répond, merci.", { exact: false }).waitFor();
    await checkPage(page, "13-demo-request-breached");
  });

  // Issue 13: the support-access and API-token forms took the browser's zone while every date the
  // portal shows is the deployment's (its contract's calendars, Europe/Paris): one zone, named.
  it("reads the date-times of the rights forms in the deployment's zone from a browser elsewhere", async () => {
    const context = await portal.browser.newContext({
      baseURL: portal.server.url,
      locale: "fr-FR",
      timezoneId: "America/New_York",
    });
    try {
      const page = await context.newPage();
      await signInAsDucasse(page);
      await page.getByRole("navigation").getByRole("link", { name: "Droits" }).click();
      const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(
        Date.now() + 86_400_000,
      );
      // Hours between the instant sent and 10:00 UTC that day: -1 or -2 for 10:00 in Paris (winter,
      // summer), +5 or +4 had the browser's New York zone been taken.
      const hoursFromUtc = (sent: string) =>
        (Date.parse(sent) - Date.parse(`${tomorrow}T10:00:00Z`)) / 3_600_000;

      const until = page.getByLabel("Jusqu'au");
      await page.getByText("Heure de Paris (Europe/Paris)").first().waitFor();
      await page.getByLabel("Adresse e-mail de l'agent").fill("support@multicloud-ready.demo");
      await page.getByLabel("Motif").first().fill("Analyse de la base RDS");
      await until.fill(`${tomorrow}T10:00`);
      const granted = page.waitForRequest(
        (r) => r.method() === "POST" && r.url().endsWith("/support-grants"),
      );
      await page.getByRole("button", { name: "Donner l'accès" }).click();
      const grant = JSON.parse((await granted).postData() ?? "{}") as { expiresAt: string };
      expect([-1, -2]).toContain(hoursFromUtc(grant.expiresAt));

      await page.getByLabel("Nom du jeton").fill("Supervision");
      await page.getByLabel("Expire le").fill(`${tomorrow}T10:00`);
      const created = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api-tokens"));
      await page.getByRole("button", { name: "Créer le jeton" }).click();
      const token = JSON.parse((await created).postData() ?? "{}") as { expiresAt: string };
      expect(token.expiresAt).toBe(grant.expiresAt);
      await checkPage(page, "13-demo-rights-zone");
    } finally {
      await context.close();
    }
  });

  // Issue 13: the home page is a dashboard of what each role may see, card by card, in boxes of
  // fixed height loaded once near the screen.
  it("gives the customer's administrator her plan and channels, requests with SLA states, named contacts and commercial sections", async () => {
    const page = await portal.visitor();
    await signInAsDucasse(page);
    await page.getByRole("navigation").getByRole("link", { name: "Droits" }).waitFor();
    await page.goto("/");
    expect(await homeCardTitles(page)).toEqual([
      "Votre offre de support",
      "Demandes en cours",
      "Contacts nommés",
      "Vos abonnements",
      "Commandes en cours",
      "Avis de modification",
      "Dernières factures",
      "Alertes budgétaires",
    ]);
    // MCR-SUP-03: Premium opens the portal, e-mail and the phone.
    const plan = await homeCard(page, "Votre offre de support");
    await plan.getByText("Premium", { exact: true }).waitFor();
    await plan.getByText("Le portail", { exact: true }).waitFor();
    await plan.getByText("L'e-mail", { exact: true }).waitFor();
    await plan.getByText(/^Le téléphone/).waitFor();
    // MCR-SUP-06: the P1 answered late leads, breached.
    const requests = await homeCard(page, "Demandes en cours");
    await requests.getByText(/Base de données de production injoignable/).waitFor();
    await requests.locator('[data-state="breached"]').first().waitFor();
    // MCR-SUP-04: Premium has no limit.
    const named = await homeCard(page, "Contacts nommés");
    await named.getByText(/^\d+ contacts? nommés?, sans limite$/).waitFor();
    const subscriptions = await homeCard(page, "Vos abonnements");
    await subscriptions.getByText(/^Amazon Web Services, depuis le /).waitFor();
    await expectStableCards(page);
    await checkPage(page, "13-home-mcr-customer-admin");
  });

  it("shows an invoice reader, on a phone, its invoices and budget alerts and nothing of the desk", async () => {
    const reader = await seedDemoPerson(portal.server.db, "banque-ducasse", {
      email: "comptabilite@banque-ducasse.demo",
      firstName: "Paul",
      lastName: "Lemaire",
      roles: ["billing_reader"],
    });
    const { page, titles } = await openHome(portal, reader, { phone: true });
    expectCards(titles, ["Dernières factures", "Alertes budgétaires"], ["Demandes en cours"]);
    // Last month's invoice, issued by the demo's invoice run (issue 17).
    const invoices = await homeCard(page, "Dernières factures");
    await invoices.getByText(/^\d{4}-\d{6} du .+ : [\d\s\u202f]+,\d{2}\s€$/).waitFor();
    const budgets = await homeCard(page, "Alertes budgétaires");
    await budgets.getByText("Aucun budget défini.").waitFor();
    await expectStableCards(page);
    await checkPage(page, "13-home-mcr-invoice-reader-phone");
  });

  // Issue 17: the demo's billing, made by the product's own import, invoice run and budget.
  it("shows a demo customer her invoice, this month's simulation and her budget's alerts", async () => {
    const page = await portal.visitor();
    await page.goto("/factures");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill("it@biolab-nantes.demo");
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Factures" }).waitFor();
    // Last month's invoice, its PDF and XML; the detailed billing of both months.
    const lastMonth = new Intl.DateTimeFormat("fr-FR", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)));
    const invoice = page.getByRole("row").filter({ hasText: lastMonth }).filter({ hasText: "Facture" });
    await invoice.getByRole("link", { name: /^PDF \d{4}-\d{6}$/ }).waitFor();
    await invoice.getByRole("link", { name: /^XML \d{4}-\d{6}$/ }).waitFor();
    await page.getByRole("link", { name: `CSV de ${lastMonth}` }).waitFor();
    // This month's simulation (none on a month's first days, before the demo has any cost): the
    // Business plan's fee with its basis and rate, and the forecast's method, in words.
    const costsThisMonth = new Date().getUTCDate() > 2;
    if (costsThisMonth) {
      await page
        .getByText(/Support Business\s:\s10\s%/)
        .first()
        .waitFor();
      await page.getByText(/^Méthode\s: rythme moyen\./).waitFor();
      // Each line's forecast beside its month to date.
      await page.getByRole("columnheader", { name: "Prévision fin de mois" }).waitFor();
      // Each vendor by the name its files give it, not the slug the sums keep ("google-cloud").
      await page.getByRole("cell", { name: "Google Cloud", exact: true }).first().waitFor();
    }
    await checkPage(page, "17-demo-invoices");
    if (costsThisMonth) {
      // In English, English punctuation: no space before the colon.
      await page.getByRole("button", { name: "English" }).click();
      await page.getByText(/^Month to date \(up to .+\): €[\d,]+\.\d{2}$/).waitFor();
      await page.getByText(/^Support fee: €199\.00 — Business support: 10% of the invoice/).waitFor();
      await page.getByRole("button", { name: "Français" }).click();
    }
    await page.getByRole("navigation").getByRole("link", { name: "Budgets" }).click();
    const budget = page.getByRole("row").filter({ hasText: "l'ensemble du compte" });
    await budget.getByText("Nadia Perrin").waitFor();
    // The forecast reaches 80 % of the budget: the alert went to her.
    if (costsThisMonth) await budget.getByText(/prévision au-delà de 80\s%/).waitFor();
    await checkPage(page, "17-demo-budgets");
    // Thresholds as each reader writes percentages: "50 %" in French, "50%" in English.
    await budget.getByRole("cell", { name: /^50\s%, 80\s%, 100\s%$/ }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page
      .getByRole("row")
      .filter({ hasText: "the whole account" })
      .getByRole("cell", { name: "50%, 80%, 100%", exact: true })
      .waitFor();
    await page.getByRole("button", { name: "Français" }).click();
  });

  it("shows the provider's administrator the requests past their SLA and the orders to handle", async () => {
    const admin = await seedDemoPerson(portal.server.db, "multicloud-ready", {
      email: "direction@multicloud-ready.demo",
      firstName: "Claire",
      lastName: "Vidal",
      roles: ["admin"],
    });
    const { page, titles } = await openHome(portal, admin);
    expect(titles).toEqual(PROVIDER_ADMIN_CARDS);
    const late = await homeCard(page, "Délais dépassés");
    await late.getByText(/Base de données de production injoignable/).waitFor();
    // Garage Martin's Azure order waits for the provider (issue 16's demo).
    const orders = await homeCard(page, "Commandes à traiter");
    await orders.getByText(/Garage Martin SARL : Envoyée, en attente d'acceptation/).waitFor();
    await expectStableCards(page);
    await checkPage(page, "13-home-mcr-provider-admin");
  });
});
