import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "./helpers/free-port.js";
import { runCli, spawnCli, waitForOk } from "./helpers/run-cli.js";
import { THIRD_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
const PASSWORD = "Vélo rouge sur le pont Jacques-Cartier, 1987 !";

/** A person signed in over HTTP: cookie and CSRF token for writes. */
async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return async (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

async function redeem(base: string, link: string, password: string) {
  const token = new URL(link).hash.replace("#token=", "");
  const response = await fetch(`${base}/api/auth/links/redeem`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/**
 * Issue 22, done when: a fresh PostgreSQL deployment of a third contract goes from `guichet init`
 * to a customer's ticket answered within its SLA, by the commands and routes a provider uses.
 */
describe.runIf(postgresUrl)("guichet init on a fresh PostgreSQL database", { timeout: 240_000 }, () => {
  const name = `guichet_init_${randomBytes(4).toString("hex")}`;
  const url = postgresUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const env = { DATABASE_URL: url, GUICHET_CONTRACT: THIRD_CONTRACT };
  const admin = new pg.Client({ connectionString: postgresUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("creates the provider and its administrator once, then a customer's ticket is answered within its SLA", async () => {
    const init = await runCli(["init", "jeanne.tremblay@boreal-nuage.example", "--locale", "en"], env);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Provider organisation "Boréal Nuage inc." created from boreal-cloud.');
    expect(init.stdout).toContain("SMTP_URL is not set");
    const link = init.stdout.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0] ?? "";
    expect(link).not.toBe("");

    const again = await runCli(["init", "someone.else@boreal-nuage.example"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      "Refused: Boréal Nuage already has an administrator (jeanne.tremblay@boreal-nuage.example)",
    );

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawnCli(["start"], { ...env, PORT: String(port), PUBLIC_URL: base });
    try {
      await waitForOk(`${base}/health`, 120_000);
      await redeem(base, link, PASSWORD);
      const provider = await signIn(base, "jeanne.tremblay@boreal-nuage.example", PASSWORD);
      const me = (await (await provider("GET", "/api/auth/me")).json()) as { roles: string[] };
      expect(me.roles).toEqual(["admin"]);

      // The provider creates its customer as it would in the back office (page Clients); its
      // administrator is invited by mail with a single-use link.
      const created = await provider("POST", "/api/customers", {
        legalName: "Atelier Numérique Lyonnais SAS",
        siren: "732829320",
        billingAddress: "12 rue de la République",
        billingPostalCode: "69002",
        billingCity: "Lyon",
        billingEmail: "compta@client.example",
        administrator: { email: "it@client.example", firstName: "Luc", lastName: "Gagnon", locale: "en" },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { customer } = (await created.json()) as { customer: { id: string } };
      const outbox = (await (await provider("GET", "/api/outbox")).json()) as {
        items: { to: string; text: string }[];
      };
      const mail = outbox.items.find((item) => item.to === "it@client.example");
      await redeem(base, mail?.text.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0] ?? "", PASSWORD);
      const customerAdmin = await signIn(base, "it@client.example", PASSWORD);

      // From Bronze (included) to Gold, as the customer's administrator asks in the portal: the
      // contract has Bronze changes take effect at once (BNC-SUP-08).
      const changed = await customerAdmin("POST", `/api/organisations/${customer.id}/plan-change`, {
        to: "gold",
      });
      expect(changed.status, await changed.clone().text()).toBeLessThan(300);
      expect(await changed.json()).toMatchObject({ decision: "accepted", clause: "BNC-SUP-08" });

      const opened = await customerAdmin("POST", "/api/tickets", {
        title: "Site down",
        description: "Every page answers 502.",
        category: "incident",
        priority: "P1",
      });
      expect(opened.status, await opened.clone().text()).toBe(201);
      const ticket = (await opened.json()) as { id: string; sla: { dueAt: string; clause: string }[] };
      expect(ticket.sla[0]?.clause).toBe("BNC-SUP-04");

      const answered = await provider("POST", `/api/tickets/${ticket.id}/messages`, { body: "On it." });
      expect(answered.status, await answered.clone().text()).toBe(201);
      const { sla } = (await answered.json()) as { sla: { metric: string; state: string }[] };
      // Gold P1: one hour, around the clock.
      expect(sla[0]).toMatchObject({ metric: "initialResponse", state: "met" });
    } finally {
      await server.stop();
    }
  });
});
