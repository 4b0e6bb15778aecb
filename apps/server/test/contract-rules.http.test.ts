import { outbox, supportGrants, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { DEPLOYMENT_RULE } from "@guichet/domain";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomerWithAdmin, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * Issue 13 item 5: one deployment's words must not leak into the other. Each deployment's rights,
 * roles, revocation reasons and clause tags come from its own contract file (GEN-01, GEN-02), and
 * a rule its contract has no clause for is cited as the deployment's own.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("each deployment's own rules on %s", (kind) => {
  describe("MultiCloud Ready", () => {
    let t: TestApp;
    let customerId: string;
    let admin: TestUser;
    const now = new Date("2026-11-23T09:00:00Z");

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      ({ customerId, admin } = await createCustomerWithAdmin(t.database.db));
    });
    afterAll(async () => {
      await t?.close();
    });

    it("publishes its own clauses, and no other provider's, with the public contract", async () => {
      const { rules } = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
      expect(rules).toMatchObject({
        rights: "MCR-ACC-03",
        delegatedInvitation: "MCR-ACC-02",
        customerRoles: ["customer_admin", "named_contact", "user", "billing_reader"],
        suspension: "MCR-ACC-06",
        apiTokens: DEPLOYMENT_RULE,
        audit: DEPLOYMENT_RULE,
        revocation: { clause: DEPLOYMENT_RULE, reasons: [], reissue: true },
      });
      expect(JSON.stringify(rules)).not.toMatch(/DSN-/);
    });

    it("revokes an identifier without asking DSN's reasons, and its mail cites no borrowed clause", async () => {
      const person = await createUser(t.database.db, customerId, ["user"]);
      const session = await signInAs(t.app, admin, now);
      const url = `/api/organisations/${customerId}/users/${person.id}/revoke`;
      const withReason = await t.app.inject({
        method: "POST",
        url,
        headers: session.headers,
        payload: { reason: "fraud" },
      });
      expect(withReason.statusCode).toBe(400);
      expect(withReason.json().details).toMatchObject({
        field: "reason",
        reasons: [],
        clause: DEPLOYMENT_RULE,
      });
      expect(withReason.json().message).toContain("règle du déploiement");
      const [untouched] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      expect(untouched?.status).toBe("active");

      const revoked = await t.app.inject({ method: "POST", url, headers: session.headers, payload: {} });
      expect(revoked.statusCode).toBe(201);
      const [mail] = await t.database.db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, person.email))
        .orderBy(desc(outbox.createdAt));
      expect(mail?.kind).toBe("identifier_revoked_reissued");
      expect(mail?.textBody).not.toMatch(/DSN-|deployment-rule/);
    });
  });

  describe("Deux-Sèvres Numérique", () => {
    let t: TestApp;
    let operatorId: string;
    let admin: TestUser;
    const now = new Date("2026-11-23T09:00:00Z");

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
      ({ customerId: operatorId, admin } = await createCustomerWithAdmin(t.database.db, [
        { item: "e-sav", from: "2026-01-01" },
      ]));
    });
    afterAll(async () => {
      await t?.close();
    });

    it("publishes its own clauses: no named contacts, invoice readers, grants or delegated invitations", async () => {
      const { rules } = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
      expect(rules).toMatchObject({
        rights: "DSN-ID-05",
        customerRoles: ["customer_admin", "user"],
        suspension: "DSN-SEC-02",
        apiTokens: "DSN-SEC-03",
        audit: "DSN-SEC-01",
        revocation: { clause: "DSN-ID-04", reissue: true },
      });
      expect(rules.namedContacts).toBeUndefined();
      expect(rules.supportGrants).toBeUndefined();
      expect(rules.delegatedInvitation).toBeUndefined();
      expect(JSON.stringify(rules)).not.toMatch(/MCR-/);
    });

    it.each([
      [{ roles: ["billing_reader"] }, "roles"],
      [{ roles: ["user"], canInvite: true }, "canInvite"],
    ])("refuses an invitation the contract does not offer (%j), citing DSN-ID-05", async (extra, field) => {
      const session = await signInAs(t.app, admin, now);
      const email = `refused-${field}@example.fr`;
      const refused = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${operatorId}/users`,
        headers: session.headers,
        payload: { email, firstName: "Noé", lastName: "Bernard", ...extra },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().details).toMatchObject({ field, clause: "DSN-ID-05" });
      expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    });

    it("refuses an API token for a role it does not offer, and support grants it has no clause for", async () => {
      const session = await signInAs(t.app, admin, now);
      const token = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${operatorId}/api-tokens`,
        headers: session.headers,
        payload: { name: "facturation", roles: ["billing_reader"], expiresAt: "2027-01-01T00:00:00Z" },
      });
      expect(token.statusCode).toBe(422);
      expect(token.json().details).toMatchObject({ field: "roles", clause: "DSN-ID-05" });
      const grant = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${operatorId}/support-grants`,
        headers: session.headers,
        payload: { agentEmail: "agent@example.fr", reason: "diagnostic", expiresAt: "2027-01-01T00:00:00Z" },
      });
      expect(grant.statusCode).toBe(422);
      expect(grant.json().details).toEqual({ reason: "not_in_contract" });
      expect(await t.database.db.select().from(supportGrants)).toEqual([]);
    });

    it("asks one of its own revocation reasons and refuses another", async () => {
      const person = await createUser(t.database.db, operatorId, ["user"]);
      const session = await signInAs(t.app, admin, now);
      const url = `/api/organisations/${operatorId}/users/${person.id}/revoke`;
      for (const payload of [{}, { reason: "holiday" }]) {
        const refused = await t.app.inject({ method: "POST", url, headers: session.headers, payload });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().details).toMatchObject({ reasons: ["loss", "fraud"], clause: "DSN-ID-04" });
      }
      const revoked = await t.app.inject({
        method: "POST",
        url,
        headers: session.headers,
        payload: { reason: "fraud" },
      });
      expect(revoked.statusCode).toBe(201);
      const [old] = await t.database.db.select().from(users).where(eq(users.id, person.id));
      expect(old).toMatchObject({ status: "revoked", statusReason: "fraud" });
    });
  });
});
