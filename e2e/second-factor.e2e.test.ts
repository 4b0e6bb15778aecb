import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson, totpCode } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** Password step of the sign-in page; what comes next depends on the account. */
async function givePassword(page: Page, person: Person): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel(/^Mot de passe/).fill(person.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/**
 * TOTP enrolment that cannot lose an account (issue 13): a secret shown but never confirmed
 * leaves the account as it was, enrolment starts again, and the recovery codes given at the end
 * each open the account once when the phone is lost.
 */
describe.runIf(postgresUrl)("second factor enrolment", { timeout: 180_000 }, () => {
  let portal: Portal;
  let agent: Person;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "multicloud-ready");
    const providerId = await seedOrganisation(portal.server.db, {
      kind: "provider",
      name: "Orange Business",
    });
    agent = await seedPerson(portal.server.db, {
      organisationId: providerId,
      email: "agent.2fa@orange-business.test",
      firstName: "Karim",
      lastName: "Benali",
      roles: ["support_agent"],
    });
  }, 120_000);
  afterAll(async () => {
    await portal?.stop();
  });

  it("survives a closed tab mid-enrolment, restarts, and signs in with a recovery code once", async () => {
    // First visit: the key is shown, then the tab is closed before any code is given.
    const first = await portal.visitor();
    await givePassword(first, agent);
    await first.waitForURL((url) => url.pathname === "/second-facteur");
    await first.getByRole("button", { name: "Afficher ma clé" }).click();
    const abandoned = await first.getByLabel("Clé secrète (saisie manuelle)").inputValue();
    await first.getByText("votre compte reste inchangé").waitFor();
    await first.close();

    // Next sign-in: no code is asked for (the abandoned key guards nothing), enrolment starts again.
    const second = await portal.visitor();
    await givePassword(second, agent);
    await second.waitForURL((url) => url.pathname === "/second-facteur");
    await second.getByRole("button", { name: "Afficher ma clé" }).click();
    const secret = await second.getByLabel("Clé secrète (saisie manuelle)").inputValue();
    expect(secret).not.toBe(abandoned);
    await checkPage(second, "13-2fa-enrolment-restarted");
    await second.getByLabel("Code à 6 chiffres").fill(totpCode(abandoned));
    await second.getByRole("button", { name: "Valider le code" }).click();
    await second.getByText("Code d'authentification incorrect.").waitFor();
    await second.getByLabel("Code à 6 chiffres").fill(totpCode(secret));
    await second.getByRole("button", { name: "Valider le code" }).click();

    // The recovery codes, shown once.
    await second.getByRole("heading", { level: 1, name: "Vos codes de secours" }).waitFor();
    const codes = await second.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
    expect(codes).toHaveLength(10);
    await checkPage(second, "13-2fa-recovery-codes");
    await second.getByRole("button", { name: "J'ai noté mes codes, continuer" }).click();
    await second.waitForURL((url) => url.pathname !== "/second-facteur");

    // The phone is lost: a recovery code opens the account.
    const third = await portal.visitor();
    await givePassword(third, agent);
    await third.getByLabel("Code d'authentification").waitFor();
    await third.getByRole("button", { name: /utiliser un code de secours/ }).click();
    const recovery = third.getByLabel("Code de secours");
    await checkPage(third, "13-2fa-recovery-sign-in");
    await recovery.fill(codes[0] ?? "");
    await third.getByRole("button", { name: "Valider" }).click();
    await third.waitForURL((url) => !url.pathname.startsWith("/connexion"));
    expect(new URL(third.url()).pathname).not.toBe("/second-facteur");

    // The same code a second time is refused.
    const fourth = await portal.visitor();
    await givePassword(fourth, agent);
    await fourth.getByRole("button", { name: /utiliser un code de secours/ }).click();
    await fourth.getByLabel("Code de secours").fill(codes[0] ?? "");
    await fourth.getByRole("button", { name: "Valider" }).click();
    await fourth.getByText("Code d'authentification incorrect.").waitFor();
    expect(new URL(fourth.url()).pathname).toBe("/connexion");
  });
});
