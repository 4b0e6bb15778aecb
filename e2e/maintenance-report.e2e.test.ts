import { readFile } from "node:fs/promises";
import type pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";
import type { ContractId } from "./support/server.js";

const postgresUrl = inject("postgresUrl");
const DAY = 86_400_000;
const PARIS = "Europe/Paris";

/** A day `days` from now in Paris, as a datetime-local input holds it with a time: "2026-12-03T08:00". */
function parisInput(days: number, time: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS }).format(Date.now() + days * DAY);
  return `${day}T${time}`;
}

/** That day as the portal writes it in French: "jeudi 3 décembre 2026". */
function frenchDay(days: number): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeZone: PARIS }).format(
    Date.now() + days * DAY,
  );
}

/** A write through the API with the page's own session and CSRF token, as an integration would. */
async function postAs(page: Page, path: string, data: Record<string, unknown>): Promise<{ id: string }> {
  const { csrfToken } = (await (await page.request.get("/api/auth/me")).json()) as { csrfToken: string };
  const answer = await page.request.post(path, { data, headers: { "x-csrf-token": csrfToken } });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string };
}

/**
 * Moves a ticket back in time, as if opened at `openedAt` and answered `answeredAfter` minutes
 * later: its opening stays its first event, everything after it (the answer) comes that much later.
 */
async function backdate(db: pg.Pool, ticketId: string, openedAt: Date, answeredAfter: number) {
  const answeredAt = new Date(openedAt.getTime() + answeredAfter * 60_000);
  await db.query("update tickets set created_at = $2, updated_at = $3 where id = $1", [
    ticketId,
    openedAt,
    answeredAt,
  ]);
  await db.query(
    "update ticket_events set at = case when type = 'created' then $2::timestamptz else $3::timestamptz end where ticket_id = $1",
    [ticketId, openedAt, answeredAt],
  );
}

/** The first day of the month `back` months before this one, at `hour` UTC (well inside it in Paris). */
function monthsAgo(back: number, day: number, hour: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, hour));
}

/** The cells of a table's row whose header reads `header`, as the reader sees them: "1 | 0 | 45 min". */
async function rowCells(page: Page, testId: string, header: string): Promise<string> {
  const row = page
    .getByTestId(testId)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: header }) });
  const cells = await row.getByRole("cell").allTextContents();
  return cells.map((text) => text.replace(/\s+/g, " ").trim()).join(" | ");
}

/** "Prénom Nom" of an organisation with its roles: one line per person seeded. */
async function seed(
  db: pg.Pool,
  organisationId: string,
  email: string,
  name: string,
  roles: string[],
  extra: { totp?: boolean; namedContact?: boolean } = {},
): Promise<Person> {
  const [firstName = "", lastName = ""] = name.split(" ");
  return seedPerson(db, { organisationId, email, firstName, lastName, roles, ...extra });
}

interface Deployment {
  contract: ContractId;
  provider: string;
  /** The support agent's e-mail address and name. */
  agent: [string, string];
}
const DSN: Deployment = {
  contract: "deux-sevres-eservices",
  provider: "Deux-Sèvres Numérique",
  agent: ["soutien@deux-sevres-numerique.test", "Hugo Girard"],
};
const MCR: Deployment = {
  contract: "multicloud-ready",
  provider: "MultiCloud Ready",
  agent: ["support@multicloud-ready.test", "Karim Benali"],
};

/** A deployment's server and browser, its provider, and one support agent with a second factor. */
async function startWithAgent({ contract, provider, agent: [email, name] }: Deployment) {
  const portal = await startPortal(postgresUrl, contract);
  const { db } = portal.server;
  const providerId = await seedOrganisation(db, { kind: "provider", name: provider });
  return { portal, db, agent: await seed(db, providerId, email, name, ["support_agent"], { totp: true }) };
}

