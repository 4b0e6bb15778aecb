import { auditLog, maintenanceWindows, outbox, specificConditions, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** A maintenance of e-SAV on Tuesday 1 December 2026, 08:00–12:00 in Paris, 2 hours of interruption. */
const ESAV_MAINTENANCE = {
  catalogueItemId: "e-sav",
  title: "Mise à jour de la plateforme e-SAV",
  description: "Les tests de ligne et le dépôt de signalisations e-SAV seront interrompus.",
  startsAt: "2026-12-01T07:00:00Z",
  endsAt: "2026-12-01T11:00:00Z",
  expectedMinutes: 120,
};

describe.each(databaseKindsUnderTest(postgresUrl))(
  "DSN scheduled maintenance and portal outages on %s",
  (kind) => {
    let t: TestApp;
    let now = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
    let agent: TestUser;
    let esavAdmin: TestUser;
    let esavUser: TestUser;
    let esavBilling: TestUser;
    let esavInvited: TestUser;
    let taoUser: TestUser;
    let formerUser: TestUser;
    const as = async (user: TestUser) => (await signInAs(t.app, user, now)).headers;
    const post = async (user: TestUser, url: string, payload?: object) =>
      t.app.inject({ method: "POST", url, headers: await as(user), ...(payload ? { payload } : {}) });
    const get = async (user: TestUser, url: string) =>
      t.app.inject({ method: "GET", url, headers: await as(user) });
    const mailsOfKind = (kind: string) => t.database.db.select().from(outbox).where(eq(outbox.kind, kind));
    const count = async (table: typeof maintenanceWindows | typeof outbox) =>
      (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    // Signing in is audited too: count only what maintenance writes.
    const maintenanceAudit = async () =>
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(sql`${auditLog.action} like 'maintenance.%'`)
      )[0]?.n;

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
      const esav = await createOrganisation(db, "customer", [{ item: "e-sav", from: "2026-01-01" }]);
      esavAdmin = await createUser(db, esav.id, ["customer_admin"]);
      esavUser = await createUser(db, esav.id, ["user"]);
      esavBilling = await createUser(db, esav.id, ["billing_reader"]);
      esavInvited = await createUser(db, esav.id, ["user"]);
      await db.update(users).set({ status: "invited" }).where(eq(users.id, esavInvited.id));
      const tao = await createOrganisation(db, "customer", [{ item: "tao", from: "2026-01-01" }]);
      taoUser = await createUser(db, tao.id, ["user"]);
      const former = await createOrganisation(db, "customer", [{ item: "e-sav", from: "2025-01-01" }]);
      await db.execute(
        sql`update subscriptions set ends_on = '2026-06-30' where organisation_id = ${former.id}`,
      );
      formerUser = await createUser(db, former.id, ["customer_admin"]);
      // DSN art. 14: the notice is "indiqué dans les Conditions Spécifiques de chaque e-service":
      // e-SAV's say 5 days from 2026; TAO has none recorded (issue 14: no default is invented).
      await db.insert(specificConditions).values({
        catalogueItemId: "e-sav",
        effectiveFrom: "2026-01-01",
        documentTitle: "Conditions Spécifiques e-SAV",
        documentVersion: "v5",
        monthlyPriceCents: 15000,
        minimumMonths: 12,
        terminationNoticeMonths: 3,
        maintenanceNoticeDays: 5,
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    it("refuses a maintenance announced with less than the e-service's notice in its specific conditions, citing DSN-SUP-07, and writes nothing", async () => {
      const before = [await count(maintenanceWindows), await count(outbox), await maintenanceAudit()];
      const refused = await post(agent, "/api/maintenance", {
        ...ESAV_MAINTENANCE,
        startsAt: "2026-11-28T08:59:00Z",
        endsAt: "2026-11-28T11:00:00Z",
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: "contract_rule",
        details: {
          reason: "notice_too_short",
          clause: "DSN-SUP-07",
          earliestStart: "2026-11-28T09:00:00.000Z",
          notice: "5 days",
        },
      });
      expect(refused.json().message.replace(/\s/g, " ")).toBe(
        "Préavis insuffisant : une maintenance s'annonce 5 jours à l'avance ; celle-ci pourrait commencer au plus tôt le samedi 28 novembre 2026 à 10:00 UTC+1 (DSN-SUP-07).",
      );
      expect([await count(maintenanceWindows), await count(outbox), await maintenanceAudit()]).toEqual(
        before,
      );
    });

    it("refuses a window shorter than its expected duration, an unknown service, and a customer announcing", async () => {
      const tooShort = await post(agent, "/api/maintenance", { ...ESAV_MAINTENANCE, expectedMinutes: 300 });
      expect(tooShort.statusCode).toBe(400);
      expect(tooShort.json().details).toMatchObject({ reason: "duration_exceeds_window", window: 240 });
      const unknown = await post(agent, "/api/maintenance", {
        ...ESAV_MAINTENANCE,
        catalogueItemId: "e-fax",
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().details.reason).toBe("unknown_service");
      expect((await post(esavAdmin, "/api/maintenance", ESAV_MAINTENANCE)).statusCode).toBe(403);
    });

    it("announces a maintenance by one e-mail to each active person of the operators holding the service, and audits it (DSN-SUP-07)", async () => {
      const announced = await post(agent, "/api/maintenance", ESAV_MAINTENANCE);
      expect(announced.statusCode, announced.body).toBe(201);
      expect(announced.json()).toMatchObject({
        maintenance: { service: "e-SAV", state: "upcoming", expectedMinutes: 120, clause: "DSN-SUP-07" },
        told: { people: 2, organisations: 1 },
      });
      const mails = await mailsOfKind("maintenance_announced");
      // Not the billing reader, the invited person, the TAO operator, nor the operator that left e-SAV in June.
      expect(mails.map((m) => m.toAddress).sort()).toEqual([esavAdmin.email, esavUser.email].sort());
      const [mail] = mails;
      expect(mail?.subject).toBe("Maintenance programmée de e-SAV : Mise à jour de la plateforme e-SAV");
      expect(mail?.textBody).toContain("est programmée (DSN-SUP-07)");
      expect(mail?.textBody).toContain("Début : mardi 1 décembre 2026 à 08:00 UTC+1");
      expect(mail?.textBody).toContain("Fin au plus tard : mardi 1 décembre 2026 à 12:00 UTC+1");
      expect(mail?.textBody.replace(/\s/g, " ")).toContain("Durée d'interruption prévue : 2 h");
      for (const excluded of [esavBilling, esavInvited, taoUser, formerUser])
        expect(mails.some((m) => m.toAddress === excluded.email)).toBe(false);
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, announced.json().maintenance.id));
      expect(entry).toMatchObject({ action: "maintenance.announced", actorUserId: agent.id });
      expect(entry?.data).toMatchObject({
        notice: "5 days",
        noticeSource: "specific-conditions",
        noticeDocument: "Conditions Spécifiques e-SAV v5",
        clause: "DSN-SUP-07",
      });
      const { said, ...notice } = announced.json().maintenance.notice;
      expect(notice).toEqual({
        source: "specific-conditions",
        duration: "5 days",
        document: "Conditions Spécifiques e-SAV v5",
      });
      expect(said.replace(/\s/g, " ")).toBe(
        "Préavis : 5 jours, selon Conditions Spécifiques e-SAV v5 (DSN-SUP-07).",
      );
    });

    it("shows a customer only the maintenance of services it holds, and the provider all of it", async () => {
      // TAO's specific conditions are not recorded: no notice rule is applied, and the announcement
      // says so to whoever reads it, rather than a notice Guichet would make up (issue 14, DSN-SUP-07).
      const tao = await post(agent, "/api/maintenance", {
        ...ESAV_MAINTENANCE,
        catalogueItemId: "tao",
        title: "Migration TAO",
      });
      expect(tao.statusCode, tao.body).toBe(201);
      expect(tao.json().maintenance.notice).toMatchObject({
        source: "not-stated",
        duration: null,
        document: null,
      });
      const [taoListed] = (await get(taoUser, "/api/maintenance")).json().items;
      expect(taoListed.notice.said).toBe(
        "Aucune règle de préavis appliquée : le préavis est celui des Conditions Spécifiques de cet e-service, et aucune n'est enregistrée (DSN-SUP-07).",
      );
      const titles = async (user: TestUser) =>
        (await get(user, "/api/maintenance")).json().items.map((m: { title: string }) => m.title);
      expect(await titles(esavUser)).toEqual([ESAV_MAINTENANCE.title]);
      expect(await titles(esavBilling)).toEqual([ESAV_MAINTENANCE.title]);
      expect(await titles(taoUser)).toEqual(["Migration TAO"]);
      expect(await titles(formerUser)).toEqual([]);
      expect((await titles(agent)).sort()).toEqual([ESAV_MAINTENANCE.title, "Migration TAO"].sort());
    });

    it("cancels a maintenance and tells the people concerned; cancelling twice is a conflict", async () => {
      const [tao] = await t.database.db
        .select()
        .from(maintenanceWindows)
        .where(eq(maintenanceWindows.catalogueItemId, "tao"));
      const url = `/api/maintenance/${tao?.id}/cancel`;
      expect((await post(taoUser, url, { reason: "essai" })).statusCode).toBe(403);
      const cancelled = await post(agent, url, { reason: "Migration reportée au premier trimestre." });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({
        maintenance: { state: "cancelled", cancelledAt: now.toISOString() },
        told: { people: 1, organisations: 1 },
      });
      const [mail] = await mailsOfKind("maintenance_cancelled");
      expect(mail?.toAddress).toBe(taoUser.email);
      expect(mail?.textBody).toContain("Motif : Migration reportée au premier trimestre.");
      expect((await get(taoUser, "/api/maintenance")).json().items).toEqual([]);
      const again = await post(agent, url, { reason: "encore" });
      expect(again.statusCode).toBe(409);
      expect(again.json().details.reason).toBe("already_cancelled");
      const missing = await post(agent, "/api/maintenance/00000000-0000-4000-8000-000000000000/cancel", {
        reason: "x",
      });
      expect(missing.statusCode).toBe(404);
    });

    it("marks a ticket opened during the window and leaves it out of the SLA report (DSN-SUP-07)", async () => {
      const before = await openTicketAs(t.app, await signInAs(t.app, esavUser, now), {
        category: "incident",
        catalogueItemId: "e-sav",
      });
      expect(before.json().inMaintenance).toBe(false);
      now = new Date("2026-12-01T08:00:00Z"); // Tuesday 09:00 in Paris, during the maintenance
      const during = await openTicketAs(t.app, await signInAs(t.app, esavUser, now), {
        category: "incident",
        catalogueItemId: "e-sav",
      });
      expect(during.statusCode, during.body).toBe(201);
      expect(during.json().inMaintenance).toBe(true);
      const listed = await get(esavUser, "/api/maintenance");
      expect(listed.json().items[0]).toMatchObject({ title: ESAV_MAINTENANCE.title, state: "in_progress" });

      const report = await get(esavAdmin, "/api/desk/reports/sla?month=2026-12");
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json().total).toMatchObject({
        counted: 0,
        excluded: { maintenance: 1, outOfScope: 0, slaNotApplicable: 0, noTarget: 0 },
      });
      // November's ticket is not in maintenance; e-soutien sets no response target (DSN-SUP-06).
      const november = await get(esavAdmin, "/api/desk/reports/sla?month=2026-11");
      expect(november.json().total).toMatchObject({ counted: 0, excluded: { maintenance: 0, noTarget: 1 } });

      now = new Date("2026-12-01T11:00:00Z");
      const [esav] = await t.database.db
        .select()
        .from(maintenanceWindows)
        .where(eq(maintenanceWindows.catalogueItemId, "e-sav"));
      const over = await post(agent, `/api/maintenance/${esav?.id}/cancel`, { reason: "trop tard" });
      expect(over.statusCode).toBe(409);
      expect(over.json().details.reason).toBe("already_over");
    });

    it("lists past and cancelled announcements a page at a time, who cancelled and why for the provider only (DSN-SUP-07)", async () => {
      now = new Date("2026-12-01T11:00:00Z"); // the e-SAV maintenance just ended; the TAO one was cancelled
      const router = await post(agent, "/api/maintenance", {
        ...ESAV_MAINTENANCE,
        title: "Changement de routeur",
        startsAt: "2026-12-15T07:00:00Z",
        endsAt: "2026-12-15T09:00:00Z",
        expectedMinutes: 30,
      });
      expect(router.statusCode, router.body).toBe(201);
      const routerId = router.json().maintenance.id;
      const cancelled = await post(agent, `/api/maintenance/${routerId}/cancel`, {
        reason: "Routeur livré en retard.",
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect((await get(agent, "/api/maintenance")).json()).toEqual({ items: [], next: null });

      // Latest start first: the cancelled 15 December, then the two of 1 December (one over, one cancelled).
      const first = await get(agent, "/api/maintenance?period=past&limit=2");
      expect(first.statusCode, first.body).toBe(200);
      const [latest, second] = first.json().items;
      expect(latest).toMatchObject({
        id: routerId,
        state: "cancelled",
        cancelledAt: now.toISOString(),
        cancelledBy: expect.stringContaining(agent.email),
        cancellationReason: "Routeur livré en retard.",
      });
      expect(first.json().next).toBe(second.id);
      const rest = await get(agent, `/api/maintenance?period=past&limit=2&before=${second.id}`);
      expect(rest.json().next).toBeNull();
      const earlier = [second, ...rest.json().items];
      expect(earlier.map((m: { title: string; state: string }) => [m.title, m.state]).sort()).toEqual([
        ["Migration TAO", "cancelled"],
        [ESAV_MAINTENANCE.title, "over"],
      ]);
      expect(earlier.find((m: { title: string }) => m.title === "Migration TAO")).toMatchObject({
        cancelledBy: expect.stringContaining(agent.email),
        cancellationReason: "Migration reportée au premier trimestre.",
      });
      expect(earlier.find((m: { state: string }) => m.state === "over")).toMatchObject({
        cancelledAt: null,
        cancelledBy: null,
        cancellationReason: null,
      });

      // Customers: only the services they held during the window, and not who cancelled.
      const past = async (user: TestUser) => (await get(user, "/api/maintenance?period=past")).json();
      const esav = await past(esavUser);
      expect(esav.items.map((m: { title: string }) => m.title)).toEqual([
        "Changement de routeur",
        ESAV_MAINTENANCE.title,
      ]);
      expect(esav.items[0]).toMatchObject({
        state: "cancelled",
        cancelledBy: null,
        cancellationReason: null,
      });
      expect(esav.next).toBeNull();
      expect((await past(taoUser)).items.map((m: { title: string }) => m.title)).toEqual(["Migration TAO"]);
      // Its e-SAV subscription ended in June, before any of these windows: read through, page after page.
      expect((await past(formerUser)).items).toEqual([]);
      expect((await get(formerUser, "/api/maintenance?period=past&limit=1")).json()).toEqual({
        items: [],
        next: null,
      });
    });

    it("refuses a history page it cannot read, and gives an empty page after an unknown announcement", async () => {
      for (const query of [
        "period=soon",
        "period=past&limit=0",
        "period=past&limit=101",
        "limit=5",
        "before=x",
      ])
        expect((await get(agent, `/api/maintenance?${query}`)).statusCode, query).toBe(400);
      const unknown = await get(
        agent,
        "/api/maintenance?period=past&before=00000000-0000-4000-8000-000000000000",
      );
      expect(unknown.json()).toEqual({ items: [], next: null });
    });

    it("declares the portal unavailable, shows it to everyone signed in, refuses an overlap and ends it (DSN-SUP-08)", async () => {
      expect((await post(esavAdmin, "/api/portal-outages", { reason: "essai" })).statusCode).toBe(403);
      const declared = await post(agent, "/api/portal-outages", { reason: "Panne du frontal e-soutien" });
      expect(declared.statusCode, declared.body).toBe(201);
      const outage = declared.json();
      expect(outage).toMatchObject({
        reason: "Panne du frontal e-soutien",
        startsAt: now.toISOString(),
        endsAt: null,
      });
      const current = await get(esavUser, "/api/portal-outages/current");
      expect(current.json()).toEqual({ outage });

      const overlapping = await post(agent, "/api/portal-outages", {
        reason: "Autre panne",
        startsAt: "2026-12-02T08:00:00Z",
      });
      expect(overlapping.statusCode).toBe(409);
      expect(overlapping.json().details).toMatchObject({ reason: "overlaps", clause: "DSN-SUP-08" });

      now = new Date(now.getTime() + 45 * 60_000);
      const ended = await post(agent, `/api/portal-outages/${outage.id}/end`);
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json().endsAt).toBe(now.toISOString());
      expect((await get(esavUser, "/api/portal-outages/current")).json()).toEqual({ outage: null });
      expect((await post(agent, `/api/portal-outages/${outage.id}/end`)).statusCode).toBe(409);
      const actions = await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(inArray(auditLog.action, ["portal_outage.declared", "portal_outage.ended"]));
      expect(actions.map((a) => a.action).sort()).toEqual(["portal_outage.declared", "portal_outage.ended"]);
    });
  },
);

describe.each(databaseKindsUnderTest(postgresUrl))("MCR without scheduled maintenance on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses to announce maintenance where the contract provides none, so no ticket can leave the SLA that way", async () => {
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    const admin = await createUser(db, provider.id, ["admin"], { totp: true });
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/maintenance",
      headers: (await signInAs(t.app, admin, now)).headers,
      payload: {
        ...ESAV_MAINTENANCE,
        catalogueItemId: "azure",
        startsAt: "2027-01-05T07:00:00Z",
        endsAt: "2027-01-05T11:00:00Z",
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toEqual({ reason: "not_in_contract" });
    // No clause of another provider's contract is cited where this one has none (GEN-01).
    expect(refused.json().message).not.toContain("DSN-SUP-07");
    expect(refused.json().details).not.toHaveProperty("clause");
  });
});
