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

  it("disables the named-contact button at the Standard plan's limit with the reason, and changes a person's rights (MCR-SUP-04, MCR-ACC-03)", async () => {
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

    // At the limit the button is disabled and says why (issue 14); the server refuses anyway (HTTP tests).
    const add = section.getByRole("button", { name: "Ajouter le contact nommé" });
    await section
      .getByText(
        "Ajout impossible : la limite de 2 contacts nommés de l'offre Standard est atteinte (MCR-SUP-04).",
      )
      .waitFor();
    expect(await add.isDisabled()).toBe(true);
    await quota.getByText("2 / 2 — offre Standard (MCR-SUP-04)").waitFor();
    await checkPage(page, "02-named-contact-limit");

    // Rights (MCR 6.1.2, issue 14): the administrator makes Nina a billing reader who may invite.
    const people = page.getByRole("region", { name: "Personnes" });
    await people.getByRole("button", { name: /^Changer les droits : Nina / }).click();
    const dialog = page.getByRole("dialog", { name: /^Changer les droits : Nina / });
    await dialog.getByRole("checkbox", { name: "Lecteur des factures" }).check();
    await dialog.getByRole("checkbox", { name: /^Peut inviter d'autres personnes/ }).check();
    await checkPage(page, "02-change-rights");
    await dialog.getByRole("button", { name: "Enregistrer les droits" }).click();
    await dialog.waitFor({ state: "hidden" });
    const nina = people.getByRole("row").filter({ hasText: "nina@banque-ducasse.test" });
    await nina.getByText(/Lecteur des factures.*Peut inviter/).waitFor();
    // The last administrator cannot lose the role: the dialog shows the server's refusal.
    await people.getByRole("button", { name: /^Changer les droits : Hugo Ducasse/ }).click();
    const own = page.getByRole("dialog", { name: /^Changer les droits : Hugo Ducasse/ });
    await own.getByRole("checkbox", { name: "Administrateur" }).uncheck();
    await own.getByRole("checkbox", { name: "Utilisateur" }).check();
    await own.getByRole("button", { name: "Enregistrer les droits" }).click();
    await own.getByText(/dernier administrateur de l'organisation/).waitFor();
    await checkPage(page, "02-change-rights-last-administrator");
    await own.getByRole("button", { name: "Annuler" }).click();

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

  it("shows Basic's named contacts as the contract table says, N/A, with no way to add one (MCR-SUP-04, MCR 8.2.1)", async () => {
    const atelier = await seedOrganisation(server.db, { kind: "customer", name: "Atelier Basic", holds: [] });
    const administrator = await seedPerson(server.db, {
      organisationId: atelier,
      email: "gerance@atelier-basic.test",
      firstName: "Rose",
      lastName: "Atelier",
      roles: ["customer_admin"],
    });
    const page = await visitor();
    await signIn(page, administrator);
    const quota = page.getByTestId("named-contact-quota");
    await quota.getByText(/offre Basic : sans objet/).waitFor();
    expect(await quota.textContent()).not.toContain("sans limite");
    const section = page.getByRole("region", { name: "Contacts nommés" });
    await section
      .getByText(/^Ajout impossible : l'offre Basic ne comporte pas de contacts nommés \(N\/A/)
      .waitFor();
    expect(await section.getByRole("button", { name: "Ajouter le contact nommé" }).isDisabled()).toBe(true);
    await checkPage(page, "03-basic-named-contacts");
  });
});
