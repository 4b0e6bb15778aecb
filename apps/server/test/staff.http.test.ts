import { auditLog, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createCustomerWithAdmin,
  createOrganisation,
  createUser,
  type TestUser,
} from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** Provider staff managed from the back office by the provider's administrators (issue 22). */
describe.each(databaseKindsUnderTest(postgresUrl))("the provider's staff on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let admin: TestUser;
  let agent: TestUser;
  let customerAdmin: TestUser;
  const as = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);
  const post = async (user: TestUser, url: string, payload: object = {}) =>
    t.app.inject({ method: "POST", url, headers: (await as(user)).headers, payload });

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const provider = await createOrganisation(t.database.db, "provider");
    admin = await createUser(t.database.db, provider.id, ["admin"], { totp: true });
    agent = await createUser(t.database.db, provider.id, ["support_agent"], { totp: true });
    ({ admin: customerAdmin } = await createCustomerWithAdmin(t.database.db));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("invites a staff member with provider roles, changes the roles, removes her, each audited", async () => {
    const invited = await post(admin, "/api/staff", {
      email: "nadia.roux@example.fr",
      firstName: "Nadia",
      lastName: "Roux",
      roles: ["account_manager"],
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { userId } = invited.json();
    const list = await t.app.inject({ method: "GET", url: "/api/staff", headers: (await as(admin)).headers });
    expect(list.json().map((u: { email: string }) => u.email)).toContain("nadia.roux@example.fr");

    expect(
      (await post(admin, `/api/staff/${userId}/roles`, { roles: ["support_agent", "billing"] })).statusCode,
    ).toBe(204);
    const [changed] = await t.database.db.select().from(users).where(eq(users.id, userId));
    expect(changed?.roles).toEqual(["support_agent", "billing"]);

    expect((await post(admin, `/api/staff/${userId}/remove`)).statusCode).toBe(204);
    const [removed] = await t.database.db.select().from(users).where(eq(users.id, userId));
    expect(removed?.status).toBe("deactivated");
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, userId))).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "staff.change_roles", "staff.remove"]));
  });

  it("refuses customer roles for staff, and staff management to anyone but a provider administrator", async () => {
    const customerRole = await post(admin, "/api/staff", {
      email: "x@example.fr",
      firstName: "X",
      lastName: "Y",
      roles: ["customer_admin"],
    });
    expect(customerRole.statusCode).toBe(400);
    for (const user of [agent, customerAdmin]) {
      expect((await post(user, `/api/staff/${agent.id}/remove`)).statusCode).toBe(403);
    }
  });

  it("never leaves the provider without an administrator", async () => {
    for (const refused of [
      await post(admin, `/api/staff/${admin.id}/roles`, { roles: ["support_agent"] }),
      await post(admin, `/api/staff/${admin.id}/remove`),
    ]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().details).toEqual({ reason: "last_administrator" });
    }
    const [still] = await t.database.db.select().from(users).where(eq(users.id, admin.id));
    expect(still).toMatchObject({ status: "active", roles: ["admin"] });
    // With a second administrator, the first may step down.
    expect(
      (await post(admin, `/api/staff/${agent.id}/roles`, { roles: ["admin", "support_agent"] })).statusCode,
    ).toBe(204);
    expect(
      (await post(admin, `/api/staff/${admin.id}/roles`, { roles: ["security_officer"] })).statusCode,
    ).toBe(204);
  });
});