/** Deux-Sèvres Numérique: maintenance announced with the notice of DSN art. 14, seen by the operator. */
describe.runIf(postgresUrl)("scheduled maintenance (deux-sevres-eservices)", { timeout: 180_000 }, () => {
  let portal: Portal;
  let agent: Person;
  let operator: Person;

  beforeAll(async () => {
    const { db, ...started } = await startWithAgent(DSN);
    ({ portal, agent } = started);
    const niort = await seedOrganisation(db, {
      kind: "customer",
      name: "Niort Connect",
      holds: ["e-sav"],
    });
    operator = await seed(db, niort, "noc@niort-connect.test", "Léa Moreau", ["user"]);
    // DSN art. 14: each e-service's notice is in its specific conditions (test values): e-SAV 5 days,
    // FTTE eligibility 3 days (issue 14: Guichet has no notice of its own).
    await db.query(
      `insert into specific_conditions (catalogue_item_id, effective_from, document_title, document_version,
         monthly_price_cents, minimum_months, termination_notice_months, maintenance_notice_days)
       values ('e-sav', '2025-01-01', 'Conditions Spécifiques e-SAV', 'v5', 15000, 12, 3, 5),
              ('eligibilite-ftte', '2025-01-01', 'Conditions Spécifiques Éligibilité FTTE', 'v2', 5000, 0, 1, 3)`,
    );
  }, 90_000);

  afterAll(() => portal?.stop());

  it("refuses a maintenance announced without the notice of the e-service's specific conditions, citing DSN-SUP-07, accepts one further ahead, and the operator sees it in Paris time with its notice", async () => {
    const page = await portal.visitor();
    await signIn(page, agent);
    await page.getByRole("navigation").getByRole("link", { name: "Maintenance" }).click();
    await page.getByRole("heading", { level: 1, name: "Maintenance et disponibilité" }).waitFor();
    const announce = page.getByRole("region", { name: "Annoncer une maintenance" });
    await announce.getByLabel("Service").selectOption({ label: "e-SAV" });
    await announce.getByLabel("Titre").fill("Mise à jour de la plateforme e-SAV");
    await announce
      .getByLabel("Description")
      .fill("Les tests de ligne et le dépôt de tickets SAV seront interrompus.");
    await announce.getByLabel("Début").fill(parisInput(2, "08:00"));
    await announce.getByLabel("Fin au plus tard").fill(parisInput(2, "12:00"));
    await announce.getByLabel("Interruption prévue (minutes)").fill("120");
    await announce.getByRole("button", { name: "Annoncer la maintenance" }).click();
    const refusal = announce.getByRole("alert").filter({ hasText: "Préavis insuffisant" });
    // French typography puts no-break spaces before ":" and ";": any space will do here.
    await refusal
      .getByText(
        /une\smaintenance\ss'annonce\s5\sjours\sà\sl'avance\s;\scelle-ci\spourrait\scommencer\sau\splus\stôt\sle\s/,
      )
      .waitFor();
    await refusal.getByText("DSN-SUP-07", { exact: true }).waitFor();
    await checkPage(page, "maint-01-notice-too-short");

    // Ten days ahead, 08:00 to 12:00 in Paris: the one person of the one operator holding e-SAV is told.
    await announce.getByLabel("Début").fill(parisInput(10, "08:00"));
    await announce.getByLabel("Fin au plus tard").fill(parisInput(10, "12:00"));
    await announce.getByRole("button", { name: "Annoncer la maintenance" }).click();
    await announce
      .getByRole("status")
      .getByText("Maintenance annoncée : 1 personne prévenue par e-mail, chez 1 client.")
      .waitFor();
    const announced = page.getByRole("region", { name: "Maintenances annoncées" }).getByTestId("maintenance");
    const esav = announced.filter({ hasText: "e-SAV — Mise à jour de la plateforme e-SAV" });
    await esav.getByText(`${frenchDay(10)}`, { exact: false }).waitFor();
    await esav.getByText("À venir", { exact: true }).waitFor();
    await esav
      .getByText(/^Préavis\s:\s5\sjours, selon Conditions Spécifiques e-SAV v5 \(DSN-SUP-07\)\.$/)
      .waitFor();
    await checkPage(page, "maint-02-announced");

    // Too short again for another service: the refusal offers the earliest start, which is accepted.
    await announce.getByLabel("Service").selectOption({ label: "Éligibilité FTTE" });
    await announce.getByLabel("Titre").fill("Bascule du serveur d'éligibilité");
    await announce.getByLabel("Description").fill("Consultations d'éligibilité indisponibles.");
    await announce.getByLabel("Début").fill(parisInput(1, "22:00"));
    await announce.getByLabel("Fin au plus tard").fill(parisInput(1, "23:00"));
    await announce.getByLabel("Interruption prévue (minutes)").fill("30");
    await announce.getByRole("button", { name: "Annoncer la maintenance" }).click();
    await announce.getByRole("button", { name: /^Décaler le début au / }).click();
    expect(await announce.getByRole("alert").count()).toBe(0);
    await announce.getByRole("button", { name: "Annoncer la maintenance" }).click();
    await announce
      .getByText("Maintenance annoncée : 0 personne prévenue par e-mail, chez 0 client.")
      .waitFor();

    // Cancelled with a reason: it leaves the list.
    await page
      .getByRole("button", { name: "Annuler la maintenance « Bascule du serveur d'éligibilité »" })
      .click();
    const dialog = page.getByRole("dialog", {
      name: "Annuler la maintenance « Bascule du serveur d'éligibilité »",
    });
    await dialog.getByLabel(/^Motif/).fill("Bascule reportée au mois prochain.");
    await checkPage(page, "maint-03-cancel-dialog");
    await dialog.getByRole("button", { name: "Annuler la maintenance" }).click();
    await page
      .getByText("Maintenance « Bascule du serveur d'éligibilité » annulée", { exact: false })
      .waitFor();
    await announced.filter({ hasText: "Bascule" }).waitFor({ state: "detached" });
    expect(await announced.count()).toBe(1);
    // It moves to the history, with who cancelled it and why (DSN-SUP-07).
    const history = page.getByRole("region", { name: "Maintenances passées et annulées" });
    const bascule = history
      .getByTestId("maintenance")
      .filter({ hasText: "Éligibilité FTTE — Bascule du serveur d'éligibilité" });
    await bascule.getByText("Annulée", { exact: true }).waitFor();
    await bascule
      .getByText(/^Annulée le .+ par Hugo Girard <soutien@deux-sevres-numerique\.test>\.$/)
      .waitFor();
    await bascule.getByText("Motif : Bascule reportée au mois prochain.").waitFor();
    expect(await history.getByTestId("maintenance").count()).toBe(1);

    // The portal declared unavailable, then available again (DSN-SUP-08).
    const outage = page.getByRole("region", { name: "Indisponibilité du portail" });
    await outage.getByText("Aucune indisponibilité déclarée : le portail est disponible.").waitFor();
    await outage.getByLabel(/^Motif/).fill("Panne du frontal e-soutien");
    await outage.getByRole("button", { name: "Déclarer l'indisponibilité" }).click();
    await outage.getByText(/^Portail déclaré indisponible depuis le /).waitFor();
    await outage.getByText("Motif : Panne du frontal e-soutien").waitFor();
    await checkPage(page, "maint-04-portal-outage");
    await outage.getByRole("button", { name: "Mettre fin à l'indisponibilité" }).click();
    await outage.getByText("Le portail est de nouveau disponible.").waitFor();

    // The operator: a notice above its signalisations, and the page with the whole announcement.
    const customer = await portal.visitor();
    await signIn(customer, operator);
    await customer.getByRole("heading", { level: 1, name: "Signalisations" }).waitFor();
    const notice = customer.getByRole("region", { name: "Maintenance programmée" });
    const line = notice.getByRole("listitem");
    await line.waitFor();
    const text = (await line.textContent())?.replace(/\s+/g, " ") ?? "";
    expect(text).toContain(`e-SAV — Mise à jour de la plateforme e-SAV : ${frenchDay(10)}`);
    expect(text).toMatch(/08:00 ?– ?12:00 \(heure de Paris\), interruption prévue 2 h 00 min\.$/);
    expect(await notice.getByText("Éligibilité FTTE").count()).toBe(0);
    await checkPage(customer, "maint-05-operator-notice");

    await customer.getByRole("navigation").getByRole("link", { name: "Maintenance" }).click();
    await customer.getByRole("heading", { level: 1, name: "Maintenances programmées" }).waitFor();
    const item = customer.getByTestId("maintenance");
    await item.getByText("Les tests de ligne et le dépôt de tickets SAV seront interrompus.").waitFor();
    await item.getByText("Interruption prévue : 2 h 00 min").waitFor();
    await item.getByText(/^Préavis\s:\s5\sjours, selon Conditions Spécifiques e-SAV v5/).waitFor();
    expect(await customer.getByRole("button", { name: /^Annuler/ }).count()).toBe(0);
    await checkPage(customer, "maint-06-operator-page");
  });
});

