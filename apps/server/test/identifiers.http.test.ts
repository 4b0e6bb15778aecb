import { outbox, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepInactiveIdentifiers } from "../src/modules/accounts/sweep-inactive-identifiers.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))(
  "identifier policy on %s (Deux-Sèvres Numérique)",
  (kind) => {
    let t: TestApp;
    let now = new Date("2026-11-23T09:00:00Z");
    let operatorId: string;
    let admin: TestUser;

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
      operatorId = (
        await createOrganisation(t.database.db, "customer", [{ item: "e-sav", from: "2026-01-01" }])
      ).id;
      admin = await createUser(t.database.db, operatorId, ["customer_admin"]);
    });
    afterAll(async () => {
      await t?.close();
    });

    const invite = async (headers: Record<string, string>, email: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/organisations/${operatorId}/users`,
        headers,
        payload: { email, firstName: "Noé", lastName: "Bernard", roles: ["user"] },
      });

    it("shows when identifiers are due: 5 working days, Monday to Saturday (DSN-ID-02, DSN-SUP-06)", async () => {
      const session = await signInAs(t.app, admin, now);
      // Monday 23 Nov 2026 10:00 Paris + 5 working days (Mon–Sat) = Saturday 28 Nov 10:00 Paris.
      const invited = await invite(session.headers, "noe.bernard@example.fr");
      expect(invited.statusCode).toBe(201);
      expect(invited.json().identifierDueAt).toBe("2026-11-28T09:00:00.000Z");
    });

    it("refuses the 101st identifier of an operator, citing DSN-ID-01", async () => {
      const session = await signInAs(t.app, admin, now);
      const held = (await t.database.db.select().from(users).where(eq(users.organisationId, operatorId)))
        .length;
      await t.database.db.insert(users).values(
        Array.from({ length: 100 - held }, (_, i) => ({
          organisationId: operatorId,
          email: `bulk${i}@example.fr`,
          firstName: "Bulk",
          lastName: String(i),
          status: "active" as const,
        })),
      );
      const refused = await invite(session.headers, "one-too-many@example.fr");
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ details: { clause: "DSN-ID-01", limit: 100 } });
      expect(refused.json().message).toContain("100");
      const [none] = await t.database.db
        .select()
        .from(users)
        .where(eq(users.email, "one-too-many@example.fr"));
      expect(none).toBeUndefined();
    });

    it("revokes a lost identifier at once, its sessions too, and issues a new one (DSN-ID-04)", async () => {
      const { db } = t.database;
      const person = await createUser(db, operatorId, ["user"]);
      await db.delete(users).where(and(eq(users.organisationId, operatorId), eq(users.firstName, "Bulk")));
      const theirSession = await signInAs(t.app, person, now);
      const adminSession = await signInAs(t.app, admin, now);
      const revoked = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${operatorId}/users/${person.id}/revoke`,
        headers: adminSession.headers,
        payload: { reason: "loss" },
      });
      expect(revoked.statusCode).toBe(201);
      expect(
        (await t.app.inject({ method: "GET", url: "/api/auth/me", headers: theirSession.headers }))
          .statusCode,
      ).toBe(401);
      const history = await db.select().from(users).where(eq(users.email, person.email));
      expect(history.map((u) => u.status).sort()).toEqual(["invited", "revoked"]);
      expect(history.find((u) => u.status === "invited")?.replacesUserId).toBe(person.id);
      const [mail] = await db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, person.email))
        .orderBy(desc(outbox.createdAt));
      expect(mail?.kind).toBe("identifier_revoked_reissued");
      expect(mail?.textBody).toContain("DSN-ID-04");
    });

    it("warns, then deactivates, an identifier unused for 6 months, once (DSN-ID-03)", async () => {
      const { db } = t.database;
      const sleeper = await createUser(db, operatorId, ["user"]);
      await db
        .update(users)
        .set({ lastUsedAt: new Date("2026-05-30T08:00:00Z") })
        .where(eq(users.id, sleeper.id));
      // 23 Nov: last use 30 May is under 6 months ago, but within the 14-day warning window.
      const first = await sweepInactiveIdentifiers(t.context, now);
      expect(first.warned).toBeGreaterThanOrEqual(1);
      const again = await sweepInactiveIdentifiers(t.context, now);
      expect(again.warned).toBe(0);
      const warnings = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, sleeper.email), eq(outbox.kind, "inactivity_warning")));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.textBody).toContain("DSN-ID-03");

      now = new Date("2026-12-01T09:00:00Z");
      const later = await sweepInactiveIdentifiers(t.context, now);
      expect(later.deactivated).toBeGreaterThanOrEqual(1);
      const [after] = await db.select().from(users).where(eq(users.id, sleeper.id));
      expect(after).toMatchObject({ status: "deactivated", statusReason: "inactivity" });
      const signIn = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: sleeper.email, password: sleeper.password },
      });
      expect(signIn.statusCode).toBe(401);
    });

    it("counts an identifier sent but never used towards the 100, and sweeps it 6 months after it was sent (DSN-ID-01, DSN-ID-03)", async () => {
      const { db } = t.database;
      now = new Date("2026-12-02T09:00:00Z");
      const session = await signInAs(t.app, admin, now);
      // An identifier sent in May and never used, then enough others to reach the operator's 100.
      const [sent] = await db
        .insert(users)
        .values({
          organisationId: operatorId,
          email: "sent-in-may@example.fr",
          firstName: "Lou",
          lastName: "Sans-Suite",
          status: "invited",
          statusChangedAt: new Date("2026-05-20T08:00:00Z"),
        })
        .returning({ id: users.id });
      const live = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, operatorId), inArray(users.status, ["invited", "active"])));
      await db.insert(users).values(
        Array.from({ length: 100 - live.length }, (_, i) => ({
          organisationId: operatorId,
          email: `fill${i}@example.fr`,
          firstName: "Fill",
          lastName: String(i),
          status: "active" as const,
        })),
      );
      const stillFull = await invite(session.headers, "waiting@example.fr");
      expect(stillFull.statusCode).toBe(422);
      expect(stillFull.json().details).toMatchObject({ clause: "DSN-ID-01" });

      const swept = await sweepInactiveIdentifiers(t.context, now);
      expect(swept.deactivated).toBeGreaterThanOrEqual(1);
      const [after] = await db
        .select()
        .from(users)
        .where(eq(users.id, sent?.id ?? ""));
      expect(after).toMatchObject({ status: "deactivated", statusReason: "inactivity" });
      // Its place among the 100 is free again.
      expect((await invite(session.headers, "waiting@example.fr")).statusCode).toBe(201);
    });
  },
);
