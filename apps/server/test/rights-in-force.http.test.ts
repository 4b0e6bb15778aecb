import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * Rights as they stand at each request (issue 14): a machine credential never acts with more than
 * its owner has now (security finding; DSN-SEC-03, DSN-SEC-01, MCR-ACC-03).
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

    // Lowered to billing reader: the token keeps only that, on its very next request.
    await lower(["billing_reader"]);
    expect(await machine()).toEqual({ roles: ["billing_reader"], tickets: 403, costs: 200 });
    // Lowered to user: the billing right goes too.
    await lower(["user"]);
    expect(await machine()).toEqual({ roles: ["user"], tickets: 200, costs: 403 });
    // Raised back to administrator: the token has what it was made with, no more.
    await lower(["customer_admin"]);
    expect(await machine()).toEqual({ roles: ["user", "billing_reader"], tickets: 200, costs: 200 });
    const tokenList = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${customerId}/api-tokens`,
      headers: asMachine,
    });
    expect(tokenList.statusCode).toBe(403);
  });
});
