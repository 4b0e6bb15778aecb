import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type Person, seedOrganisation, seedPerson } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");
const contractFile = (name: string) =>
  fileURLToPath(new URL(`../test/contracts/${name}.yaml`, import.meta.url));

/**
 * Issues 22 and 23: the test suite's third (Boréal Nuage) and fourth (Alpen Cloud) providers, run
 * in the browser from their contract files alone: a customer opens a request in the portal at one
 * of the contract's own priorities, reads its SLA explanation citing the contract's clause, support
 * answers and resolves it; axe on every step.
 */
const CASES = [
  { name: "boreal-cloud", plan: "support-silver", priority: "P2", prefix: "BNC", clause: "BNC-SUP-04" },
  { name: "alpen-cloud", plan: "support-business", priority: "P3", prefix: "ALP", clause: "ALP-SUP-04" },
] as const;

describe.runIf(postgresUrl).each(CASES)("a provider's own contract in the browser ($name)", (c) => {
  let portal: Portal;
  let agent: Person;
  let customer: Person;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, contractFile(c.name));
    const { db } = portal.server;
    const provider = await seedOrganisation(db, { kind: "provider", name: `Provider ${c.name}` });
    agent = await seedPerson(db, {
      organisationId: provider,
      email: `agent@${c.name}.test`,
      firstName: "Lea",
      lastName: "Keller",
      roles: ["support_agent"],
      totp: true,
    });
    const organisation = await seedOrganisation(db, { kind: "customer", name: "Muster AG", holds: [c.plan] });
    customer = await seedPerson(db, {
      organisationId: organisation,
      email: `it@muster-${c.name}.test`,
      firstName: "Jonas",
      lastName: "Muster",
      roles: ["customer_admin"],
    });
  }, 90_000);
  afterAll(() => portal?.stop());

  it("opens a request at the contract's priority, explains its clock by the contract's clause, answered and resolved", {
    timeout: 180_000,
  }, async () => {
    const page = await portal.visitor();
    await signIn(page, customer);
    await page.goto("/demandes");
    await page.getByRole("link", { name: "Ouvrir une demande" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouvelle demande" }).waitFor();
    await checkPage(page, `${c.name}-01-new-request`);
    await page.locator(`input[type="radio"][value="${c.priority}"]`).check();
    await page.getByLabel("Titre").fill("Server unreachable");
    await page.getByLabel("Description").fill("The web server answers 502 since 09:00.");
    await page.getByRole("button", { name: "Ouvrir la demande" }).click();
    const heading = page.getByRole("heading", { level: 1, name: new RegExp(`^${c.prefix}-\\d{4}-\\d{5}`) });
    await heading.waitFor();
    const explanation = page.getByTestId("sla-explanation").first();
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain(c.clause);
    await checkPage(page, `${c.name}-02-request-opened`);
    const ticketPath = new URL(page.url()).pathname;
    const ticketId = ticketPath.split("/").pop() as string;

    const support = await portal.visitor();
    await signIn(support, agent);
    await support.goto(`/file/${ticketId}`);
    await support.getByRole("heading", { level: 1, name: /Server unreachable$/ }).waitFor();
    await support.getByLabel(/^Message\b/).fill("We are restarting the load balancer.");
    await support.getByRole("button", { name: "Envoyer" }).click();
    await support.getByText("We are restarting the load balancer.").waitFor();
    await support.getByText("Prise en charge : respecté", { exact: true }).waitFor();
    await checkPage(support, `${c.name}-03-workspace`);
    await support.getByRole("button", { name: "Résoudre…" }).click();
    const dialog = support.getByRole("dialog", { name: "Résoudre la demande" });
    await dialog.getByLabel("Résolution").fill("Load balancer restarted.");
    await dialog.getByRole("button", { name: "Valider" }).click();
    await dialog.waitFor({ state: "hidden" });

    await page.reload();
    await page.getByText("Load balancer restarted.").waitFor();
    await checkPage(page, `${c.name}-04-request-resolved`);
  });
});
