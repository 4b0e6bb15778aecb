import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * Rights as they stand at each request (issue 14): a machine credential never acts with more than
 * its owner has now (security finding; DSN-SEC-03, DSN-SEC-01, MCR-ACC-03); a support agent invited
 * into a tenant has the customer's rights on its configuration, policy by policy (MCR-ACC-05, MCR 8.4).
 */
describe.each(databaseKindsUnderTest(postgresUrl))("rights in force on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    customerId = (
      await createOrganisation(t.database.db, "customer", [{ item: "support-standard", from: "2026-01-01" }])
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("narrows an API token at once when its owner's roles are lowered, and never beyond what it was made with", async () => {
    const { db } = t.database;
    const owner = await createUser(db, customerId, ["customer_admin"]);
    const colleague = await createUser(db, customerId, ["customer_admin"]);
    const { token } = (
      await t.app.inject({
        method: "POST",
        url: `/api/organisations/${customerId}/api-tokens`,
        headers: (await signInAs(t.app, owner, now)).headers,
        payload: {
          name: "Export comptable",
          roles: ["user", "billing_reader"],
          expiresAt: "2027-06-01T00:00:00Z",
        },
      })
    ).json();
    const asMachine = { authorization: `Bearer ${token}` };
    const machine = async () => ({
      roles: (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: asMachine })).json().roles,
      tickets: (await t.app.inject({ method: "GET", url: "/api/tickets", headers: asMachine })).statusCode,
      costs: (await t.app.inject({ method: "GET", url: "/api/billing/simulation", headers: asMachine }))
        .statusCode,
    });
    expect(await machine()).toEqual({ roles: ["user", "billing_reader"], tickets: 200, costs: 200 });

    const colleagueSession = await signInAs(t.app, colleague, now);
    const lower = async (roles: string[]) => {
      const answer = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${customerId}/users/${owner.id}/rights`,
        headers: colleagueSession.headers,
        payload: { roles, canInvite: false },
      });
      expect(answer.statusCode, answer.body).toBe(204);
    };

    // What the token list says (the Rights page): the roles in force, and that they were narrowed.
    const listed = async () => {
      const answer = await t.app.inject({
        method: "GET",
        url: `/api/organisations/${customerId}/api-tokens`,
        headers: colleagueSession.headers,
      });
      const [row] = answer.json();
      return { made: row.roles, inForce: row.rolesInForce, narrowed: row.narrowed };
    };
    expect(await listed()).toEqual({
      made: ["user", "billing_reader"],
      inForce: ["user", "billing_reader"],
      narrowed: false,
    });

    // Lowered to billing reader: the token keeps only that, on its very next request.
    await lower(["billing_reader"]);
    expect(await machine()).toEqual({ roles: ["billing_reader"], tickets: 403, costs: 200 });
    expect(await listed()).toEqual({
      made: ["user", "billing_reader"],
      inForce: ["billing_reader"],
      narrowed: true,
    });
    // Lowered to user: the billing right goes too.
    await lower(["user"]);
    expect(await machine()).toEqual({ roles: ["user"], tickets: 200, costs: 403 });
    // Raised back to administrator: the token has what it was made with, no more.
    await lower(["customer_admin"]);
    expect(await machine()).toEqual({ roles: ["user", "billing_reader"], tickets: 200, costs: 200 });
    expect((await listed()).narrowed).toBe(false);
    const tokenList = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${customerId}/api-tokens`,
      headers: asMachine,
    });
    expect(tokenList.statusCode).toBe(403);
  });

  it("gives the invited support agent the customer's rights on its tenant's configuration, and not its other acts (MCR-ACC-05, MCR 8.4 \"les mêmes droits que le Client\")", async () => {
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    const agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    const manager = await createUser(db, provider.id, ["account_manager"], { totp: true });
    const admin = await createUser(db, customerId, ["customer_admin"]);
    const customer = await signInAs(t.app, admin, now);
    const send = (headers: Record<string, string>, method: "GET" | "POST", url: string, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const quota = await send(
      (await signInAs(t.app, manager, now)).headers,
      "POST",
      `/api/organisations/${customerId}/quotas`,
      {
        catalogueItemId: "azure",
        resource: "vCPU",
        maximum: 64,
      },
    );
    expect(quota.statusCode, quota.body).toBe(201);
    const { grantId } = (
      await send(customer.headers, "POST", `/api/organisations/${customerId}/support-grants`, {
        agentEmail: agent.email,
        reason: "Revue de la configuration du tenant",
        expiresAt: "2026-11-25T18:00:00Z",
      })
    ).json();
    const support = (await signInAs(t.app, agent, now)).headers;
    expect((await send(support, "POST", "/api/auth/acting", { grantId })).statusCode).toBe(204);
    const org = `/api/organisations/${customerId}`;
    // The portal offers what these policies allow, from the rights the server answers (issue 14).
    const { rights } = (await send(support, "GET", "/api/auth/me")).json();
    expect(rights).toEqual(
      expect.arrayContaining([
        "viewPeople",
        "viewOwnCosts",
        "manageBudgets",
        "askQuota",
        "viewInvoices",
        "readNotices",
      ]),
    );
    // The notices are the tenant's to read, their acknowledgement the customer's own act (issue 18).
    expect((await send(support, "GET", "/api/notices")).statusCode).toBe(200);
    for (const refusedRight of [
      "manageRights",
      "followRequests",
      "order",
      "changePlan",
      "workQueue",
      "acknowledgeNotices",
      "answerNotices",
    ]) {
      expect(rights).not.toContain(refusedRight);
    }
    const invoices = await send(support, "GET", "/api/invoices");
    expect(invoices.statusCode, invoices.body).toBe(200);

    // The tenant's configuration, as the customer: its people and rights, costs, budgets, quotas.
    const granted = {
      people: await send(support, "GET", `${org}/users`),
      costs: await send(support, "GET", `/api/billing/simulation?organisationId=${customerId}`),
      budget: await send(support, "POST", "/api/budgets", {
        vendor: null,
        amount: "5000",
        thresholds: [80, 100],
        recipientUserIds: [admin.id],
      }),
      quota: await send(support, "POST", `${org}/quotas/${quota.json().id}/requests`, {
        requestedMaximum: 128,
        reason: "Montée en charge",
      }),
    };
    expect(Object.fromEntries(Object.entries(granted).map(([k, v]) => [k, v.statusCode]))).toEqual({
      people: 200,
      costs: 200,
      budget: 201,
      quota: 201,
    });
    // Not the customer's other acts: people, credentials, its own grant, named contacts, orders.
    const refused = {
      invite: await send(support, "POST", `${org}/users`, {
        email: "nouveau@client.example",
        firstName: "Noé",
        lastName: "Vidal",
        roles: ["user"],
      }),
      rights: await send(support, "POST", `${org}/users/${admin.id}/rights`, {
        roles: ["user"],
        canInvite: false,
      }),
      token: await send(support, "POST", `${org}/api-tokens`, {
        name: "Accès durable",
        roles: ["user"],
        expiresAt: "2027-01-01T00:00:00Z",
      }),
      grant: await send(support, "POST", `${org}/support-grants`, {
        agentEmail: agent.email,
        reason: "Prolonger",
        expiresAt: "2026-11-26T18:00:00Z",
      }),
      namedContact: await send(support, "POST", `${org}/named-contacts`, {
        email: "contact@client.example",
        firstName: "Léa",
        lastName: "Roux",
        jobTitle: "Exploitation",
        phone: "+33 5 49 00 00 00",
        availability: "24/7",
      }),
    };
    expect(Object.values(refused).map((answer) => answer.statusCode)).toEqual([403, 403, 403, 403, 403]);
  });
});
