import { auditLog, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

// MCR-ACC-02 (MCR 6.1): "Les utilisateurs disposant du droit ... peuvent inviter d'autres
// utilisateurs"; those invited invite in turn only if given that right. Issue 14: no test said so.

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("the right to invite on %s (MCR-ACC-02)", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let organisationId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    organisationId = (
      await createOrganisation(t.database.db, "customer", [{ item: "support-standard", from: "2026-01-01" }])
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const invitation = (email: string, extra: Record<string, unknown> = {}) => ({
    email,
    firstName: "Inès",
    lastName: "Morel",
    roles: ["user"],
    ...extra,
  });

  it("lets a user given the right invite another, invited without the right, and not hand the right on", async () => {
    const withRight = await createUser(t.database.db, organisationId, ["user"], { canInvite: true });
    const session = await signInAs(t.app, withRight, now);
    const invited = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: session.headers,
      payload: invitation("ines.morel@client.example"),
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, invited.json().userId));
    expect(row).toMatchObject({ email: "ines.morel@client.example", canInvite: false, status: "invited" });
    // Handing on the right is the administrators' (MCR 6.1.2): refused to a user who only has it.
    const handedOn = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: session.headers,
      payload: invitation("paul.roy@client.example", { canInvite: true }),
    });
    expect(handedOn.statusCode).toBe(403);
  });

  it("refuses an invitation from a user without the right, and creates nobody", async () => {
    const withoutRight = await createUser(t.database.db, organisationId, ["user"]);
    const session = await signInAs(t.app, withoutRight, now);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: session.headers,
      payload: invitation("lucas.petit@client.example"),
    });
    expect(refused.statusCode).toBe(403);
    expect(
      await t.database.db.select().from(users).where(eq(users.email, "lucas.petit@client.example")),
    ).toEqual([]);
  });

  it("lets the administrator change a person's rights, audited; the last administrator keeps the role; other tenants see nobody (MCR-ACC-03, MCR 6.1.2, MCR-ACC-02)", async () => {
    const { db } = t.database;
    const admin = await createUser(db, organisationId, ["customer_admin"]);
    const person = await createUser(db, organisationId, ["user"]);
    const session = await signInAs(t.app, admin, now);
    const change = (userId: string, body: object, headers = session.headers) =>
      t.app.inject({
        method: "POST",
        url: `/api/organisations/${organisationId}/users/${userId}/rights`,
        headers,
        payload: body,
      });
    const given = await change(person.id, { roles: ["user", "billing_reader"], canInvite: true });
    expect(given.statusCode, given.body).toBe(204);
    const [row] = await db.select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ roles: ["user", "billing_reader"], canInvite: true });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.change_rights"), eq(auditLog.targetId, person.id)));
    expect(entry?.data).toMatchObject({ from: ["user"], to: ["user", "billing_reader"], canInviteTo: true });
    // Given the right, the person invites (MCR-ACC-02).
    const invited = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: (await signInAs(t.app, person, now)).headers,
      payload: invitation("chloe.faure@client.example"),
    });
    expect(invited.statusCode, invited.body).toBe(201);
    // Without the administrator role, nobody changes rights, not even their own.
    const self = await change(
      person.id,
      { roles: ["customer_admin"], canInvite: true },
      (await signInAs(t.app, person, now)).headers,
    );
    expect(self.statusCode).toBe(403);

    // Make `admin` the organisation's last administrator.
    await db
      .update(users)
      .set({ roles: ["user"] })
      .where(and(eq(users.organisationId, organisationId), ne(users.id, admin.id)));
    const last = await change(admin.id, { roles: ["user"], canInvite: false });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ details: { field: "roles", clause: "MCR-ACC-03" } });
    expect(last.json().message).toContain("dernier administrateur");
    const [still] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(still?.roles).toEqual(["customer_admin"]);
    // A named contact is added with its details and plan limit (MCR-SUP-04), not here.
    const named = await change(person.id, { roles: ["user", "named_contact"], canInvite: false });
    expect(named.statusCode).toBe(422);

    // Another customer's administrator: the person does not exist for them.
    const other = await createOrganisation(db, "customer", [
      { item: "support-standard", from: "2026-01-01" },
    ]);
    const otherAdmin = await createUser(db, other.id, ["customer_admin"]);
    const probe = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users/${person.id}/rights`,
      headers: (await signInAs(t.app, otherAdmin, now)).headers,
      payload: { roles: ["user"], canInvite: false },
    });
    expect([403, 404]).toContain(probe.statusCode);
    const [unchanged] = await db.select().from(users).where(eq(users.id, person.id));
    expect(unchanged?.canInvite).toBe(true);
  });
});
