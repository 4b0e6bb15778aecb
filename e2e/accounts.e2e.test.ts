import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, launchBrowser, newVisitor, signIn } from "./support/browser.js";
import { type Person, STRONG_PASSWORD, seedOrganisation, seedPerson } from "./support/seed.js";
import { type RunningServer, startServer } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

/** MultiCloud Ready: a customer's administrator is invited, sets a password, and manages rights. */
describe.runIf(postgresUrl)("accounts in the portal (multicloud-ready)", { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let providerAdmin: Person;

  const visitor = async () => {
    const context = await newVisitor(browser, server.url);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(postgresUrl, "multicloud-ready"), launchBrowser()]);
    const provider = await seedOrganisation(server.db, { kind: "provider", name: "Orange Business" });
    providerAdmin = await seedPerson(server.db, {
      organisationId: provider,
      email: "admin@orange-business.test",
      firstName: "Claire",
      lastName: "Fournier",
      roles: ["admin"],
      totp: true,
    });
    await seedOrganisation(server.db, {
      kind: "customer",
      name: "Transports Garnier",
      holds: ["support-standard"],
    });
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("invites a customer administrator, who sets a password and reaches the Rights page (MCR-ACC-01, DSN-ID-02)", async () => {
    const admin = await visitor();
    await admin.goto("/connexion");
    await admin.getByRole("link", { name: "Espace Client Cloud" }).waitFor();
    expect(await admin.title()).toBe("Connexion — Espace Client Cloud");
    await checkPage(admin, "01-sign-in");
    await signIn(admin, providerAdmin, "01");
    expect(new URL(admin.url()).pathname).toBe("/organisations");
    await checkPage(admin, "01-organisations-provider-admin");

    // The provider invites the customer's administrator on its behalf.
    await admin
      .getByRole("button", { name: "Inviter une personne dans l'organisation Transports Garnier" })
      .click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Adresse e-mail").fill("dsi@transports-garnier.test");
    await dialog.getByLabel("Prénom").fill("Lucie");
    await dialog.getByLabel(/^Nom\b/).fill("Garnier");
    await dialog.getByLabel("Administrateur").check();
    await dialog.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await dialog.getByText("Invitation envoyée à dsi@transports-garnier.test.").waitFor();
    await checkPage(admin, "01-invite-dialog");
    await admin.keyboard.press("Escape");

    // Without SMTP the invitation waits in the outbox, which the provider administrator reads.
    await admin.getByRole("link", { name: "Courriels sortants" }).click();
    const message = admin.getByRole("listitem").filter({ hasText: "dsi@transports-garnier.test" });
    await message.first().waitFor();
    await checkPage(admin, "01-outbox");
    const body = (await message.first().getByTestId("outbox-body").textContent()) ?? "";
    const link = body.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0];
    expect(link, body).toBeTruthy();

    const customer = await visitor();
    await customer.goto(link as string);
    await customer.getByRole("heading", { name: "Créer votre mot de passe" }).waitFor();
    const password = customer.getByLabel("Nouveau mot de passe");
    await password.fill("motdepasse");
    await expect(customer.getByTestId("password-strength").textContent()).resolves.toBe(
      "Robustesse : 1/4 — faible",
    );
    await customer.getByLabel("Confirmez le mot de passe").fill("motdepasse");
    await customer.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await customer
      .getByText("Mot de passe trop faible : niveau 1/4, le contrat exige au moins 3/4.")
      .first()
      .waitFor();
    expect(new URL(customer.url()).pathname).toBe("/invitation");
    await checkPage(customer, "01-invitation-weak-password");

    await password.fill(STRONG_PASSWORD);
    await customer.getByLabel("Confirmez le mot de passe").fill(STRONG_PASSWORD);
    await expect(customer.getByTestId("password-strength").textContent()).resolves.toBe(
      "Robustesse : 4/4 — très forte",
    );
    await checkPage(customer, "01-invitation-strong-password");
    await customer.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await customer.getByText("Votre mot de passe est enregistré.").waitFor();
    // A plain address, not a JSON-quoted "1" (issue 13).
    expect(new URL(customer.url()).searchParams.get("passwordSet")).toBe("true");
    await checkPage(customer, "01-sign-in-after-invitation");

    await signIn(customer, {
      id: "",
      email: "dsi@transports-garnier.test",
      password: STRONG_PASSWORD,
      name: "Lucie Garnier",
      totpSecret: null,
    });
    expect(new URL(customer.url()).pathname).toBe("/droits");
    await customer.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
    const row = customer.getByRole("row").filter({ hasText: "dsi@transports-garnier.test" });
    await expect(row.getByText("Actif").textContent()).resolves.toBe("Actif");
    await customer.getByTestId("named-contact-quota").waitFor();
    await checkPage(customer, "01-rights");
  });

  it("refuses a third named contact on the Standard plan with the server's MCR-SUP-04 message", async () => {
    const ducasse = await seedOrganisation(server.db, {
      kind: "customer",
      name: "Banque Ducasse",
      holds: ["support-standard"],
    });
    const administrator = await seedPerson(server.db, {
      organisationId: ducasse,
      email: "cloud@banque-ducasse.test",
      firstName: "Hugo",
      lastName: "Ducasse",
      roles: ["customer_admin"],
    });
    const page = await visitor();
    await signIn(page, administrator);
    const quota = page.getByTestId("named-contact-quota");
    await expect(quota.textContent()).resolves.toContain("0 / 2 — offre Standard (MCR-SUP-04)");

    const section = page.getByRole("region", { name: "Contacts nommés" });
    const addContact = async (email: string, firstName: string) => {
      await section.getByLabel("Adresse e-mail").fill(email);
      await section.getByLabel("Prénom").fill(firstName);
      await section.getByLabel(/^Nom\b/).fill("Exploitation");
      await section.getByLabel("Fonction").fill("Responsable d'exploitation");
      await section.getByLabel("Téléphone").fill("+33 5 49 00 00 00");
      await section.getByLabel("Disponibilités").fill("Du lundi au vendredi, de 9 h à 18 h");
      await section.getByRole("button", { name: "Ajouter le contact nommé" }).click();
    };
    await addContact("nina@banque-ducasse.test", "Nina");
    await section
      .getByText("Contact nommé ajouté : nina@banque-ducasse.test recevra son invitation.")
      .waitFor();
    await addContact("omar@banque-ducasse.test", "Omar");
    await section
      .getByText("Contact nommé ajouté : omar@banque-ducasse.test recevra son invitation.")
      .waitFor();
    await quota.getByText("2 / 2 — offre Standard (MCR-SUP-04)").waitFor();

    await addContact("paul@banque-ducasse.test", "Paul");
    const refusal = section.getByRole("alert");
    await refusal.waitFor();
    // The server's own words (it names the plan by its id today: "l'offre standard").
    expect(await refusal.textContent()).toMatch(
      /^Limite atteinte : l'offre standard permet 2 contacts nommés et vous en avez 2 \(MCR-SUP-04\)\.$/i,
    );
    await quota.getByText("2 / 2 — offre Standard (MCR-SUP-04)").waitFor();
    await checkPage(page, "02-named-contact-limit");

    // An API token for integrated mode: its secret is shown once, with a copy button (DSN-SEC-03).
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const tokens = page.getByRole("region", { name: "Jetons d'API" });
    // The contract has no clause for API tokens: the deployment's own rule, not DSN-SEC-03 (issue 13 item 5).
    await tokens.getByText("Règle du déploiement", { exact: true }).waitFor();
    expect(await page.getByText(/DSN-/).count()).toBe(0);
    await tokens.getByLabel("Nom du jeton").fill("Supervision");
    await tokens.getByRole("button", { name: "Créer le jeton" }).click();
    const secret = await tokens.getByLabel("Jeton (secret)").inputValue();
    expect(secret).toMatch(/^gt_/);
    await tokens.getByRole("button", { name: "Copier le jeton" }).click();
    await tokens.getByRole("button", { name: "Jeton copié" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await tokens.getByRole("row").filter({ hasText: "Supervision" }).waitFor();
    await checkPage(page, "02-api-token-shown-once");
    await page.reload();
    await tokens.getByRole("row").filter({ hasText: "Supervision" }).waitFor();
    expect(await tokens.getByText(/créé : copiez-le maintenant/).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
  });
});
