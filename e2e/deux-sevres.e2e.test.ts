import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, clauseTag, launchBrowser, newVisitor, signIn } from "./support/browser.js";
import { linkFromOutbox, seedOrganisation, seedPerson } from "./support/seed.js";
import { type RunningServer, startServer } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

/** Deux-Sèvres Numérique: the same portal speaks its contract's vocabulary ("Espace Opérateurs"). */
describe.runIf(postgresUrl)("the Deux-Sèvres deployment (deux-sevres-eservices)", { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(postgresUrl, "deux-sevres-eservices"),
      launchBrowser(),
    ]);
    context = await newVisitor(browser, server.url);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("names the portal Espace Opérateurs, in French or in English as chosen", async () => {
    const page = await context.newPage();
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Espace Opérateurs" }).waitFor();
    expect(await page.title()).toBe("Connexion — Espace Opérateurs");
    await checkPage(page, "05-dsn-sign-in");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.reload();
    // The choice is kept on this browser.
    await page.getByRole("link", { name: "Operators' Space" }).waitFor();
    expect(await page.title()).toBe("Sign in — Operators' Space");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await checkPage(page, "05-dsn-sign-in-english");
    await page.getByRole("button", { name: "Français" }).click();
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();

    await page.goto("/nulle-part");
    await page.getByRole("heading", { level: 1, name: "Page introuvable" }).waitFor();
    await checkPage(page, "05-dsn-not-found");
    await page.close();
  });

  it("resets a forgotten password from the e-mailed link, then signs the operator in", async () => {
    const operator = await seedOrganisation(server.db, { kind: "customer", name: "Fibre Poitou" });
    const administrator = await seedPerson(server.db, {
      organisationId: operator,
      email: "admin@fibre-poitou.test",
      firstName: "Marc",
      lastName: "Poitou",
      roles: ["customer_admin"],
    });
    const page = await context.newPage();
    await page.goto("/connexion");
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    // As a person does, type once the page has come: while its code loads the sign-in form stays
    // on screen, with an e-mail field of the same name (the cause of this test's failures under load).
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(administrator.email);
    await page.getByRole("button", { name: "Envoyer le lien" }).click();
    await page.getByText(/^Si un identifiant correspond à admin@fibre-poitou\.test/).waitFor();
    await checkPage(page, "06-dsn-forgotten-password");

    await page.goto(await linkFromOutbox(server.db, administrator.email, "password_reset"));
    await page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" }).waitFor();
    // The secret leaves the address bar once read.
    expect(new URL(page.url()).hash).toBe("");
    const password = "Marais poitevin en barque, brume du matin";
    await page.getByLabel("Nouveau mot de passe").fill(password);
    await page.getByLabel("Confirmez le mot de passe").fill(password);
    await page.getByTestId("password-strength").waitFor();
    await checkPage(page, "06-dsn-reset");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Votre mot de passe est enregistré.").waitFor();

    await signIn(page, { ...administrator, password });
    await page.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
    expect(await page.title()).toBe("Droits — Espace Opérateurs");
    // DSN has no named contacts (DSN-ID-05: profiles decide who reports to e-soutien).
    expect(await page.getByRole("region", { name: "Contacts nommés" }).count()).toBe(0);
    await checkPage(page, "06-dsn-rights");
    // Only its own contract's roles and clauses (issue 13 item 5): no named contacts nor invoice
    // readers to hand out, no right to invite (DSN-ID-05), its own clause on API tokens.
    const inviteFr = page.getByRole("region", { name: "Inviter une personne" });
    await inviteFr.getByLabel("Utilisateur", { exact: true }).waitFor();
    for (const absent of ["Contact nommé", "Lecteur des factures", /Peut inviter/]) {
      expect(await inviteFr.getByLabel(absent).count()).toBe(0);
    }
    await clauseTag(page.getByRole("region", { name: "Jetons d'API" }), "DSN-SEC-03").waitFor();
    expect(await page.getByText(/MCR-/).count()).toBe(0);

    await page.getByRole("link", { name: "Accueil" }).click();
    await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
    // After a navigation the page's title takes the focus, so screen readers announce it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Accueil");
    await checkPage(page, "06-dsn-home");

    // English second: the same pages, the server's messages too (Accept-Language follows the choice).
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Rights" }).click();
    await page.getByRole("heading", { level: 1, name: "Rights" }).waitFor();
    expect(await page.title()).toBe("Rights — Operators' Space");
    const invite = page.getByRole("region", { name: "Invite a person" });
    await invite.getByLabel("E-mail address").fill(administrator.email);
    await invite.getByLabel("First name").fill("Marc");
    await invite.getByLabel(/^Last name/).fill("Poitou");
    await invite.getByLabel("User", { exact: true }).check();
    await invite.getByRole("button", { name: "Send the invitation" }).click();
    await invite.getByText(/already has an identifier/).waitFor();
    await checkPage(page, "06-dsn-rights-english");
    await page.getByRole("button", { name: "Français" }).click();
  });
});
