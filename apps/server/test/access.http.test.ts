import { auditLog } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * API tokens on Deux-Sèvres Numérique, whose contract has the integrated mode (DSN-SEC-03);
 * support access grants on MultiCloud Ready, whose contract has them (MCR-ACC-05).
 */
describe.each([
  ["deux-sevres-eservices", "e-sav"],
  ["multicloud-ready", "aws"],
] as const)("%s", (contractId, item) => {
  describe.each(databaseKindsUnderTest(postgresUrl))("API tokens and support grants on %s", (kind) => {
    let t: TestApp;
    let now = new Date("2026-11-23T09:00:00Z");
    let customerId: string;
    let otherId: string;
    let admin: TestUser;
    let agent: TestUser;
    let officer: TestUser;
    const integratedMode = contractId === "deux-sevres-eservices";

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, contractId, { clock: () => now });
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
      officer = await createUser(db, provider.id, ["security_officer"], { totp: true });
      customerId = (await createOrganisation(db, "customer", [{ item, from: "2026-01-01" }])).id;
      otherId = (await createOrganisation(db, "customer")).id;
      admin = await createUser(db, customerId, ["customer_admin"]);
    });
    afterAll(async () => {
      await t?.close();
    });

    it.runIf(integratedMode)(
      "creates a token shown once, used by a machine, audited on every use, and revoked at once (DSN-SEC-03)",
      async () => {
        const session = await signInAs(t.app, admin, now);
        const created = await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/api-tokens`,
          headers: session.headers,
          payload: { name: "Passerelle SI", roles: ["user"], expiresAt: "2027-06-01T00:00:00Z" },
        });
        expect(created.statusCode).toBe(201);
        const { token, apiToken } = created.json();
        expect(token).toMatch(/^gt_/);
        const listed = await t.app.inject({
          method: "GET",
          url: `/api/organisations/${customerId}/api-tokens`,
          headers: session.headers,
        });
        expect(listed.body).not.toContain(token);
        expect(listed.json()[0]).toMatchObject({ id: apiToken.id, prefix: token.slice(0, 9) });

        const asMachine = { authorization: `Bearer ${token}` };
        const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: asMachine });
        expect(me.json()).toMatchObject({ via: "api_token", organisationId: customerId, roles: ["user"] });
        const uses = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "api_token.use"));
        expect(uses.at(-1)).toMatchObject({
          apiTokenId: apiToken.id,
          actorLabel: expect.stringContaining(admin.email),
        });

        // Scoped to its organisation: another customer's data is refused.
        const elsewhere = await t.app.inject({
          method: "GET",
          url: `/api/organisations/${otherId}`,
          headers: asMachine,
        });
        expect(elsewhere.statusCode).toBe(403);

        const revoke = await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/api-tokens/${apiToken.id}/revoke`,
          headers: session.headers,
        });
        expect(revoke.statusCode).toBe(204);
        expect(
          (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: asMachine })).statusCode,
        ).toBe(401);
      },
    );

    it.runIf(integratedMode)(
      "stops a token of a suspended operator on its next request (DSN-SEC-02)",
      async () => {
        const session = await signInAs(t.app, admin, now);
        const { token } = (
          await t.app.inject({
            method: "POST",
            url: `/api/organisations/${customerId}/api-tokens`,
            headers: session.headers,
            payload: { name: "Batch", roles: ["user"], expiresAt: "2027-01-01T00:00:00Z" },
          })
        ).json();
        const security = await signInAs(t.app, officer, now);
        await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/suspension`,
          headers: security.headers,
          payload: { reason: "Fuite d'identifiants" },
        });
        const refused = await t.app.inject({
          method: "GET",
          url: "/api/auth/me",
          headers: { authorization: `Bearer ${token}` },
        });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().details).toMatchObject({
          reason: "organisation_suspended",
          clause: "DSN-SEC-02",
        });
        await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/suspension/lift`,
          headers: security.headers,
          payload: { reason: "Résolu" },
        });
        const restored = await t.app.inject({
          method: "GET",
          url: "/api/auth/me",
          headers: { authorization: `Bearer ${token}` },
        });
        expect(restored.statusCode).toBe(200);
      },
    );

    it.runIf(!integratedMode)(
      "lets an agent into the tenant under a grant, marks every action with it, and ends it on revocation (MCR-ACC-05)",
      async () => {
        const customer = await signInAs(t.app, admin, now);
        const granted = await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/support-grants`,
          headers: customer.headers,
          payload: {
            agentEmail: agent.email,
            reason: "Analyse de la signalisation",
            expiresAt: "2026-11-27T18:00:00Z",
          },
        });
        expect(granted.statusCode).toBe(201);
        const { grantId } = granted.json();

        const support = await signInAs(t.app, agent, now);
        const before = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: support.headers });
        expect(before.json().acting).toBeUndefined();
        expect(
          (
            await t.app.inject({
              method: "POST",
              url: "/api/auth/acting",
              headers: support.headers,
              payload: { grantId },
            })
          ).statusCode,
        ).toBe(204);
        const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: support.headers });
        expect(me.json().acting).toMatchObject({ organisationId: customerId, grantId });
        // Inside the tenant the agent has a customer's rights, not the provider's.
        expect(me.json().roles).toEqual(["user", "named_contact"]);
        const inside = await t.app.inject({
          method: "GET",
          url: `/api/organisations/${customerId}`,
          headers: support.headers,
        });
        expect(inside.statusCode).toBe(200);
        const entered = await t.database.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, "support_grant.enter"));
        expect(entered.at(-1)).toMatchObject({ grantId, organisationId: customerId, actorUserId: agent.id });

        await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/support-grants/${grantId}/revoke`,
          headers: customer.headers,
        });
        const after = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: support.headers });
        expect(after.json().acting).toBeUndefined();
        expect(after.json().roles).toEqual(["support_agent"]);
        const reenter = await t.app.inject({
          method: "POST",
          url: "/api/auth/acting",
          headers: support.headers,
          payload: { grantId },
        });
        expect(reenter.statusCode).toBe(404);
      },
    );

    it.runIf(!integratedMode)(
      "refuses a grant longer than the contract's expiresAfter: the agent is invited temporarily (MCR-ACC-05, MCR 8.4)",
      async () => {
        const customer = await signInAs(t.app, admin, now);
        const grant = (expiresAt: string) =>
          t.app.inject({
            method: "POST",
            url: `/api/organisations/${customerId}/support-grants`,
            headers: customer.headers,
            payload: { agentEmail: agent.email, reason: "Intervention longue", expiresAt },
          });
        // multicloud-ready: 7 days from now (Europe/Paris) at most.
        const refused = await grant("2026-11-30T09:00:01Z");
        expect(refused.statusCode).toBe(400);
        expect(refused.json().details).toMatchObject({ field: "expiresAt", clause: "MCR-ACC-05" });
        expect(refused.json().message).toContain("7 days");
        expect((await grant("2026-11-30T09:00:00Z")).statusCode).toBe(201);
      },
    );

    it.runIf(!integratedMode)("lets a grant expire by itself", async () => {
      const customer = await signInAs(t.app, admin, now);
      const { grantId } = (
        await t.app.inject({
          method: "POST",
          url: `/api/organisations/${customerId}/support-grants`,
          headers: customer.headers,
          payload: {
            agentEmail: agent.email,
            reason: "Intervention courte",
            expiresAt: "2026-11-23T10:00:00Z",
          },
        })
      ).json();
      const support = await signInAs(t.app, agent, now);
      await t.app.inject({
        method: "POST",
        url: "/api/auth/acting",
        headers: support.headers,
        payload: { grantId },
      });
      expect(
        (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: support.headers })).json().acting,
      ).toBeDefined();
      now = new Date("2026-11-23T10:00:01Z");
      expect(
        (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: support.headers })).json().acting,
      ).toBeUndefined();
    });
  });
});
