import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, launchBrowser, newVisitor, signIn } from "./support/browser.js";
import { type Person, seedOrganisation, seedPerson, totpCode } from "./support/seed.js";
import { type RunningServer, startServer } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

/** What /api/auth/me says about the session of this page (the portal's own cookie). */
async function meOf(page: Page): Promise<{ acting?: { organisationId: string } }> {
  return page.evaluate(async () => (await fetch("/api/auth/me")).json());
}

/**
 * MultiCloud Ready: a customer lets a support agent into its tenant and takes the access back
 * (MCR-ACC-05); the security officer suspends a customer at once (MCR-ACC-06, DSN-SEC-02).
 */
describe.runIf(postgresUrl)("access and suspension (multicloud-ready)", { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let agent: Person;
  let officer: Person;

  const visitor = async () => {
    const context = await newVisitor(browser, server.url);
    contexts.push(context);
    return context.newPage();
  };
  const customerAdmin = async (name: string, email: string) => {
    const organisationId = await seedOrganisation(server.db, {
      kind: "customer",
      name,
      holds: ["aws", "support-business"],
    });
    const person = await seedPerson(server.db, {
      organisationId,
      email,
      firstName: "Inès",
      lastName: name.split(" ").at(-1) ?? name,
      roles: ["customer_admin"],
    });
    return { organisationId, person };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(postgresUrl, "multicloud-ready"), launchBrowser()]);
    const provider = await seedOrganisation(server.db, { kind: "provider", name: "Orange Business" });
    // No second factor yet: the agent enrols one on first sign-in (the contract requires it of staff).
    agent = await seedPerson(server.db, {
      organisationId: provider,
      email: "support@orange-business.test",
      firstName: "Karim",
      lastName: "Benali",
      roles: ["support_agent"],
    });
    officer = await seedPerson(server.db, {
      organisationId: provider,
      email: "securite@orange-business.test",
      firstName: "Sophie",
      lastName: "Marchand",
      roles: ["security_officer"],
      totp: true,
    });
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("lets an agent into the tenant under a grant, and out at once when it is revoked (MCR-ACC-05)", async () => {
    const { organisationId, person } = await customerAdmin("Atelier Lumière", "gerance@atelier-lumiere.test");
    await server.db.query(
      "insert into resource_quotas (organisation_id, catalogue_item_id, resource, maximum, set_at) values ($1, 'aws', 'vCPU', 64, now())",
      [organisationId],
    );
    const customer = await visitor();
    await signIn(customer, person);
    const grants = customer.getByRole("region", { name: "Accès d'assistance" });
    await grants.getByLabel("Adresse e-mail de l'agent").fill(agent.email);
    await grants.getByLabel("Motif").fill("Ticket 4521 : diagnostic du réseau virtuel");
    await grants.getByRole("button", { name: "Donner l'accès" }).click();
    await grants.getByText(/^Accès donné à support@orange-business\.test\./).waitFor();
    const reference = (await grants.getByTestId("grant-reference").first().textContent()) ?? "";
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    await checkPage(customer, "03-rights-support-grant");

    // The agent's first sign-in: enrolment of the second factor, the key shown as text.
    const support = await visitor();
    await support.goto("/connexion");
    await support.getByLabel("Adresse e-mail").fill(agent.email);
    await support.getByLabel(/^Mot de passe/).fill(agent.password);
    await support.getByRole("button", { name: "Se connecter" }).click();
    await support.waitForURL("**/second-facteur");
    await support.getByRole("button", { name: "Afficher ma clé" }).click();
    const secret = await support.getByLabel("Clé secrète (saisie manuelle)").inputValue();
    expect(await support.getByLabel("Adresse otpauth (à coller dans l'application)").inputValue()).toMatch(
      /^otpauth:\/\/totp\//,
    );
    await checkPage(support, "03-second-factor-enrolment");
    await support.getByLabel("Code à 6 chiffres").fill(totpCode(secret));
    await support.getByRole("button", { name: "Valider le code" }).click();
    // The recovery codes are shown once (issue 13) before the person goes on.
    await support.getByRole("button", { name: "J'ai noté mes codes, continuer" }).click();
    await support.waitForURL("**/organisations");

    await support.getByRole("link", { name: "Accès d'assistance" }).click();
    await support.getByLabel("Référence de l'accès").fill(reference);
    await support.getByRole("button", { name: "Entrer dans l'espace du client" }).click();
    await support.getByText("Vous agissez dans l'espace client « Atelier Lumière ».").waitFor();
    expect((await meOf(support)).acting?.organisationId).toBe(organisationId);
    await checkPage(support, "03-agent-acting-in-tenant");

    // "Les mêmes droits que le Client sur la configuration de son tenant" (MCR 8.4, MCR-ACC-05):
    // the menu offers what the server lets the agent do there (issue 14), from the rights it answers.
    const nav = support.getByRole("navigation", { name: "Navigation principale" });
    for (const section of ["Droits", "Coûts", "Budgets", "Commandes"]) {
      await nav.getByRole("link", { name: section, exact: true }).waitFor();
    }
    expect(await nav.getByRole("link", { name: "Demandes", exact: true }).count()).toBe(0);
    await nav.getByRole("link", { name: "Budgets", exact: true }).click();
    await support.getByRole("heading", { level: 1, name: "Budgets et alertes" }).waitFor();
    await support.getByRole("heading", { name: "Fixer un budget" }).waitFor();
    await checkPage(support, "03-agent-budgets");
    await nav.getByRole("link", { name: "Commandes", exact: true }).click();
    const ask = support.getByRole("form", { name: "Demander plus de vCPU" });
    await ask.getByLabel("Nouveau maximum").fill("128");
    await ask.getByLabel("Motif").fill("Montée en charge de la plateforme");
    await ask.getByRole("button", { name: "Demander l'augmentation" }).click();
    await support.getByText("Demande envoyée au prestataire.").waitFor();
    // The tenant's people and rights are read, not changed: inviting stays the customer's.
    await nav.getByRole("link", { name: "Droits", exact: true }).click();
    await support.getByRole("region", { name: "Personnes" }).getByText(person.email).waitFor();
    expect(await support.getByRole("heading", { name: "Inviter une personne" }).count()).toBe(0);
    await nav.getByRole("link", { name: "Accès d'assistance", exact: true }).click();
    await support.getByRole("heading", { level: 1, name: "Accès d'assistance" }).waitFor();

    await customer.getByRole("button", { name: "Révoquer l'accès : Karim Benali" }).click();
    await customer.getByText("Accès d'assistance révoqué.").waitFor();
    await grants.getByRole("row").filter({ hasText: "Karim Benali" }).getByText("Révoqué").waitFor();

    // The agent's next request no longer acts in the tenant.
    expect((await meOf(support)).acting).toBeUndefined();
    await support.reload();
    await support.getByText("Vous n'agissez dans l'espace d'aucun client.").waitFor();
    expect(await support.getByText(/Vous agissez dans l'espace client/).count()).toBe(0);
    await checkPage(support, "03-agent-after-revocation");
  });

  it("suspends a signed-in customer at once, then lifts the suspension (MCR-ACC-06)", async () => {
    const { person } = await customerAdmin("Banque Ducasse", "cloud@banque-ducasse.test");
    const customer = await visitor();
    await signIn(customer, person);
    await customer.getByRole("heading", { level: 1, name: "Droits" }).waitFor();

    const security = await visitor();
    await signIn(security, officer);
    await security.getByRole("button", { name: "Suspendre Banque Ducasse" }).click();
    const dialog = security.getByRole("dialog", {
      name: "Suspendre l'accès de l'organisation Banque Ducasse",
    });
    await dialog.getByLabel("Motif").fill("Incident de sécurité grave : identifiants exposés");
    await checkPage(security, "04-suspension-dialog");
    await dialog.getByRole("button", { name: "Suspendre l'accès" }).click();
    await security.getByText("Banque Ducasse est suspendue.").waitFor();
    await security.getByRole("row").filter({ hasText: "Banque Ducasse" }).getByText("Suspendue").waitFor();
    await checkPage(security, "04-organisations-suspended");

    // The customer's next page load shows the suspension and whom to contact.
    await customer.reload();
    await customer.getByRole("heading", { level: 1, name: "Accès suspendu" }).waitFor();
    const notice = (await customer.getByRole("alert").textContent()) ?? "";
    expect(notice).toContain("suspendu");
    expect(notice).toMatch(/Contact : \S+/);
    await checkPage(customer, "04-customer-suspended");

    // The audit trail names who did it; the same search exports as CSV.
    await security.getByRole("link", { name: "Journal d'audit" }).click();
    await security.getByLabel("Adresse e-mail de la personne").fill(officer.email);
    await security.getByRole("button", { name: "Rechercher" }).click();
    // Each entry in words, its facts labelled, the action's code beside it for the specialist.
    const suspended = security.getByRole("cell", { name: /^Organisation suspendue/ });
    await suspended.waitFor();
    expect(await suspended.textContent()).toContain("organisation.suspend");
    expect(await suspended.textContent()).toMatch(/Motif : /);
    await checkPage(security, "04-audit-search");
    const exportLink = security.getByRole("link", { name: "Exporter en CSV" });
    const csv = await security.request.get((await exportLink.getAttribute("href")) ?? "");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain("organisation.suspend");

    await security.getByRole("link", { name: "Organisations" }).click();
    await security.getByRole("button", { name: "Lever la suspension : Banque Ducasse" }).click();
    const lift = security.getByRole("dialog", {
      name: "Lever la suspension de l'organisation Banque Ducasse",
    });
    await lift.getByLabel("Motif").fill("Identifiants renouvelés, incident clos");
    await lift.getByRole("button", { name: "Lever la suspension" }).click();
    await security.getByText("La suspension de Banque Ducasse est levée.").waitFor();
    await customer.reload();
    await customer.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
  });
});
