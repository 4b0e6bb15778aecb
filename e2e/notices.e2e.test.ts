import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, addMonths, frenchDate as french, parisToday } from "./support/back-office.js";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { holds, type Person, seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

const parts = (date: string) => date.split("-").map(Number) as [number, number, number];
const format = (d: Date) => d.toISOString().slice(0, 10);
const firstOnOrAfter = (date: string) => {
  const [y, m, d] = parts(date);
  return d === 1 ? date : format(new Date(Date.UTC(y, m, 1)));
};
/** How the portal writes one ("1 févr. 2027"). */
const shown = (isoDate: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
/** What a phone shows: the customer reads its notice there. */
const PHONE = { width: 390, height: 844 };

/** The provider's account manager fills the announcement form and publishes. */
async function publish(
  page: Page,
  input: { price: RegExp; values: Record<string, string>; title: string; date: string },
) {
  const option = page.getByLabel("Prix concerné").locator("option").filter({ hasText: input.price });
  await page.getByLabel("Prix concerné").selectOption((await option.getAttribute("value")) ?? "");
  for (const [label, value] of Object.entries(input.values)) await page.getByLabel(label).fill(value);
  await page.getByLabel("Titre de l'avis").fill(input.title);
  await page.getByLabel("Texte de l'avis").fill(`${input.title} : nouveaux tarifs.`);
  await page.getByLabel("Date d'entrée en vigueur").fill(input.date);
  await page.getByRole("button", { name: "Publier" }).click();
}

async function customerSees(portal: Portal, person: Person, title: string): Promise<Page> {
  const page = await portal.visitor();
  await page.setViewportSize(PHONE);
  await signIn(page, person);
  await page.goto("/avis");
  await page.getByRole("heading", { level: 1, name: "Avis" }).waitFor();
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
  return page;
}

describe.runIf(postgresUrl)("MCR 5.3.5: a support price increase (MCR-BIL-05)", { timeout: 180_000 }, () => {
  let portal: Portal;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "multicloud-ready");
  }, 120_000);
  afterAll(() => portal?.stop());

  it("refuses a date inside the 30 days, publishes on the earliest 1st, and the customer reads it by e-mail and in the portal", async () => {
    const today = parisToday();
    const early = firstOnOrAfter(addDays(today, 1));
    const earliest = firstOnOrAfter(addDays(today, 30));
    const manager = await seedStaffMember(portal.server.db, "Orange Business", {
      email: "tarifs@orange-business.test",
      firstName: "Claire",
      lastName: "Roux",
      roles: ["account_manager"],
    });
    const customer = await seedOrganisation(portal.server.db, {
      kind: "customer",
      name: "Transports Garnier",
    });
    await holds(portal.server.db, customer, {
      item: "support-standard",
      from: "2026-03-01",
      plan: "standard",
    });
    const admin = await seedPerson(portal.server.db, {
      organisationId: customer,
      email: "dsi@transports-garnier.test",
      firstName: "Léa",
      lastName: "Garnier",
      roles: ["customer_admin"],
    });

    const page = await portal.visitor();
    await signIn(page, manager);
    await page.getByRole("link", { name: "Changements" }).click();
    await page.getByRole("heading", { level: 1, name: "Changements avec préavis" }).waitFor();
    await page.getByText(`${shown(earliest)} pour une hausse`, { exact: false }).waitFor();
    // Each price with its current terms in French numbers: 7,5 %, not 7.5 %.
    const standard = page
      .getByLabel("Prix concerné")
      .locator("option")
      .filter({ hasText: /^Standard/ });
    expect(await standard.textContent()).toMatch(/actuel : 7,5\s%, min\. 69,00\s€/);
    const increase = {
      price: /^Standard/,
      values: { "Nouveau pourcentage (%)": "8,5" },
      title: "Support Standard 2027",
    };
    await publish(page, { ...increase, date: early });
    const refusal = page.getByRole("alert");
    await refusal.getByText(french(earliest), { exact: false }).waitFor();
    await refusal.getByText("MCR-BIL-05", { exact: true }).waitFor();
    await checkPage(page, "80-mcr-increase-refused");
    await page.getByLabel("Date d'entrée en vigueur").fill(earliest);
    await page.getByRole("button", { name: "Publier" }).click();
    await page.getByRole("status").getByText("Changement publié : 1 avis, 1 courriel(s).").waitFor();
    await page.getByRole("cell", { name: "Transports Garnier" }).waitFor();
    await checkPage(page, "81-mcr-increase-published");
    await page.close();

    const mails = await portal.server.db.query<{ subject: string }>(
      "select subject from outbox where kind = 'change_announced' and to_address = $1",
      [admin.email],
    );
    expect(mails.rows.map((m) => m.subject)).toEqual([
      `Transports Garnier : Support Standard 2027, à compter du ${french(earliest)}`,
    ]);
    const reader = await customerSees(portal, admin, "Support Standard 2027");
    await reader.getByText(`Entrée en vigueur le ${shown(earliest)}`, { exact: false }).waitFor();
    await reader.getByText("8,5", { exact: false }).first().waitFor();
    await reader.getByRole("button", { name: "Marquer comme lu" }).click();
    await reader.getByText("Lu le", { exact: false }).waitFor();
    await checkPage(reader, "82-mcr-notice-read-phone");
    await reader.close();
  });
});

