import { databaseKindsUnderTest } from "@guichet/db/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, clauseTag, signIn } from "./support/browser.js";
import { type Mailboxes, startMailboxes } from "./support/mail.js";
import { type SeededPortal, startSeededPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** An operator's administrator, written before the server opens (PGlite serves one process). */
async function seedOperator(db: pg.Pool): Promise<{ administrator: Person }> {
  const operator = await seedOrganisation(db, { kind: "customer", name: "Fibre Poitou" });
  const administrator = await seedPerson(db, {
    organisationId: operator,
    email: "admin@fibre-poitou.test",
    firstName: "Marc",
    lastName: "Poitou",
    roles: ["customer_admin"],
  });
  return { administrator };
}

/**
 * Deux-Sèvres Numérique: the same portal speaks its contract's vocabulary ("Espace Opérateurs"),
 * on PGlite and PostgreSQL (issue 23); the reset link arrives by real SMTP, as an operator gets it.
 */
describe.each(databaseKindsUnderTest(postgresUrl))(
  "the Deux-Sèvres deployment (deux-sevres-eservices on %s)",
  { timeout: 90_000 },
  (kind) => {
    let portal: SeededPortal<{ administrator: Person }>;
    let mail: Mailboxes;

    beforeAll(async () => {
      mail = await startMailboxes({
        deskAddress: "e-soutien@deux-sevres-numerique.test",
        mailFrom: "ne-pas-repondre@deux-sevres-numerique.test",
      });
      portal = await startSeededPortal(kind, postgresUrl, "deux-sevres-eservices", seedOperator, {
        env: mail.env,
      });
    }, 120_000);

    afterAll(async () => {
      await portal?.stop();
      await mail?.stop();
    });

    it("names the portal Espace Opérateurs, in French or in English as chosen", async () => {
      const page = await portal.visitor();
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
      const { administrator } = portal.seeded;
      const page = await portal.visitor();
      await page.goto("/connexion");
      await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
      // As a person does, type once the page has come: while its code loads the sign-in form stays
      // on screen, with an e-mail field of the same name (the cause of this test's failures under load).
      await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
      await page.getByLabel("Adresse e-mail").fill(administrator.email);
      await page.getByRole("button", { name: "Envoyer le lien" }).click();
      await page.getByText(/^Si un identifiant correspond à admin@fibre-poitou\.test/).waitFor();
      await checkPage(page, "06-dsn-forgotten-password");

      const reset = await mail.receive(administrator.email, /^Réinitialisation de votre mot de passe/);
      const link = reset.text?.match(/https?:\/\/\S+#token=\S+/)?.[0];
      expect(link, reset.text).toBeTruthy();
      await page.goto(link as string);
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
  },
);
