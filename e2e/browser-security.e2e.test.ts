import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, postAs, securityViolations, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";
import type { ContractId } from "./support/server.js";

const postgresUrl = inject("postgresUrl");

interface Deployment {
  contract: ContractId;
  provider: string;
  customer: { name: string; holds: string[] };
  /** The body of a ticket the customer may open (MCR-SUP-04 named contact, DSN-SUP-01 e-service). */
  ticket: Record<string, unknown>;
  /** Where the customer reads its tickets, and the staff's queue. */
  customerTickets: string;
  queue: string;
}

const DEPLOYMENTS: Deployment[] = [
  {
    contract: "multicloud-ready",
    provider: "MultiCloud Ready",
    customer: { name: "Banque Ducasse", holds: ["support-premium"] },
    ticket: {
      category: "incident",
      priority: "P3",
      title: "Quotas atteints",
      description: "Le quota est atteint.",
    },
    customerTickets: "/demandes",
    queue: "/file",
  },
  {
    contract: "deux-sevres-eservices",
    provider: "Deux-Sèvres Numérique",
    customer: { name: "Niort Connect", holds: ["e-sav"] },
    ticket: {
      category: "incident",
      catalogueItemId: "e-sav",
      title: "Tickets SAV non transmis",
      description: "Les tickets SAV restent en attente d'envoi.",
    },
    customerTickets: "/demandes",
    queue: "/file",
  },
];

/** Attaches a file to a ticket through the API with the page's session (the portal has no file field yet). */
async function attachThroughApi(page: Page, ticketId: string, name: string, content: string) {
  const { csrfToken } = (await (await page.request.get("/api/auth/me")).json()) as { csrfToken: string };
  const sent = await page.request.post(`/api/tickets/${ticketId}/attachments`, {
    headers: { "x-csrf-token": csrfToken },
    multipart: {
      body: "Le journal du serveur.",
      files: { name, mimeType: "text/plain", buffer: Buffer.from(content) },
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
}

/** Downloads a file from the ticket's page, as a person clicking its link. */
async function downloadFrom(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The portal under its enforced Content-Security-Policy (issue 21): a whole journey of a customer
 * and of a support agent, on each shipped deployment, with every violation the browser reports
 * collected (support/browser.ts) and none allowed. Each `checkPage` also fails on one.
 */
describe.runIf(postgresUrl).each(DEPLOYMENTS)(
  "the portal under its security policy ($contract)",
  { timeout: 240_000 },
  (deployment) => {
    let portal: Portal;
    let customer: Person;
    let agent: Person;
    let ticketId: string;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, deployment.contract);
      const { db } = portal.server;
      const providerId = await seedOrganisation(db, { kind: "provider", name: deployment.provider });
      agent = await seedPerson(db, {
        organisationId: providerId,
        email: `support@${deployment.contract}.test`,
        firstName: "Hugo",
        lastName: "Girard",
        roles: ["support_agent"],
        totp: true,
      });
      const customerId = await seedOrganisation(db, { kind: "customer", ...deployment.customer });
      customer = await seedPerson(db, {
        organisationId: customerId,
        email: `dsi@${deployment.contract}-client.test`,
        firstName: "Nina",
        lastName: "Ducasse",
        roles: ["customer_admin"],
        namedContact: true,
      });
    }, 120_000);
    afterAll(() => portal?.stop());

    it("signs a customer in, shows a ticket with its file, the rights page and the SLA chart, with no violation", async () => {
      const page = await portal.visitor();
      await signIn(page, customer);
      await checkPage(page, `csp-${deployment.contract}-01-signed-in`);
      ticketId = (await postAs(page, "/api/tickets", deployment.ticket)).id as string;
      await attachThroughApi(page, ticketId, "journal.txt", "09:02 erreur 503");
      await page.goto(`${deployment.customerTickets}/${ticketId}`);
      await page.getByRole("link", { name: "journal.txt" }).waitFor();
      expect(await downloadFrom(page, "journal.txt")).toBe("09:02 erreur 503");
      await checkPage(page, `csp-${deployment.contract}-02-ticket-with-file`);
      await page.goto("/droits");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await checkPage(page, `csp-${deployment.contract}-03-rights`);
      await page.goto("/rapport-sla");
      await page.getByRole("img", { name: /^Tickets comptés par mois, de .+ à .+$/ }).waitFor();
      await checkPage(page, `csp-${deployment.contract}-04-sla-report`);
      expect(securityViolations(page.context())).toEqual([]);
    });

    it("signs support in with its second factor, through the queue to the ticket and its file, with no violation", async () => {
      const page = await portal.visitor();
      await signIn(page, agent);
      await page.goto(`${deployment.queue}/${ticketId}`);
      await page.getByRole("link", { name: "journal.txt" }).waitFor();
      await checkPage(page, `csp-${deployment.contract}-05-staff-ticket`);
      // A dialog locks the page's scroll with a <style> element of its own, which needs the nonce too.
      await page.getByRole("button", { name: "Prendre en charge" }).click();
      await page.getByRole("button", { name: "Résoudre…" }).click();
      await page.getByRole("dialog").waitFor();
      await checkPage(page, `csp-${deployment.contract}-06-staff-dialog`);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });
      await page.goto("/rapport-sla");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await checkPage(page, `csp-${deployment.contract}-07-staff-sla-report`);
      expect(securityViolations(page.context())).toEqual([]);
    });

    it("enforces the policy: an injected inline script does not run, and the refusal is seen", async () => {
      const page = await portal.visitor();
      await page.goto("/connexion");
      await page.getByLabel("Adresse e-mail").waitFor();
      const ran = await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true;";
        document.body.append(script);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      await expect
        .poll(() =>
          securityViolations(page.context()).some((v) => v.startsWith("script-src-elem refused inline")),
        )
        .toBe(true);
    });

    it("opens a ticket's address followed from another site (a mail) signed in: the SameSite=Strict cookie is sent by the page's own requests", async () => {
      const page = await portal.visitor();
      await signIn(page, customer);
      // A mail read in webmail on another site: its page links to the ticket's address.
      const target = `${portal.server.url}${deployment.customerTickets}/${ticketId}`;
      await page.context().route("http://webmail.example.test/**", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="fr"><title>Courriel</title><a href="${target}">Voir la demande</a></html>`,
        }),
      );
      await page.goto("http://webmail.example.test/message");
      await page.getByRole("link", { name: "Voir la demande" }).click();
      await page.waitForURL(target);
      await page.getByRole("link", { name: "journal.txt" }).waitFor();
      expect(securityViolations(page.context())).toEqual([]);
    });

    it("shows the API documentation (Swagger UI) under its own policy, with no violation", async () => {
      const page = await portal.visitor();
      // Swagger UI's bundle (1.5 MB, run before DOMContentLoaded) is slow on a busy machine: the page
      // is ready when its title shows.
      await page.goto("/api/docs/", { waitUntil: "commit" });
      await page.getByRole("heading", { name: /^Guichet API — / }).waitFor({ timeout: 60_000 });
      await page.locator(".opblock-summary").first().click();
      await page.getByRole("button", { name: "Try it out" }).first().click();
      expect(securityViolations(page.context())).toEqual([]);
    });
  },
);