/** MultiCloud Ready: a Premium customer's initial-response figures, month by month (MCR-SUP-06). */
describe.runIf(postgresUrl)("the SLA report (multicloud-ready)", { timeout: 180_000 }, () => {
  let portal: Portal;
  let agent: Person;
  let contact: Person;
  let administrator: Person;

  beforeAll(async () => {
    const { db, ...started } = await startWithAgent(MCR);
    ({ portal, agent } = started);
    const ducasse = await seedOrganisation(db, {
      kind: "customer",
      name: "Banque Ducasse",
      holds: ["support-premium"],
    });
    contact = await seed(db, ducasse, "exploitation@banque-ducasse.test", "Nina Ducasse", ["named_contact"], {
      namedContact: true,
    });
    administrator = await seed(db, ducasse, "dsi@banque-ducasse.test", "Paul Ducasse", ["customer_admin"]);
    await seedOrganisation(db, { kind: "customer", name: "Atelier Lumière", holds: ["support-basic"] });
  }, 90_000);

  afterAll(() => portal?.stop());

  it("shows support a customer's month per priority, the 12 months as a chart and a table, and downloads the CSV", async () => {
    // Premium targets (24x7): P1 < 30 min, P2 < 1 h, P3 < 8 h.
    const customer = await portal.visitor();
    await signIn(customer, contact);
    const ticket = (priority: string, title: string) =>
      postAs(customer, "/api/tickets", { category: "incident", priority, title, description: `${title}.` });
    const twoMonthsAgo = await ticket("P1", "Console inaccessible");
    const lastMonth = await ticket("P1", "Base de données arrêtée");
    const thisMonth = await ticket("P3", "Question sur les quotas");
    await ticket("P2", "Lenteurs réseau");
    const support = await portal.visitor();
    await signIn(support, agent);
    for (const { id } of [twoMonthsAgo, lastMonth, thisMonth]) {
      await postAs(support, `/api/tickets/${id}/messages`, { body: "Nous regardons.", visibility: "public" });
    }
    // Answered in 10 minutes two months ago (met), in 45 minutes last month (missed), in 20 today (met).
    await backdate(portal.server.db, twoMonthsAgo.id, monthsAgo(2, 10, 9), 10);
    await backdate(portal.server.db, lastMonth.id, monthsAgo(1, 10, 9), 45);
    await backdate(portal.server.db, thisMonth.id, new Date(Date.now() - 25 * 60_000), 20);

    await support.getByRole("navigation").getByRole("link", { name: "Rapport SLA" }).click();
    await support.getByRole("heading", { level: 1, name: "Rapport SLA" }).waitFor();
    await support.getByText("Choisissez un client pour afficher son rapport.").waitFor();
    const customers = await support.getByLabel("Client").locator("option").allTextContents();
    expect(customers).toEqual(["Choisissez un client", "Atelier Lumière", "Banque Ducasse"]);
    await support.getByLabel("Client").selectOption({ label: "Banque Ducasse" });
    await support.getByRole("button", { name: "Filtrer" }).click();
    await support.getByText("Rapport — Banque Ducasse", { exact: true }).first().waitFor();

    // This month: the P3 answered in 20 minutes of its 8 hours, the P2 still within its hour.
    expect(await rowCells(support, "sla-month", "P3 — Standard")).toBe("1 | 1 | 0 | 0 | 20 min | 20 min");
    expect(await rowCells(support, "sla-month", "P2 — Majeur")).toBe("1 | 0 | 0 | 1 | — | —");
    expect(await rowCells(support, "sla-month", "Toutes priorités")).toBe("2 | 1 | 0 | 1 | 20 min | 20 min");

    const chart = support.getByRole("img", { name: /^Tickets comptés par mois, de .+ à .+$/ });
    await chart.waitFor();
    expect(await chart.locator("desc").textContent()).toBe(
      "Sur la période : 4 tickets comptés, dont 2 dans le délai, 1 hors délai et 1 en cours. Le tableau qui suit donne les chiffres de chaque mois.",
    );
    await support.getByRole("list", { name: "Légende" }).getByText("Délai dépassé").waitFor();
    const series = support.getByTestId("sla-series").getByRole("row");
    expect(await series.count()).toBe(13);
    const monthName = (back: number) =>
      new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: PARIS }).format(
        monthsAgo(back, 10, 9),
      );
    expect(await rowCells(support, "sla-series", monthName(2))).toBe("1 | 1 | 0 | 0 | 10 min | 10 min");
    expect(await rowCells(support, "sla-series", monthName(1))).toBe("1 | 0 | 1 | 0 | 45 min | 45 min");
    await checkPage(support, "report-01-support");

    const [download] = await Promise.all([
      support.waitForEvent("download"),
      support.getByRole("link", { name: "Télécharger le rapport sur 12 mois (CSV)" }).click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toMatch(/^Mois;Organisation;Priorité;/);
    expect(lines.filter((l) => l.includes("Banque Ducasse"))).toHaveLength(12 * 4);

    // In English, the CSV is English although the browser still asks for French (Accept-Language fr-FR).
    await support.getByRole("button", { name: "English" }).click();
    const [english] = await Promise.all([
      support.waitForEvent("download"),
      support.getByRole("link", { name: "Download the 12-month report (CSV)" }).click(),
    ]);
    const englishCsv = await readFile(await english.path(), "utf8");
    expect(englishCsv.replace(/^\uFEFF/, "")).toMatch(/^Month,Organisation,Priority,/);
    await support.getByRole("button", { name: "Français" }).click();

    // Last month per priority: the P1 answered after 45 minutes missed its 30.
    await support.getByLabel("Mois", { exact: true }).selectOption({ label: monthName(1) });
    await support.getByRole("button", { name: "Filtrer" }).click();
    await support.getByRole("heading", { name: `Par priorité — ${monthName(1)}` }).waitFor();
    expect(await rowCells(support, "sla-month", "P1 — Critique")).toBe("1 | 0 | 1 | 0 | 45 min | 45 min");
    // MCR-SUP-06: the MTTI is a mean, judged against the target on the mean (issue 14).
    expect(await rowCells(support, "sla-mean", "Premium")).toBe(
      "P1 — Critique | 1 | 45 min | < 30 min | Non respecté",
    );
    await checkPage(support, "report-03-mean");
  });

  it("shows the customer's administrator its own report, without choosing a customer", async () => {
    const page = await portal.visitor();
    await signIn(page, administrator);
    await page.getByRole("navigation").getByRole("link", { name: "Rapport SLA" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport SLA" }).waitFor();
    expect(await page.getByLabel("Client").count()).toBe(0);
    await page.getByText("Rapport — Banque Ducasse", { exact: true }).first().waitFor();
    expect(await rowCells(page, "sla-month", "Toutes priorités")).toBe("2 | 1 | 0 | 1 | 20 min | 20 min");
    await page.getByRole("img", { name: /^Tickets comptés par mois/ }).waitFor();
    await checkPage(page, "report-02-customer-admin");
  });
});
