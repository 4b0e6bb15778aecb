import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");
const FOCUS_SAMPLE = fileURLToPath(new URL("../test/data/focus/focus_sample_1.0.csv", import.meta.url));

/** A customer's identity and billing address, as the Clients page records them. */
async function billingDetails(db: pg.Pool, organisationId: string, siren: string): Promise<void> {
  await db.query(
    `insert into customer_details (organisation_id, siren, billing_address, billing_postal_code, billing_city, billing_email)
     values ($1, $2, '4 route de Vannes', '44800', 'Saint-Herblain', 'factures@client.test')`,
    [organisationId, siren],
  );
}

const staffMember = (db: pg.Pool, name: string): Promise<Person> =>
  seedStaffMember(db, name, {
    email: "facturation@provider.test",
    firstName: "Inès",
    lastName: "Compta",
    roles: ["billing"],
  });

/** Issues a month's invoices from the Factures page, as billing staff. */
async function runMonth(page: Page, month: string, issued: number): Promise<void> {
  await page.getByLabel("Mois (AAAA-MM)").fill(month);
  await page.getByRole("button", { name: "Émettre les factures" }).click();
  await page
    .getByRole("status")
    .getByText(`${issued} facture${issued > 1 ? "s" : ""} émise`, { exact: false })
    .waitFor();
}

/** Opens the Factures section from the main navigation (the home page lists it too). */
async function openInvoices(page: Page): Promise<void> {
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Factures" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Factures" }).waitFor();
}

