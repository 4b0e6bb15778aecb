import { users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

const cases = databaseKindsUnderTest(postgresUrl).flatMap((kind) => [
  { kind, contract: "multicloud-ready", reason: undefined, clause: "MCR-ACC-03" },
  { kind, contract: "deux-sevres-eservices", reason: "loss", clause: "DSN-ID-05" },
]);

/**
 * A customer's only administrator cannot revoke her own identifier: the organisation would be
 * left with no one to manage its rights, and her open page with no session (issue 13).
 */
describe.each(cases)("the last administrator on $kind ($contract)", ({ kind, contract, reason, clause }) => {
  let t: TestApp;
  let customerId: string;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, contract);
    customerId = (await createOrganisation(t.database.db, "customer")).id;
    admin = await createUser(t.database.db, customerId, ["customer_admin"]);
    await createUser(t.database.db, customerId, ["user"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const revoke = async (by: TestUser, target: TestUser) => {
    const session = await signInAs(t.app, by, new Date());
    return t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/users/${target.id}/revoke`,
      headers: { ...session.headers, "accept-language": "fr" },
      payload: reason ? { reason } : {},
    });
  };

  it("refuses her own revocation with the reason and the contract's rights clause, changing nothing", async () => {
    const refused = await revoke(admin, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "conflict",
      details: { reason: "last_administrator", clause },
    });
    expect(refused.json().message).toContain("seul administrateur");
    const [still] = await t.database.db.select().from(users).where(eq(users.id, admin.id));
    expect(still?.status).toBe("active");
  });

  it("allows it once another administrator is active", async () => {
    const deputy = await createUser(t.database.db, customerId, ["customer_admin"]);
    expect((await revoke(admin, admin)).statusCode).toBe(201);
    const [revoked] = await t.database.db.select().from(users).where(eq(users.id, admin.id));
    expect(revoked?.status).toBe("revoked");
    // The deputy is now the last one: the same refusal for her.
    expect((await revoke(deputy, deputy)).statusCode).toBe(409);
  });
});
