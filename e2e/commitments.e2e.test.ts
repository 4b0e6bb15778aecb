import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, clauseTag, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { holds, seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** Today in Paris, as the server counts it (issue 16: civil dates in Europe/Paris). */
function parisToday(): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number, number];
  return { year, month, day };
}
const iso = (year: number, month: number, day: number) => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.toISOString().slice(0, 10);
};
const french = (isoDate: string) => isoDate.split("-").reverse().join("/");

describe.runIf(postgresUrl)("a customer changes its support plan (MCR-SUP-02)", { timeout: 120_000 }, () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "multicloud-ready");
  }, 120_000);
  afterAll(() => portal?.stop());

  it("refuses a downgrade inside the commitment with its earliest date, then accepts an upgrade from the next 1st", async () => {
    const today = parisToday();
    // On Standard since the 1st of this month: committed for 6 months, to the same day (art. 641 CPC).
    const since = iso(today.year, today.month, 1);
    const commitmentEnd = iso(today.year, today.month + 6, 1);
    const nextFirst = iso(today.year, today.month + 1, 1);
    const customer = await seedOrganisation(portal.server.db, {
      kind: "customer",
      name: "Transports Garnier",
    });
    await holds(portal.server.db, customer, {
      item: "support-standard",
      from: since,
      plan: "standard",
      commitmentEnd,
    });
    const admin = await seedPerson(portal.server.db, {
      organisationId: customer,
      email: "dsi@transports-garnier.test",
      firstName: "Léa",
      lastName: "Garnier",
      roles: ["customer_admin"],
    });
    const page = await portal.visitor();
    await signIn(page, admin);
    await page.getByRole("link", { name: "Abonnements" }).click();
    await page.getByRole("heading", { level: 1, name: "Abonnements et engagements" }).waitFor();
    await page.getByText("En vigueur : Standard").waitFor();
    await page.getByText(`Engagement jusqu'au ${french(commitmentEnd)}`, { exact: false }).waitFor();
    await checkPage(page, "30-mcr-plan-in-force");

    await page.getByLabel("Nouvelle offre").first().click();
    await page.getByRole("option", { name: "Basic" }).click();
    await page.getByRole("button", { name: "Demander le changement" }).click();
    const refusal = page.getByRole("alert");
    await refusal.getByText(`au plus tôt le ${french(commitmentEnd)}`, { exact: false }).waitFor();
    await clauseTag(refusal, "MCR-SUP-02").getByText("§ 8.2.1", { exact: true }).waitFor();
    await checkPage(page, "31-mcr-downgrade-refused");

    await page.getByLabel("Nouvelle offre").first().click();
    await page.getByRole("option", { name: "Premium" }).click();
    await page.getByRole("button", { name: "Demander le changement" }).click();
    await page
      .getByRole("status")
      .getByText(`effet le ${french(nextFirst)}`, { exact: false })
      .waitFor();
    await page.getByText(`Passage à Premium le ${french(nextFirst)}`, { exact: false }).waitFor();
    await checkPage(page, "32-mcr-upgrade-to-come");

    // Issue 16: the change to come is withdrawn before its date; Standard and its commitment go on.
    await page.getByRole("button", { name: /^Annuler ce changement \(possible avant le / }).click();
    await page
      .getByRole("status")
      .getByText("est annulé : Standard reste en vigueur", { exact: false })
      .waitFor();
    expect(await page.getByText(`Passage à Premium le ${french(nextFirst)}`, { exact: false }).count()).toBe(
      0,
    );
    await checkPage(page, "32b-mcr-change-cancelled");
    await page.close();
  });
});

describe.runIf(postgresUrl)("staff record a DSN termination (DSN-ORD-04)", { timeout: 120_000 }, () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "deux-sevres-eservices");
  }, 120_000);
  afterAll(() => portal?.stop());

  it("refuses a letter dated in the future, then shows the effective date and the fees due with their clause", async () => {
    const manager = await seedStaffMember(portal.server.db, "Deux-Sèvres Numérique", {
      email: "commercial@deux-sevres.test",
      firstName: "Hugo",
      lastName: "Niort",
      roles: ["account_manager"],
    });
    const operator = await seedOrganisation(portal.server.db, { kind: "customer", name: "Niort Connect" });
    // e-SAV since 15 June 2026, 12 months' minimum, 150.00 a month, 3 months' notice (test values).
    await holds(portal.server.db, operator, {
      item: "e-sav",
      from: "2026-06-15",
      price: 15_000,
      minimum: 12,
      notice: 3,
    });
    const today = parisToday();
    const tomorrow = iso(today.year, today.month, today.day + 1);

    const page = await portal.visitor();
    await signIn(page, manager);
    await page.goto("/abonnements");
    await page.getByLabel("Client").first().click();
    await page.getByRole("option", { name: "Niort Connect" }).click();
    await page.getByText("Aucune résiliation enregistrée.").waitFor();

    await page.getByLabel("Date de réception de la lettre").fill(tomorrow);
    await page.getByRole("button", { name: "Enregistrer la résiliation" }).click();
    await page.getByRole("alert").getByText("DSN-ORD-04", { exact: true }).waitFor();
    await checkPage(page, "33-dsn-letter-in-future");

    // Received 10 November 2026: the contract ends on 10 February 2027; e-SAV's minimum runs to
    // 15 June 2027: February 19/28 × 150 = 101.79, March to May 450.00, June 14/30 × 150 = 70.00.
    await page.getByLabel("Date de réception de la lettre").fill("2026-11-10");
    await page.getByRole("button", { name: "Enregistrer la résiliation" }).click();
    await page.getByRole("status").getByText("Total dû : 621,79", { exact: false }).waitFor();
    await page.getByText("Date d'effet : 10 févr. 2027").waitFor();
    await page.getByText("Reste dû : 621,79\u00a0€").waitFor();
    await checkPage(page, "34-dsn-termination-recorded");
    const letter = await page.request.get(`/api/organisations/${operator}/termination-letter`);
    expect(await letter.text()).toContain("Lettre recommandée avec demande d'avis de réception");
    await page.close();
  });
});
