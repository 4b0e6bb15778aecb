import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";
import type { ContractId } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

/** The sign-in form filled in on the page the portal sent the person to (not opened by the test). */
async function signInHere(page: Page, person: Person): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel(/^Mot de passe/).fill(person.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

/** The path and query the page shows, as a person reads the address bar. */
const here = (page: Page) => {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
};

/**
 * Where a newcomer starts (issue 13): the bare address or a link, with no session. The portal
 * used to freeze the tab there (a redirect to sign in that kept redirecting while it was pending),
 * and again when a session ended under an open page; every other e2e file starts at /connexion.
 */
describe.runIf(postgresUrl).each<{ contract: ContractId; provider: string; customer: string; desk: string }>([
  {
    contract: "multicloud-ready",
    provider: "Orange Business",
    customer: "Transports Garnier",
    desk: "Demandes",
  },
  {
    contract: "deux-sevres-eservices",
    provider: "Deux-Sèvres Numérique",
    customer: "Fibre Poitou",
    desk: "Signalisations",
  },
])("the front door of $contract", { timeout: 120_000 }, ({ contract, provider, customer, desk }) => {
  let portal: Portal;
  let admin: Person;
  let deputy: Person;
  let agent: Person;
  const prefix = `13-${contract === "multicloud-ready" ? "mcr" : "dsn"}`;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, contract);
    const { db } = portal.server;
    const providerId = await seedOrganisation(db, { kind: "provider", name: provider });
    // No second factor yet: the contract requires one of provider staff, so sign-in leads to enrolment.
    agent = await seedPerson(db, {
      organisationId: providerId,
      email: `support@${contract}.test`,
      firstName: "Karim",
      lastName: "Benali",
      roles: ["support_agent"],
    });
    const organisationId = await seedOrganisation(db, { kind: "customer", name: customer, holds: [] });
    admin = await seedPerson(db, {
      organisationId,
      email: `admin@${contract}-client.test`,
      firstName: "Inès",
      lastName: "Garnier",
      roles: ["customer_admin"],
    });
    deputy = await seedPerson(db, {
      organisationId,
      email: `adjoint@${contract}-client.test`,
      firstName: "Paul",
      lastName: "Garnier",
      roles: ["customer_admin"],
    });
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
  });

  it("sends a newcomer at the bare address to sign in, then to her own home", async () => {
    const page = await portal.visitor();
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/connexion");
    // Nothing to come back to: the address stays plain.
    expect(here(page)).toBe("/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await checkPage(page, `${prefix}-bare-address`);
    await signInHere(page, admin);
    expect(here(page)).toBe("/droits");
    await page.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
  });

  it("folds the menu behind a button on a phone, and closes it once a section is chosen", async () => {
    const page = await portal.visitor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await signInHere(page, admin);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    const toggle = page.getByRole("button", { name: "Menu" });
    // The sections take no room until asked for: the page's own title comes right under the header.
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    await nav.getByRole("link", { name: desk }).waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
    await checkPage(page, `${prefix}-phone-menu`);
    await nav.getByRole("link", { name: desk }).click();
    await page.getByRole("heading", { level: 1, name: desk }).waitFor();
    await nav.waitFor({ state: "hidden" });
    expect(await page.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe("false");
  });

  it("brings a deep link opened while signed out back after sign-in", async () => {
    const page = await portal.visitor();
    await page.goto("/demandes?state=closed");
    await page.waitForURL((url) => url.pathname === "/connexion");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/demandes?state=closed");
    await page.getByText("Connectez-vous pour ouvrir la page demandée").waitFor();
    await checkPage(page, `${prefix}-deep-link-sign-in`);
    await signInHere(page, admin);
    expect(here(page)).toBe("/demandes?state=closed");
    await page.getByRole("heading", { level: 1, name: desk }).waitFor();
  });

  it("sends a person whose session expired, then one whose session was revoked, to sign in and back", async () => {
    const page = await portal.visitor();
    await page.goto("/droits");
    await signInHere(page, admin);
    await page.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
    // The page has read what it shows before the session ends under it.
    await page.waitForLoadState("networkidle");

    // The session's end comes while the page is open; the next page asked for notices it.
    await portal.server.db.query(
      "update sessions set expires_at = now() - interval '1 second' where user_id = $1",
      [admin.id],
    );
    await page.getByRole("navigation").getByRole("link", { name: desk }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/demandes");
    await signInHere(page, admin);
    expect(here(page)).toBe("/demandes");
    await page.waitForLoadState("networkidle");

    await portal.server.db.query("update sessions set revoked_at = now() where user_id = $1", [admin.id]);
    await page.getByRole("navigation").getByRole("link", { name: "Droits" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/droits");
    await signInHere(page, admin);
    expect(here(page)).toBe("/droits");
  });

  it("sends a person who revokes her own identifier to sign in", async () => {
    const page = await portal.visitor();
    await page.goto("/droits");
    await signInHere(page, deputy);
    await page.getByRole("button", { name: `Révoquer l'identifiant : ${deputy.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Révoquer l'identifiant : ${deputy.name}` });
    await dialog.getByRole("button", { name: "Révoquer l'identifiant" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    await checkPage(page, `${prefix}-own-identifier-revoked`);
  });

  it("does not offer the last administrator to revoke herself", async () => {
    // The deputy revoked hers above: her new identifier is only invited, Inès is the last active administrator.
    const page = await portal.visitor();
    await page.goto("/droits");
    await signInHere(page, admin);
    await page.getByRole("heading", { level: 1, name: "Droits" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: admin.email });
    await row.getByText("Seul administrateur : invitez-en un autre").waitFor();
    expect(await page.getByRole("button", { name: `Révoquer l'identifiant : ${admin.name}` }).count()).toBe(
      0,
    );
    await checkPage(page, `${prefix}-last-administrator`);
  });

  it("sends provider staff who still owe a second factor to enrolment, from any address", async () => {
    const page = await portal.visitor();
    await page.goto("/");
    await signInHere(page, agent);
    expect(here(page)).toBe("/second-facteur");
    // The password is given, the code is not: every page of the portal leads back to enrolment.
    await page.goto("/file");
    await page.waitForURL((url) => url.pathname === "/second-facteur");
    await page.getByRole("button", { name: "Afficher ma clé" }).waitFor();
  });
});