/** Clicks a download link of the page and returns the file's bytes. */
async function download(page: Page, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.runIf(postgresUrl)(
  "an MCR customer's month from a FOCUS file to its invoice (MCR-BIL-01, MCR-BIL-02, MCR-BIL-04)",
  { timeout: 180_000 },
  () => {
    let portal: Portal;
    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "multicloud-ready");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("staff import the FinOps sample, see its account unmatched, issue September's invoice; the customer downloads it", async () => {
      const db = portal.server.db;
      const staff = await staffMember(db, "MultiCloud Ready");
      const customer = await seedOrganisation(db, { kind: "customer", name: "Transports Garnier" });
      // On Business since January 2024: the plan in force on 1 September 2024 sets the fee.
      await db.query(
        "insert into subscriptions (organisation_id, catalogue_item_id, starts_on) values ($1, 'support-business', '2024-01-01')",
        [customer],
      );
      await billingDetails(db, customer, "552100554");
      const admin = await seedPerson(db, {
        organisationId: customer,
        email: "compta@transports-garnier.test",
        firstName: "Léa",
        lastName: "Garnier",
        roles: ["customer_admin"],
      });
      // The AWS account as an accepted order records it (issue 16, MCR-ACC-04): billing matches FOCUS lines to it.
      await db.query(
        `insert into vendor_accounts (organisation_id, catalogue_item_id, vendor_account_id, billing_account_id, console_url, created_at)
         values ($1, 'aws', '1234567890123', '1234567890123', 'https://console.aws.amazon.com/', now())`,
        [customer],
      );
      // 1 September 2024 is a Sunday: the ECB rate of Friday 30 August.
      await db.query(
        "insert into euro_rates (day, currency, units_per_euro, imported_at) values ('2024-08-30', 'USD', '1.1087', now())",
      );

      // Before the month's costs arrive, the customer's administrator sets a budget for AWS, warning herself.
      const budgeter = await portal.visitor();
      await signIn(budgeter, admin);
      await budgeter
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Budgets" })
        .click();
      await budgeter.getByRole("heading", { level: 1, name: "Budgets et alertes" }).waitFor();
      await budgeter.getByText("Aucun budget pour l'instant.").waitFor();
      await budgeter.getByLabel("Montant mensuel hors TVA (€)").fill("10");
      await budgeter.getByLabel("Seuils en pourcentage du budget").fill("50, 100");
      await budgeter.getByLabel(/Léa Garnier/).check();
      await budgeter.getByRole("button", { name: "Enregistrer le budget" }).click();
      await budgeter
        .getByRole("status")
        .getByText("Budget enregistré ; aucun seuil n'est atteint ce mois-ci.")
        .waitFor();
      await budgeter.getByRole("cell", { name: "l'ensemble du compte", exact: true }).waitFor();
      await checkPage(budgeter, "64-mcr-budget-set");

      const page = await portal.visitor();
      await signIn(page, staff);
      await openInvoices(page);
      // Staff import the month's FOCUS export from the page. A file that is not FOCUS is refused,
      // named, with the column it lacks, and nothing of it is kept.
      const files = page.locator('input[type="file"]');
      await files.setInputFiles({
        name: "export.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("a,b\n1,2\n"),
      });
      await page.getByRole("button", { name: "Importer", exact: true }).click();
      await page
        .getByRole("alert")
        .getByText(/export\.csv.*colonne BilledCost absente/)
        .waitFor();
      await files.setInputFiles({
        name: "focus_sample_1.0.csv",
        mimeType: "text/csv",
        buffer: readFileSync(FOCUS_SAMPLE),
      });
      await page.getByRole("button", { name: "Importer", exact: true }).click();
      const report = page.getByRole("status").filter({ hasText: "lignes lues" });
      await report.getByText(/^1\s000 lignes lues ; \d+ comptes fournisseurs sans client\.$/).waitFor();
      await report
        .getByText(/^Microsoft, compte .+, septembre 2024 \(\d+ lignes\) : importé$/)
        .first()
        .waitFor();
      // Oracle's late hour of 30 September, billed in October's period: one line.
      await report
        .getByText("Oracle, compte 20209880, octobre 2024 (1 ligne) : importé", { exact: true })
        .waitFor();
      await checkPage(page, "60a-mcr-cost-import");
      // The AWS account recorded on the customer's order matched its lines; Microsoft's and Oracle's stay for staff.
      // Each vendor by the name its file gives it (ProviderName), not by the sums' slug.
      await page.getByRole("cell", { name: "Microsoft", exact: true }).first().waitFor();
      expect(await page.getByRole("cell", { name: /^aws$/i }).count()).toBe(0);
      await checkPage(page, "60-mcr-unmatched-accounts");
      // The import brought September's costs above the budget: the alert mails are in the outbox,
      // addressed to the person the customer named (MCR 6.1.2 "gestion budgétaire (alertes)").
      const alerts = await db.query(
        "select kind, subject from outbox where to_address = $1 and kind like 'budget_alert%' order by subject",
        [admin.email],
      );
      expect(alerts.rows.map((r: { subject: string }) => r.subject)).toEqual([
        "Budget l'ensemble du compte de septembre 2024 : 100 % atteints",
        "Budget l'ensemble du compte de septembre 2024 : 50 % atteints",
        "Budget l'ensemble du compte de septembre 2024 : la prévision dépasse 100 %",
        "Budget l'ensemble du compte de septembre 2024 : la prévision dépasse 50 %",
      ]);

      await runMonth(page, "2024-09", 1);
      await checkPage(page, "61-mcr-invoice-run");
      // A correction is a credit note (an issued invoice never changes): part of the invoice,
      // typed the French way, with its reason; it is numbered next in the same sequence.
      await page.getByRole("button", { name: /^Émettre un avoir sur la facture \d{4}-000001$/ }).click();
      const dialog = page.getByRole("dialog", { name: /^Avoir sur la facture \d{4}-000001$/ });
      await dialog.getByLabel("Montant de l'avoir hors TVA (EUR)").fill("10,50");
      await dialog.getByLabel("Motif").fill("Geste commercial sur le support de septembre");
      await checkPage(page, "61b-mcr-credit-note-dialog");
      await dialog.getByRole("button", { name: "Émettre l'avoir" }).click();
      await page
        .getByRole("status")
        .getByText(/^Avoir \d{4}-000002 émis pour Transports Garnier.* : 10,50\s€ HT\.$/)
        .waitFor();
      await page.getByText(/^corrige la facture \d{4}-000001$/).waitFor();
      const creditNote = await db.query("select document from invoices where kind = 'credit_note'");
      expect(JSON.stringify(creditNote.rows[0].document)).toContain(
        "Geste commercial sur le support de septembre",
      );
      await page.close();

      const reader = await portal.visitor();
      await signIn(reader, admin);
      await openInvoices(reader);
      const number = reader.getByRole("cell", { name: /^\d{4}-000001$/ });
      await number.waitFor();
      await reader.getByRole("cell", { name: "septembre 2024", exact: true }).first().waitFor();
      await checkPage(reader, "62-mcr-customer-invoices");
      // Issue 17: the simulation's month picker, the current month by default; September shows its invoice.
      const picker = reader.getByLabel("Mois de la simulation");
      const parisMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" })
        .format(new Date())
        .slice(0, 7);
      expect(await picker.inputValue()).toBe(parisMonth);
      await picker.selectOption("2024-09");
      await reader
        .getByRole("status")
        .getByText(/^Facture \d{4}-000001 émise le .* pour ce mois : /)
        .waitFor();
      await reader.getByText(/^Mois à date \(jusqu'au .*2024\) : [\d\s]+,\d{2}\s€$/).waitFor();
      // September's every day is imported: nothing is left to forecast, and the page says so by
      // showing none; it still says what is resold.
      await reader.getByText(/^Les taxes des éditeurs ne sont pas refacturées/).waitFor();
      expect(await reader.getByText(/^Prévision fin de mois/).count()).toBe(0);
      await checkPage(reader, "62b-mcr-simulation-past-month");
      const pdf = await download(reader, /^PDF \d{4}-000001$/);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.toString("latin1")).toContain("factur-x.xml");
      const xml = (await download(reader, /^XML \d{4}-000001$/)).toString("utf8");
      // Business: 10 % of the basis with a 199 € minimum (the sample's AWS lines are a few euros).
      expect(xml).toContain("Support Business");
      expect(xml).toContain("199,00\u00a0€/mois (appliqué)");
      expect(xml).toContain("taux BCE du 30/08/2024");
      // Read online too (MCR 6.1.2 "consulter l'ensemble des factures en ligne"): the lines in
      // words, the VAT, the totals and the mentions; the credit note says which invoice it corrects.
      await reader.getByRole("link", { name: /^\d{4}-000002$/ }).click();
      await reader.getByRole("heading", { level: 1, name: /^Avoir \d{4}-000002$/ }).waitFor();
      await reader.getByText("Geste commercial sur le support de septembre").waitFor();
      await reader.getByRole("link", { name: /^\d{4}-000001$/ }).click();
      await reader.getByRole("heading", { level: 1, name: /^Facture \d{4}-000001$/ }).waitFor();
      await reader.getByText(/^Support Business$/).waitFor();
      await reader.getByText(/^TVA 20\s% sur [\d\s]+,\d{2}\s€ : [\d\s]+,\d{2}\s€$/).waitFor();
      await reader.getByText(/^Indemnité forfaitaire pour frais de recouvrement/).waitFor();
      await checkPage(reader, "62c-mcr-invoice-online");
      await reader.getByRole("link", { name: "← Factures et avoirs" }).click();

      // The detailed billing: the customer's own FOCUS lines of September, as CSV. The server's
      // background step writes them within seconds of the import (issue 17: off the import's
      // critical path); until then the page says they are being prepared, and offers the links once
      // they are written, without her reloading it.
      await reader.getByRole("link", { name: /^CSV de septembre 2024$/ }).waitFor({ timeout: 60_000 });
      const detail = (await download(reader, /^CSV de septembre 2024$/)).toString("utf8");
      expect(detail.split("\n")[0]).toContain("BilledCost");
      expect(detail).toContain("1234567890123");
      expect(detail).not.toContain("Microsoft");

      // The cost explorer over September: charts by day, vendor, service and region, and the CSV.
      await reader
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Coûts" })
        .click();
      await reader.getByRole("heading", { level: 1, name: "Explorateur de coûts" }).waitFor();
      await reader.getByLabel("Du").fill("2024-09-01");
      await reader.getByLabel("Au").fill("2024-09-30");
      await reader.getByRole("button", { name: "Afficher" }).click();
      await reader
        .getByRole("status")
        .getByText(/^Total : .* du 1 sept\. 2024 au 30 sept\. 2024$/)
        .waitFor();
      await reader.getByRole("heading", { name: "Par service", exact: true }).waitFor();
      // The figures' table names its currency, the contract's.
      await reader.getByRole("columnheader", { name: "Montant (EUR)" }).waitFor();
      await reader.getByText("Taux BCE du 30 août 2024 : 1 € = 1,1087 USD").waitFor();
      await checkPage(reader, "65-mcr-cost-explorer");
      const [csv] = await Promise.all([
        reader.waitForEvent("download"),
        reader.getByRole("button", { name: "Exporter en CSV" }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe("couts-2024-09-01-2024-09-30.csv");
      // Each vendor by its slug for machines and its name for people.
      const rows = readFileSync((await csv.path()) as string, "utf8").split("\r\n");
      expect(rows[0]).toBe("day,vendor,vendor_name,service,region,amount_eur");
      expect(rows[1]).toMatch(/^2024-09-\d{2},aws,AWS,/);
      // On a phone-sized window too.
      await reader.setViewportSize({ width: 390, height: 844 });
      await checkPage(reader, "66-mcr-cost-explorer-phone");
      await reader.goto("/budgets");
      await reader
        .getByText(/septembre 2024 : 50 % atteints/)
        .first()
        .waitFor();
      await checkPage(reader, "67-mcr-budget-alerts-phone");
      await reader.close();
      await budgeter.close();
    });
  },
);

describe.runIf(postgresUrl)("a DSN operator's invoice (DSN-ORD-03)", { timeout: 180_000 }, () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "deux-sevres-eservices");
  }, 120_000);
  afterAll(() => portal?.stop());

  it("invoices last month's e-SAV from the order form's reception, prorated, and the operator downloads it", async () => {
    const db = portal.server.db;
    const staff = await staffMember(db, "Deux-Sèvres Numérique");
    const operator = await seedOrganisation(db, { kind: "customer", name: "Niort Connect" });
    await billingDetails(db, operator, "542051180");
    const admin = await seedPerson(db, {
      organisationId: operator,
      email: "admin@niort-connect.test",
      firstName: "Paul",
      lastName: "Niort",
      roles: ["customer_admin"],
    });
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    const month = last.toISOString().slice(0, 7);
    const days = last.getUTCDate();
    await db.query(
      `insert into specific_conditions (catalogue_item_id, effective_from, document_title, document_version,
         monthly_price_cents, minimum_months, termination_notice_months, maintenance_notice_days)
       values ('e-sav', '2020-01-01', 'Conditions Spécifiques e-SAV (test)', '1.0', 15000, 12, 3, 15)`,
    );
    // The order form was received on the 10th and the e-service activated on the 20th: invoicing
    // runs from the reception (DSN-ORD-03, subscriptions.invoicing_from).
    await db.query(
      "insert into subscriptions (organisation_id, catalogue_item_id, starts_on, invoicing_from) values ($1, 'e-sav', $2, $3)",
      [operator, `${month}-20`, `${month}-10`],
    );

    const page = await portal.visitor();
    await signIn(page, staff);
    await page.goto("/factures");
    await runMonth(page, month, 1);
    await page.close();

    const reader = await portal.visitor();
    await signIn(reader, admin);
    await openInvoices(reader);
    await reader.getByRole("cell", { name: /^\d{4}-000001$/ }).waitFor();
    await checkPage(reader, "63-dsn-operator-invoices");
    // The DSN contract sells no cloud consumption: neither Coûts nor Budgets is offered, and the
    // invoices cite the deployment's rule, never another provider's clause (GEN-02, MCR-BIL-04).
    expect(await reader.getByRole("link", { name: "Coûts" }).count()).toBe(0);
    expect(await reader.getByRole("link", { name: "Budgets" }).count()).toBe(0);
    expect(await reader.getByText(/MCR-BIL/).count()).toBe(0);
    // Nor does the page promise a simulation of the month, which only consumption has.
    await reader
      .getByText("Vos factures et avoirs, à lire en ligne ou à télécharger en PDF (Factur-X) et en XML.", {
        exact: true,
      })
      .waitFor();
    expect(await reader.getByText(/simulation/i).count()).toBe(0);
    await reader.getByText("Règle du déploiement").first().waitFor();
    const xml = (await download(reader, /^XML \d{4}-000001$/)).toString("utf8");
    // 150.00 € × (days from the 10th) / days of the month, rounded half-up to the cent.
    const covered = days - 9;
    const cents = Math.floor((15000 * covered * 2) / days + 1) >> 1;
    expect(xml).toContain(`<ram:LineTotalAmount>${(cents / 100).toFixed(2)}</ram:LineTotalAmount>`);
    expect(xml).toContain("Syndicat Mixte Ouvert Deux-Sèvres Numérique");
    expect(xml).toContain(`${covered}/${days} jours`);
    // Read online, the same words: the prorated days and the specific conditions' price.
    await reader.getByRole("link", { name: /^\d{4}-000001$/ }).click();
    await reader.getByRole("heading", { level: 1, name: /^Facture \d{4}-000001$/ }).waitFor();
    await reader.getByText(new RegExp(`${covered}/${days} jours × 150,00\\s€/mois`)).waitFor();
    expect(await reader.getByText(/MCR-BIL/).count()).toBe(0);
    await checkPage(reader, "63b-dsn-invoice-online");
    await reader.close();
  });
});
