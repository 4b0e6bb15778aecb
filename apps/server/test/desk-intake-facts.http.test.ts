import { namedContacts, subscriptions } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditTrail } from "../src/modules/audit/verify-audit.js";
import { makeNamedContact, openTicketAs } from "./helpers/desk.js";
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
});
