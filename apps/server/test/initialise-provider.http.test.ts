import { auditLog, organisations, outbox, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { initialiseProvider } from "../src/modules/accounts/initialise-provider.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { THIRD_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");

/** `guichet init`'s use case (issue 22): the provider and its first administrator, once. */
describe.each(databaseKindsUnderTest(postgresUrl))("initialising a new deployment on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-06-01T13:00:00Z");
  const jeanne = {
    email: "Jeanne@Boreal-Nuage.example",
    firstName: "Jeanne",
    lastName: "Tremblay",
    locale: "en",
  } as const;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, THIRD_CONTRACT, { clock: () => now });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates the provider from the contract file and invites its administrator, audited, in one go", async () => {
    const result = await initialiseProvider(t.context, jeanne, now);
    expect(result).toMatchObject({
      ok: true,
      organisationName: "Boréal Nuage inc.",
      createdOrganisation: true,
    });
    if (!result.ok) return;
    // The contract's invitation link lasts 2 days (BNC-ACC-01).
    expect(result.expiresAt.toISOString()).toBe("2026-06-03T13:00:00.000Z");
    const { db } = t.database;
    const [provider] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, result.organisationId));
    expect(provider).toMatchObject({ kind: "provider", slug: "boreal-nuage", name: "Boréal Nuage inc." });
    const [admin] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(admin).toMatchObject({
      email: "jeanne@boreal-nuage.example",
      roles: ["admin"],
      status: "invited",
    });
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, "jeanne@boreal-nuage.example"));
    expect(mail?.kind).toBe("invitation");
    expect(mail?.textBody).toContain(result.link);
    expect(mail?.textBody).toContain("BNC-ACC-01");
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "provider.initialise"));
    expect(entry).toMatchObject({ targetId: result.userId, organisationId: result.organisationId });
  });

  it("refuses a second time, naming the administrator, and changes nothing", async () => {
    const { db } = t.database;
    const before = (await db.select().from(users)).length;
    const again = await initialiseProvider(
      t.context,
      { ...jeanne, email: "other@boreal-nuage.example" },
      now,
    );
    expect(again).toEqual({
      ok: false,
      reason: "administrator_exists",
      administrators: ["jeanne@boreal-nuage.example"],
    });
    expect(await db.select().from(users)).toHaveLength(before);
    expect(await db.select().from(organisations)).toHaveLength(1);
  });
});