describe.runIf(postgresUrl)(
  "DSN 10.2: an e-service price increase in writing (DSN-BIL-01, DSN-BIL-02)",
  { timeout: 180_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "deux-sevres-eservices");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("refuses a date inside 3 months, publishes a letter, and the operator downloads it and terminates without fees", async () => {
      const today = parisToday();
      const earliest = addMonths(today, 3);
      const manager = await seedStaffMember(portal.server.db, "Deux-Sèvres Numérique", {
        email: "tarifs@deux-sevres.test",
        firstName: "Hugo",
        lastName: "Niort",
        roles: ["account_manager"],
      });
      // e-SAV's specific conditions (test values): 150.00 a month, 12 months' minimum, 3 months' notice.
      await portal.server.db.query(
        `insert into specific_conditions (catalogue_item_id, effective_from, document_title, document_version,
         monthly_price_cents, minimum_months, termination_notice_months, maintenance_notice_days)
       values ('e-sav', '2025-01-01', 'Conditions Spécifiques e-SAV', '2025', 15000, 12, 3, 5)`,
      );
      const operator = await seedOrganisation(portal.server.db, { kind: "customer", name: "Niort Connect" });
      await holds(portal.server.db, operator, {
        item: "e-sav",
        from: addDays(today, -30),
        price: 15_000,
        minimum: 12,
        notice: 3,
      });
      const admin = await seedPerson(portal.server.db, {
        organisationId: operator,
        email: "direction@niort-connect.test",
        firstName: "Inès",
        lastName: "Moreau",
        roles: ["customer_admin"],
      });

      const page = await portal.visitor();
      await signIn(page, manager);
      await page.getByRole("link", { name: "Changements" }).click();
      await page.getByText(`${shown(earliest)} pour une hausse`, { exact: false }).waitFor();
      const increase = {
        price: /^e-SAV/,
        values: { "Nouveau prix mensuel HT (€)": "180.00" },
        title: "Prix e-SAV",
      };
      await publish(page, { ...increase, date: addDays(earliest, -1) });
      const refusal = page.getByRole("alert");
      await refusal.getByText(french(earliest), { exact: false }).waitFor();
      await refusal.getByText("DSN-BIL-01", { exact: true }).waitFor();
      await checkPage(page, "83-dsn-increase-refused");
      await page.getByLabel("Date d'entrée en vigueur").fill(earliest);
      await page.getByRole("button", { name: "Publier" }).click();
      await page.getByRole("status").getByText("Changement publié : 1 avis, 1 courriel(s).").waitFor();
      await checkPage(page, "84-dsn-increase-published");
      await page.close();

      const reader = await customerSees(portal, admin, "Prix e-SAV");
      await reader.getByText("180,00", { exact: false }).first().waitFor();
      const href = await reader
        .getByRole("link", { name: "Télécharger le courrier (PDF)" })
        .getAttribute("href");
      const letter = await reader.request.get(href ?? "");
      expect(letter.headers()["content-type"]).toBe("application/pdf");
      expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");
      await checkPage(reader, "85-dsn-notice-phone");
      await reader.getByRole("button", { name: "Résilier e-SAV sans pénalité" }).click();
      await reader.getByRole("button", { name: "Confirmer la résiliation de e-SAV" }).click();
      const done = reader.getByRole("status");
      await done.getByText(`prend fin le ${french(earliest)}`, { exact: false }).waitFor();
      await done.getByText("Total dû : 0,00", { exact: false }).waitFor();
      await done.getByText("DSN-BIL-02", { exact: false }).waitFor();
      await checkPage(reader, "86-dsn-terminated-without-fees-phone");
      await reader.close();
    });
  },
);
