import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, launchBrowser, newVisitor, signIn } from "./support/browser.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";
import { type RunningServer, startServer } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

/**
 * The provider's team in the back office (issue 22): its administrator invites a member with
 * provider roles, changes another's roles, resets a lost second factor and removes them; others
 * are not offered the page, and the administrator is never offered to remove herself.
 */
describe.runIf(postgresUrl)("the provider's team (deux-sevres-eservices)", { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let administrator: Person;
  let agent: Person;

  const visitor = async (): Promise<Page> => {
    const context = await newVisitor(browser, server.url);
    contexts.push(context);
    return context.newPage();
  };
  const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer(postgresUrl, "deux-sevres-eservices"),
      launchBrowser(),
    ]);
    const provider = await seedOrganisation(server.db, { kind: "provider", name: "Deux-Sèvres Numérique" });
    administrator = await seedPerson(server.db, {
      organisationId: provider,
      email: "direction@dsn.test",
      firstName: "Claire",
      lastName: "Rousseau",
      roles: ["admin"],
      totp: true,
    });
    agent = await seedPerson(server.db, {
      organisationId: provider,
      email: "soutien@dsn.test",
      firstName: "Karim",
      lastName: "Benali",
      roles: ["support_agent"],
      totp: true,
    });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("is not offered to a support agent", async () => {
    const page = await visitor();
    await signIn(page, agent);
    await expect(page.getByRole("navigation").getByRole("link", { name: "Équipe" }).count()).resolves.toBe(0);
    await page.goto("/equipe");
    await expect(page.getByRole("heading", { level: 1, name: "Équipe" }).count()).resolves.toBe(0);
  });

  it("invites a member, changes a member's roles, resets a second factor and removes a member, each audited", async () => {
    const page = await visitor();
    await signIn(page, administrator);
    await page.getByRole("navigation").getByRole("link", { name: "Équipe" }).click();
    await page.getByRole("heading", { level: 1, name: "Équipe" }).waitFor();
    // Her own row offers neither removal nor a reset of her own second factor.
    const own = rowOf(page, "Claire Rousseau");
    await own.getByRole("button", { name: "Changer les rôles de Claire Rousseau" }).waitFor();
    await expect(own.getByRole("button", { name: /Retirer/ }).count()).resolves.toBe(0);
    await expect(own.getByRole("button", { name: /second facteur/ }).count()).resolves.toBe(0);
    await checkPage(page, "staff-list");

    const invite = page.getByRole("region", { name: "Inviter un membre" });
    await invite.getByLabel("Adresse e-mail").fill("facturation@dsn.test");
    await invite.getByLabel("Prénom").fill("Léa");
    await invite.getByLabel(/^Nom\b/).fill("Moreau");
    await invite.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await invite.getByText("Choisissez au moins un rôle.").waitFor();
    await invite.getByLabel("Facturation").check();
    await invite.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await invite.getByText("Invitation envoyée à facturation@dsn.test.").waitFor();
    await rowOf(page, "Léa Moreau").getByText("Invité").waitFor();
    const mails = await server.db.query("select 1 from outbox where to_address = $1", [
      "facturation@dsn.test",
    ]);
    expect(mails.rowCount).toBe(1);

    await page.getByRole("button", { name: "Changer les rôles de Karim Benali" }).click();
    const roles = page.getByRole("dialog", { name: "Changer les rôles de Karim Benali" });
    await expect(roles.getByLabel("Agent du support").isChecked()).resolves.toBe(true);
    await roles.getByLabel("Responsable de compte").check();
    await checkPage(page, "staff-change-roles");
    await roles.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Rôles de Karim Benali enregistrés.").waitFor();
    await rowOf(page, "Karim Benali").getByText("Agent du support, Responsable de compte").waitFor();

    await page.getByRole("button", { name: "Réinitialiser le second facteur de Karim Benali" }).click();
    await page
      .getByRole("dialog", { name: "Réinitialiser le second facteur de Karim Benali" })
      .getByRole("button", { name: "Réinitialiser" })
      .click();
    await page.getByText("Second facteur de Karim Benali réinitialisé.").waitFor();
    await rowOf(page, "Karim Benali").getByText("Pas encore").waitFor();

    await page.getByRole("button", { name: "Retirer Karim Benali de l'équipe" }).click();
    await page
      .getByRole("dialog", { name: "Retirer Karim Benali de l'équipe" })
      .getByRole("button", { name: "Retirer de l'équipe" })
      .click();
    await page.getByText("Karim Benali a été retirée de l'équipe.").waitFor();
    await rowOf(page, "Karim Benali").waitFor({ state: "detached" });

    const audited = await server.db.query<{ action: string }>(
      "select action from audit_log where actor_organisation_id = (select organisation_id from users where email = $1)",
      [administrator.email],
    );
    const actions = audited.rows.map((row) => row.action);
    for (const action of ["user.invite", "staff.change_roles", "staff.reset_second_factor", "staff.remove"]) {
      expect(actions, action).toContain(action);
    }
  });

  it("fits a phone-sized window", async () => {
    const page = await visitor();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, administrator);
    await page.goto("/equipe");
    await page.getByRole("heading", { level: 1, name: "Équipe" }).waitFor();
    await checkPage(page, "staff-phone");
  });
});
