import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../apps/server/src/seed/demo-data.js";
import { checkPage } from "./support/browser.js";
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
});
