import { intakeVersion, maintenanceWindows, namedContacts, subscriptions, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditTrail } from "../src/modules/audit/verify-audit.js";
import { mailsAbout, makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * Opening a ticket decides on facts kept from the requester's previous opening (intake-facts.ts)
 * and checks them in the statement that writes: whatever changed in between must decide the next
 * ticket, as if nothing had been kept.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("intake facts between openings on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-24T09:00:00Z"); // Tuesday 10:00 in Paris
  let organisationId = "";
  let contact: TestUser;
  const open = async () => openTicketAs(t.app, await signInAs(t.app, contact, now), { category: "incident" });
  const sequenceOf = (reference: string) => Number(reference.split("-").at(-1));

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    await createOrganisation(db, "provider");
    organisationId = (
      await createOrganisation(db, "customer", [{ item: "support-standard", from: "2026-01-01" }])
    ).id;
    contact = await createUser(db, organisationId, ["customer_admin"]);
    await makeNamedContact(db, organisationId, contact.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("opens the next ticket under the plan the customer holds now, right after an upgrade", async () => {
    const before = await open();
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json().planKey).toBe("standard");
    await t.database.db
      .insert(subscriptions)
      .values({ organisationId, catalogueItemId: "support-premium", startsOn: "2026-11-24" });
    const after = await open();
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json().planKey).toBe("premium");
    expect(sequenceOf(after.json().reference)).toBe(sequenceOf(before.json().reference) + 1);
  });

  it("refuses someone who stopped being a named contact since their last ticket, and uses no number", async () => {
    const before = await open();
    expect(before.statusCode, before.body).toBe(201);
    await t.database.db.delete(namedContacts).where(eq(namedContacts.userId, contact.id));
    const refused = await open();
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().details).toMatchObject({ reason: "not_named_contact", clause: "MCR-SUP-04" });
    await makeNamedContact(t.database.db, organisationId, contact.id);
    const again = await open();
    expect(again.statusCode, again.body).toBe(201);
    expect(sequenceOf(again.json().reference)).toBe(sequenceOf(before.json().reference) + 1);
    expect((await verifyAuditTrail(t.database.db)).intact).toBe(true);
  });

  it("writes the acknowledgement in the language the requester chose since their last ticket", async () => {
    const before = await open();
    const [french] = await mailsAbout(t.database.db, before.json().id);
    expect(french?.subject).toMatch(/^\[MCR-2026-\d{5}\] Demande enregistrée/);
    await t.database.db.update(users).set({ locale: "en" }).where(eq(users.id, contact.id));
    const after = await open();
    const [english] = await mailsAbout(t.database.db, after.json().id);
    expect(english?.subject).toMatch(/^\[MCR-2026-\d{5}\] Request received/);
    await t.database.db.update(users).set({ locale: "fr" }).where(eq(users.id, contact.id));
  });

  it("moves the intake version once per committed change to what intake reads, not for a sign-in or a rollback", async () => {
    const { db } = t.database;
    const version = async () => (await db.select().from(intakeVersion))[0]?.version;
    const start = await version();
    await signInAs(t.app, contact, now); // writes the sign-in time on the user's row
    await db.update(users).set({ lastUsedAt: now }).where(eq(users.id, contact.id));
    expect(await version()).toBe(start);
    await db.transaction(async (tx) => {
      for (const item of ["support-business", "support-basic", "support-standard"])
        await tx
          .insert(subscriptions)
          .values({ organisationId, catalogueItemId: item, startsOn: "2027-06-01" });
    });
    expect(await version()).toBe((start ?? 0) + 1);
    await db
      .transaction(async (tx) => {
        await tx.delete(subscriptions).where(eq(subscriptions.startsOn, "2027-06-01"));
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await version()).toBe((start ?? 0) + 1);
    await db.update(users).set({ firstName: "Camila" }).where(eq(users.id, contact.id));
    expect(await version()).toBe((start ?? 0) + 2);
    await db.delete(subscriptions).where(eq(subscriptions.startsOn, "2027-06-01"));
    expect(await version()).toBe((start ?? 0) + 3);
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))("kept intake facts and time on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-24T09:00:00Z"); // Tuesday 10:00 in Paris
  let operator: TestUser;
  const open = async () =>
    openTicketAs(t.app, await signInAs(t.app, operator, now), {
      category: "incident",
      catalogueItemId: "e-sav",
    });

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    const agent = await createUser(db, provider.id, ["support_agent"]);
    const esav = await createOrganisation(db, "customer", [{ item: "e-sav", from: "2026-01-01" }]);
    operator = await createUser(db, esav.id, ["user"]);
    await makeNamedContact(db, esav.id, operator.id);
    await db.insert(maintenanceWindows).values({
      catalogueItemId: "e-sav",
      title: "Mise à jour e-SAV",
      description: "Interruption du service e-SAV.",
      startsAt: new Date("2026-11-24T09:30:00Z"),
      endsAt: new Date("2026-11-24T11:00:00Z"),
      expectedMinutes: 90,
      announcedAt: new Date("2026-11-10T09:00:00Z"),
      announcedByUserId: agent.id,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("marks the tickets opened once a maintenance began, and not once it ended, with nothing written in between (DSN-SUP-07)", async () => {
    const before = await open();
    expect(before.statusCode, before.body).toBe(201);
    expect(before.json().inMaintenance).toBe(false);
    now = new Date("2026-11-24T09:45:00Z");
    const during = await open();
    expect(during.json().inMaintenance).toBe(true);
    now = new Date("2026-11-24T11:15:00Z");
    const after = await open();
    expect(after.json().inMaintenance).toBe(false);
  });
});
