import { users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
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
});
