import { databaseKindsUnderTest } from "@guichet/db/testing";
import type pg from "pg";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, clauseTag, signIn } from "./support/browser.js";
import { type SeededPortal, startSeededPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");
/**
 * Both shipped contracts' desk journeys run on both databases (issue 23): PGlite, the embedded
 * database a small provider starts on, and PostgreSQL. The other shipped-contract files stay on
 * PostgreSQL; these two cover the desk end to end (matrix, queue, answer, resolve, confirm; a
 * signalisation on the subscribed e-services).
 */
const KINDS = databaseKindsUnderTest(postgresUrl);
const REFERENCE = /^(MCR|DSN)-\d{4}-\d{5}/;

/** Opens a ticket through the API with the page's own session, as an integration would. */
async function openThroughApi(page: Page, ticket: Record<string, unknown>): Promise<{ id: string }> {
  const me = await page.request.get("/api/auth/me");
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const opened = await page.request.post("/api/tickets", {
    data: ticket,
    headers: { "x-csrf-token": csrfToken, "accept-language": "fr" },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return (await opened.json()) as { id: string };
}

/** The reference a ticket page shows in its title ("MCR-2026-00002 — Console inaccessible"). */
async function referenceOf(page: Page): Promise<string> {
  const heading = page.getByRole("heading", { level: 1, name: REFERENCE });
  await heading.waitFor();
  const reference = (await heading.textContent())?.match(REFERENCE)?.[0];
  expect(reference).toBeTruthy();
  return reference as string;
}

/** MultiCloud Ready: a Premium named contact's P1 incident, from the matrix to its confirmed closing. */
/** MultiCloud Ready's provider and a Premium customer, written before the server opens. */
async function seedMcr(db: pg.Pool) {
  const provider = await seedOrganisation(db, { kind: "provider", name: "Orange Business" });
  const agent = await seedPerson(db, {
    organisationId: provider,
    email: "support@orange-business.test",
    firstName: "Karim",
    lastName: "Benali",
    roles: ["support_agent"],
    totp: true,
  });
  const ducasse = await seedOrganisation(db, {
    kind: "customer",
    name: "Banque Ducasse",
    holds: ["support-premium", "aws"],
  });
  const contact = await seedPerson(db, {
    organisationId: ducasse,
    email: "exploitation@banque-ducasse.test",
    firstName: "Nina",
    lastName: "Ducasse",
    roles: ["named_contact"],
    namedContact: true,
  });
  const colleague = await seedPerson(db, {
    organisationId: ducasse,
    email: "comptable@banque-ducasse.test",
    firstName: "Omar",
    lastName: "Ducasse",
    roles: ["user"],
  });
  return { agent, contact, colleague };
}

/** MultiCloud Ready: a Premium named contact's P1 incident, from the matrix to its confirmed closing. */
describe.each(KINDS)("the service desk (multicloud-ready on %s)", { timeout: 180_000 }, (kind) => {
  let portal: SeededPortal<Awaited<ReturnType<typeof seedMcr>>>;
  let agent: Person;
  let contact: Person;
  let colleague: Person;
  const visitor = () => portal.visitor();

  beforeAll(async () => {
    portal = await startSeededPortal(kind, postgresUrl, "multicloud-ready", seedMcr);
    ({ agent, contact, colleague } = portal.seeded);
  }, 120_000);

  afterAll(() => portal?.stop());

  it("opens a Premium P1 with the matrix in view, which support finds first, answers and resolves, and the customer confirms (MCR-SUP-05, MCR-SUP-06, MCR-SUP-10)", async () => {
    const customer = await visitor();
    await signIn(customer, contact);
    expect(new URL(customer.url()).pathname).toBe("/demandes");
    await customer.getByRole("heading", { level: 1, name: "Demandes" }).waitFor();
    // A less urgent request opened earlier, through the API: the P1 must still come first in the queue.
    const earlier = await openThroughApi(customer, {
      category: "incident",
      priority: "P2",
      title: "Lenteurs sur la console",
      description: "Les pages de la console mettent dix secondes à s'afficher.",
    });
    await customer.reload();
    await customer.getByRole("link", { name: REFERENCE }).first().waitFor();
    await checkPage(customer, "desk-01-requests");

    await customer.getByRole("link", { name: "Ouvrir une demande" }).click();
    await customer.getByRole("heading", { level: 1, name: "Nouvelle demande" }).waitFor();
    await customer.getByText("Votre offre de support : Premium.").waitFor();
    const p1 = customer.getByRole("radio", { name: "P1 — Critique : < 30 min, 24x7" });
    await p1.waitFor();
    await customer.getByRole("radio", { name: "P3 — Standard : < 8 h, 24x7" }).waitFor();
    await customer.getByText("Perte complète et permanente des services").waitFor();
    await checkPage(customer, "desk-02-new-request");

    await customer.getByLabel("Type de demande").selectOption({ label: "Incident" });
    await p1.check();
    await customer.getByLabel("Titre").fill("Console inaccessible");
    await customer
      .getByLabel("Description")
      .fill("Plus aucun accès à la console depuis 10 h, toutes équipes.");
    await customer.getByLabel("Votre référence (facultatif)").fill("INC-778");
    await customer.getByRole("button", { name: "Ouvrir la demande" }).click();
    const reference = await referenceOf(customer);
    await customer.getByText(`Votre demande est enregistrée sous la référence ${reference}.`).waitFor();
    await customer.locator("dl").getByText("Nouveau", { exact: true }).waitFor();
    await customer.getByText(/^Prise en charge : reste (29|30) min$/).waitFor();
    expect(await customer.getByTestId("sla-explanation").first().textContent()).toContain("MCR-SUP-06");
    await checkPage(customer, "desk-03-request-opened");

    // Support: the queue, most urgent first, with its countdown.
    const support = await visitor();
    await signIn(support, agent);
    await support.getByRole("link", { name: "File d'attente" }).click();
    await support.getByRole("heading", { level: 1, name: "File des demandes" }).waitFor();
    const rows = support.getByRole("table").getByRole("row");
    await rows.nth(2).waitFor();
    await expect(rows.nth(1).textContent()).resolves.toContain(reference);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/Prise en charge : reste (29|30) min/);
    await expect(rows.nth(2).textContent()).resolves.toContain("Lenteurs sur la console");
    await checkPage(support, "desk-04-queue");

    await rows.nth(1).getByRole("link", { name: reference }).click();
    await support.getByRole("heading", { level: 1, name: `${reference} — Console inaccessible` }).waitFor();
    await support.getByLabel(/^Message\b/).fill("Nous regardons, redémarrage en cours.");
    await support.getByRole("button", { name: "Envoyer" }).click();
    await support.getByText("Nous regardons, redémarrage en cours.").waitFor();
    await support.locator("dl").getByText("En cours", { exact: true }).waitFor();
    await support.getByText("Prise en charge : respecté", { exact: true }).waitFor();
    await support.getByRole("radio", { name: "Note interne (invisible du client)" }).check();
    await support.getByLabel(/^Message\b/).fill("Cause probable : répartiteur de charge saturé.");
    await support.getByRole("button", { name: "Envoyer" }).click();
    const note = support.locator('li[data-visibility="internal"]');
    await note.getByText("Cause probable : répartiteur de charge saturé.").waitFor();
    await checkPage(support, "desk-05-workspace");

    await support.getByRole("button", { name: "Résoudre…" }).click();
    const dialog = support.getByRole("dialog", { name: "Résoudre la demande" });
    await dialog.getByLabel("Résolution").fill("Service rétabli : le répartiteur de charge a été redémarré.");
    await checkPage(support, "desk-06-resolve-dialog");
    await dialog.getByRole("button", { name: "Valider" }).click();
    await dialog.waitFor({ state: "hidden" });
    await support.locator("dl").getByText("Résolu", { exact: true }).waitFor();
    await support.getByText("Statut : En cours → Résolu").waitFor();

    // The customer reads the resolution (not the internal note), then confirms: the request is closed.
    await customer.reload();
    await customer.getByText("Service rétabli : le répartiteur de charge a été redémarré.").waitFor();
    await customer.locator("dl").getByText("Résolu", { exact: true }).waitFor();
    expect(await customer.getByText("Cause probable").count()).toBe(0);
    await checkPage(customer, "desk-07-request-resolved");
    await customer.getByRole("button", { name: "Confirmer la résolution" }).click();
    await customer.locator("dl").getByText("Clos", { exact: true }).waitFor();
    await customer.getByText("Statut : Résolu → Clos").waitFor();
    await customer.getByRole("textbox", { name: "Votre message" }).waitFor({ state: "detached" });
    await checkPage(customer, "desk-08-request-closed");

    // MCR-SUP-12: support proposes a lower priority; the customer reads the proposal and justifies.
    await support.goto(`/file/${earlier.id}`);
    await support.getByRole("heading", { level: 1, name: /Lenteurs sur la console$/ }).waitFor();
    await support.getByLabel("Nouvelle priorité").selectOption({ label: "P3 — Standard" });
    await support.getByRole("radio", { name: "Proposer au client (il peut justifier la sienne)" }).check();
    await support.getByLabel(/^Motif\b/).fill("Un contournement existe : l'API répond normalement.");
    await support.getByRole("button", { name: "Enregistrer la priorité" }).click();
    await support.locator("dl").getByText("En attente", { exact: true }).waitFor();
    await customer.goto(`/demandes/${earlier.id}`);
    const proposal = customer.getByTestId("priority-proposal");
    await proposal
      .getByText("Le support propose de passer la priorité de P2 — Majeur à P3 — Standard.", {
        exact: false,
      })
      .waitFor();
    await clauseTag(proposal, "MCR-SUP-12").waitFor();
    await proposal
      .getByText("Motif du support : Un contournement existe : l'API répond normalement.")
      .waitFor();
    await checkPage(customer, "desk-09-priority-proposal");
    await customer
      .getByLabel("Votre message")
      .fill("Toute la salle des marchés est ralentie : nous maintenons P2.");
    await customer.getByRole("button", { name: "Envoyer" }).click();
    await customer.getByText("Toute la salle des marchés est ralentie : nous maintenons P2.").waitFor();
  });

  it("explains to someone who is not a named contact why they cannot open a request, citing MCR-SUP-04", async () => {
    const page = await visitor();
    await signIn(page, colleague);
    await page.getByRole("link", { name: "Ouvrir une demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouvelle demande" }).waitFor();
    await page
      .getByText(/^Seuls les contacts nommés de votre organisation peuvent ouvrir une demande\./)
      .waitFor();
    await clauseTag(page, "MCR-SUP-04").getByText("§ 8.2.1, 8.2.4", { exact: true }).waitFor();
    expect(await page.getByLabel("Titre").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ouvrir la demande" }).count()).toBe(0);
    await checkPage(page, "desk-10-not-a-named-contact");

    // Help for the Premium plan: the matrix, the channels, and how to write by e-mail (MCR-SUP-09).
    await page.getByRole("link", { name: "Aide" }).click();
    await page.getByRole("heading", { level: 1, name: "Aide" }).waitFor();
    await page.getByRole("rowheader", { name: "P1 — Critique" }).waitFor();
    await page.getByRole("heading", { name: "Écrire par e-mail" }).waitFor();
    await page.getByText("Écrivez depuis l'adresse e-mail de l'administrateur du compte").waitFor();
    // The contract publishes no address and none is configured: none is made up (issue 13).
    await page
      .getByText(/l'adresse que votre fournisseur vous a communiquée \(le contrat n'en publie pas\)/)
      .waitFor();
    expect(await page.getByText(/support@/).count()).toBe(0);
    await page.getByText(/^Téléphone/).waitFor();
    await checkPage(page, "desk-11-help");
  });
});

/** A Deux-Sèvres operator holding two of the e-services, written before the server opens. */
async function seedDsn(db: pg.Pool) {
  const niort = await seedOrganisation(db, {
    kind: "customer",
    name: "Niort Connect",
    holds: ["e-sav", "eligibilite-ftte"],
  });
  const operator = await seedPerson(db, {
    organisationId: niort,
    email: "noc@niort-connect.test",
    firstName: "Léa",
    lastName: "Moreau",
    roles: ["user"],
  });
  return { operator };
}

/** Deux-Sèvres Numérique: an operator files a signalisation about an e-service it subscribes to. */
describe.each(KINDS)("e-soutien (deux-sevres-eservices on %s)", { timeout: 120_000 }, (kind) => {
  let portal: SeededPortal<Awaited<ReturnType<typeof seedDsn>>>;
  let operator: Person;

  beforeAll(async () => {
    portal = await startSeededPortal(kind, postgresUrl, "deux-sevres-eservices", seedDsn);
    ({ operator } = portal.seeded);
  }, 120_000);

  afterAll(() => portal?.stop());

  it("files a signalisation about a subscribed e-service, and offers no e-service the operator does not hold (DSN-SUP-01)", async () => {
    const page = await portal.visitor();
    await signIn(page, operator);
    await page.getByRole("navigation").getByRole("link", { name: "Signalisations" }).click();
    await page.getByRole("heading", { level: 1, name: "Signalisations" }).waitFor();
    await page.getByRole("link", { name: "Déposer une signalisation" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouvelle signalisation" }).waitFor();

    const service = page.getByLabel("Service concerné");
    // The services come with the operator's subscriptions, after the heading: wait for them.
    await service.locator("option", { hasText: "e-SAV" }).waitFor({ state: "attached" });
    const offered = await service.locator("option").allTextContents();
    expect(offered).toEqual(["Choisissez un service", "Éligibilité FTTE", "e-SAV"]);
    expect(offered).not.toContain("e-Mutation Fibre FTTH");
    await page
      .getByRole("radio", { name: /^P1 — .+ : sans objectif, du lundi au samedi, 08:00–18:00/ })
      .waitFor();
    await checkPage(page, "desk-12-dsn-new-report");

    await page
      .getByLabel("Type de signalisation")
      .selectOption({ label: "Signalisation de dysfonctionnement" });
    await service.selectOption({ label: "e-SAV" });
    await page.getByLabel("Titre").fill("Tickets SAV non transmis");
    await page.getByLabel("Description").fill("Depuis ce matin, les tickets SAV restent en attente d'envoi.");
    await page.getByRole("button", { name: "Déposer la signalisation" }).click();
    const reference = await referenceOf(page);
    expect(reference).toMatch(/^DSN-/);
    await page.getByText(`Votre signalisation est déposée sous la référence ${reference}.`).waitFor();
    await page.locator("dl").getByText("Déposée", { exact: true }).waitFor();
    await page.locator("dl").getByText("e-SAV", { exact: true }).waitFor();
    await checkPage(page, "desk-13-dsn-report-filed");

    await page.getByRole("link", { name: "Retour aux signalisations" }).click();
    await page.getByRole("row").filter({ hasText: reference }).waitFor();
    await page.getByText("1 signalisation", { exact: true }).waitFor();
    await checkPage(page, "desk-14-dsn-reports");
  });
});
