import { auditLog, subscriptionPeriods } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "../src/modules/audit/record-audit.js";
import {
  type StartSubscriptionInput,
  startSubscription,
} from "../src/modules/subscriptions/start-subscription.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** The app, a clock the test moves, and requests as a person. */
function harness(contract: "multicloud-ready" | "deux-sevres-eservices", start: string) {
  const h = {
    t: undefined as unknown as TestApp,
    now: new Date(start),
    async as(user: TestUser) {
      return (await signInAs(h.t.app, user, h.now)).headers;
    },
    async post(user: TestUser, url: string, payload?: object) {
      return h.t.app.inject({
        method: "POST",
        url,
        headers: await h.as(user),
        ...(payload ? { payload } : {}),
      });
    },
    async get(user: TestUser, url: string) {
      return h.t.app.inject({ method: "GET", url, headers: await h.as(user) });
    },
    async open() {
      h.t = await createTestApp(h.kind, postgresUrl, contract, { clock: () => h.now });
    },
    kind: "pglite" as "pglite" | "postgresql",
    /** Subscriptions started as the product starts them (an order's activation). */
    async start(
      organisationId: string,
      held: Omit<StartSubscriptionInput, "organisationId" | "clause">[],
    ): Promise<[string, ...string[]]> {
      const { db } = h.t.database;
      const ids: string[] = [];
      for (const s of held) {
        const started = await db.transaction((tx) =>
          startSubscription(
            tx,
            h.t.context.contract,
            systemActor("test"),
            { organisationId, clause: "GEN-01", ...s },
            h.now,
          ),
        );
        if (!started.ok) throw new Error(started.reason);
        ids.push(started.subscriptionId);
      }
      return ids as [string, ...string[]];
    },
    async periods() {
      return (await h.t.database.db.select({ n: sql<number>`count(*)::int` }).from(subscriptionPeriods))[0]
        ?.n;
    },
  };
  return h;
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "MCR plan changes and terminations on %s (issue 16)",
  (kind) => {
    // Thursday 14 May 2026, 12:00 in Paris.
    const h = harness("multicloud-ready", "2026-05-14T10:00:00Z");
    let admin: TestUser;
    let user: TestUser;
    let manager: TestUser;
    let security: TestUser;
    let customerId = "";
    let otherId = "";
    let aws = "";
    let support = "";

    beforeAll(async () => {
      h.kind = kind;
      await h.open();
      const { db } = h.t.database;
      const provider = await createOrganisation(db, "provider");
      manager = await createUser(db, provider.id, ["account_manager"], { totp: true });
      security = await createUser(db, provider.id, ["security_officer"], { totp: true });
      customerId = (await createOrganisation(db, "customer")).id;
      [support, aws = ""] = await h.start(customerId, [
        { catalogueItemId: "support-standard", startsOn: "2026-03-01", tenancy: "single" },
        { catalogueItemId: "aws", startsOn: "2026-03-01" },
      ]);
      await h.start(customerId, [{ catalogueItemId: "azure", startsOn: "2026-03-01" }]);
      admin = await createUser(db, customerId, ["customer_admin"]);
      user = await createUser(db, customerId, ["user"]);
      otherId = (await createOrganisation(db, "customer", [{ item: "support-basic", from: "2026-01-01" }]))
        .id;
    });
    afterAll(async () => {
      await h.t?.close();
    });

    it("shows the plan in force and its commitment, explained with MCR-SUP-02", async () => {
      const view = (await h.get(admin, `/api/organisations/${customerId}/commitments`)).json();
      expect(view.support).toMatchObject({
        plan: "standard",
        since: "2026-03-01",
        commitmentEnd: "2026-09-01",
        clause: "MCR-SUP-02",
      });
      expect(view.support.explanation).toContain("Engagement jusqu'au 01/09/2026");
      expect(view.pendingChange).toBeNull();
      expect(view.tasks).toEqual([]);
    });

    it("refuses a downgrade inside the commitment with the earliest date, and writes nothing", async () => {
      const before = await h.periods();
      const refused = await h.post(admin, `/api/organisations/${customerId}/plan-change`, { to: "basic" });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: "contract_rule",
        details: {
          clause: "MCR-SUP-02",
          field: "to",
          earliestDate: "2026-09-01",
          commitmentEnd: "2026-09-01",
        },
      });
      expect(refused.json().message).toContain("au plus tôt le 01/09/2026");
      expect(await h.periods()).toBe(before);
      // A plain user of the customer may not change the plan.
      expect(
        (await h.post(user, `/api/organisations/${customerId}/plan-change`, { to: "premium" })).statusCode,
      ).toBe(403);
    });

    it("cancels a change to come before its date: the plan and commitment go on, audited (issue 16)", async () => {
      const cancel = (by: TestUser) =>
        h.post(by, `/api/organisations/${customerId}/plan-change/cancellation`);
      expect(
        (await h.post(admin, `/api/organisations/${customerId}/plan-change`, { to: "business" })).statusCode,
      ).toBe(200);
      expect((await cancel(user)).statusCode).toBe(403);
      const cancelled = await cancel(admin);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({
        decision: "accepted",
        clause: "MCR-SUP-02",
        effectiveDate: "2026-06-01",
        commitmentEnd: "2026-09-01",
      });
      expect(cancelled.json().explanation).toContain("Standard reste en vigueur");
      const view = (await h.get(admin, `/api/organisations/${customerId}/commitments`)).json();
      expect(view.pendingChange).toBeNull();
      expect(view.support).toMatchObject({ plan: "standard", commitmentEnd: "2026-09-01" });
      const none = await cancel(admin);
      expect(none.statusCode).toBe(422);
      expect(none.json().details).toMatchObject({
        reason: "plan-change-cancel-none",
        field: "effectiveDate",
      });
      const audit = await h.t.database.db.execute(
        sql`select data from ${auditLog} where action = 'subscription.plan_change_cancelled'`,
      );
      expect((audit as unknown as { rows: { data: object }[] }).rows.map((r) => r.data)).toEqual([
        { plan: "business", restored: "standard", effectiveDate: "2026-06-01", clause: "MCR-SUP-02" },
      ]);
    });

    it("accepts an upgrade from the next 1st with a new 6-month commitment, once", async () => {
      const accepted = await h.post(admin, `/api/organisations/${customerId}/plan-change`, { to: "premium" });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({
        decision: "accepted",
        clause: "MCR-SUP-02",
        effectiveDate: "2026-06-01",
        commitmentEnd: "2026-12-01",
        feesDue: null,
      });
      // A second click: the change is already coming, nothing is duplicated.
      const again = await h.post(admin, `/api/organisations/${customerId}/plan-change`, { to: "premium" });
      expect(again.statusCode).toBe(422);
      expect(again.json().details.reason).toBe("plan-change-pending");
      const view = (await h.get(admin, `/api/organisations/${customerId}/commitments`)).json();
      expect(view.support.plan).toBe("standard");
      expect(view.pendingChange).toMatchObject({
        plan: "premium",
        effectiveFrom: "2026-06-01",
        commitmentEnd: "2026-12-01",
      });

      // On 1 June in Paris (31 May 22:30 UTC), Premium is in force; the past stays in the history.
      h.now = new Date("2026-05-31T22:30:00Z");
      const later = (await h.get(admin, `/api/organisations/${customerId}/commitments`)).json();
      expect(later.support).toMatchObject({
        plan: "premium",
        since: "2026-06-01",
        commitmentEnd: "2026-12-01",
      });
      expect(later.pendingChange).toBeNull();
      const audit = await h.t.database.db.execute(
        sql`select count(*)::int as n from ${auditLog} where action = 'subscription.plan_change'`,
      );
      // This change and the one cancelled before.
      expect((audit as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
      // In force, the change is no longer cancelled, even by staff: the refusal says since when.
      const late = await h.post(manager, `/api/organisations/${customerId}/plan-change/cancellation`);
      expect(late.statusCode).toBe(422);
      expect(late.json().details).toMatchObject({
        reason: "plan-change-cancel-effective",
        clause: "MCR-SUP-02",
        earliestDate: "2026-06-01",
      });
      expect(late.json().message).toContain("en vigueur depuis le 01/06/2026");
    });

    it("ends one vendor's service only when that vendor refuses access (MCR-ACC-06)", async () => {
      const url = `/api/organisations/${customerId}/subscriptions/${aws}/vendor-status`;
      expect(
        (await h.post(security, url, { action: "suspend", reason: "AWS suspend le compte" })).statusCode,
      ).toBe(204);
      let view = (await h.get(manager, `/api/organisations/${customerId}/commitments`)).json();
      const status = (item: string) =>
        view.subscriptions.find((s: { catalogueItemId: string }) => s.catalogueItemId === item)?.status;
      expect([status("aws"), status("azure"), status("support-standard")]).toEqual([
        "suspended",
        "active",
        "active",
      ]);
      expect(
        (await h.post(security, url, { action: "terminate", reason: "AWS refuse l'accès" })).statusCode,
      ).toBe(204);
      view = (await h.get(manager, `/api/organisations/${customerId}/commitments`)).json();
      expect([status("aws"), status("azure")]).toEqual(["terminated", "active"]);
      expect(view.terminations).toEqual([expect.objectContaining({ scope: "vendor", clause: "MCR-ACC-06" })]);
      // Not a vendor's subscription: refused with the clause.
      const wrong = await h.post(
        security,
        `/api/organisations/${customerId}/subscriptions/${support}/vendor-status`,
        {
          action: "suspend",
          reason: "essai",
        },
      );
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().details.clause).toBe("MCR-ACC-06");
    });

    it("records a termination: a task to notify each vendor, vendor commitments due, a transfer answered by a quote", async () => {
      // No transfer before a termination (MCR-ORD-03).
      expect(
        (
          await h.post(admin, `/api/organisations/${customerId}/transfer-requests`, {
            recipient: "nous-mêmes",
          })
        ).statusCode,
      ).toBe(422);
      const recorded = await h.post(manager, `/api/organisations/${customerId}/terminations`, {
        scope: "contract",
        noticeReceived: "2026-05-29",
        effectiveDate: "2026-06-30",
      });
      expect(recorded.statusCode).toBe(201);
      expect(recorded.json()).toMatchObject({
        decision: "accepted",
        clause: "MCR-ORD-02",
        effectiveDate: "2026-06-30",
        feesDue: null,
        tasks: 1,
      });
      const staffView = (await h.get(manager, `/api/organisations/${customerId}/commitments`)).json();
      expect(staffView.tasks).toEqual([
        expect.objectContaining({
          kind: "notify-vendor",
          vendor: "Microsoft",
          clause: "MCR-ORD-02",
          doneAt: null,
        }),
      ]);
      expect((await h.get(admin, `/api/organisations/${customerId}/commitments`)).json().tasks).toEqual([]);
      const task = staffView.tasks[0].id;
      expect(
        (await h.post(manager, `/api/organisations/${customerId}/staff-tasks/${task}/done`)).statusCode,
      ).toBe(204);
      expect(
        (await h.post(manager, `/api/organisations/${customerId}/staff-tasks/${task}/done`)).statusCode,
      ).toBe(404);

      const asked = await h.post(admin, `/api/organisations/${customerId}/transfer-requests`, {
        recipient: "Cloud Tiers SAS",
      });
      expect(asked.statusCode).toBe(201);
      const quoteUrl = `/api/organisations/${customerId}/transfer-requests/${asked.json().id}/quote`;
      expect(
        (await h.post(manager, quoteUrl, { amount: "1500.00", text: "Projet de réversibilité, 3 jours" }))
          .statusCode,
      ).toBe(204);
      expect((await h.post(manager, quoteUrl, { amount: "1.00", text: "encore" })).statusCode).toBe(409);
      const seen = (await h.get(admin, `/api/organisations/${customerId}/commitments`)).json();
      expect(seen.transferRequests).toEqual([
        expect.objectContaining({ recipient: "Cloud Tiers SAS", quote: "1500.00" }),
      ]);
      // A second click: nothing is left running to terminate, nothing is duplicated.
      const twice = await h.post(manager, `/api/organisations/${customerId}/terminations`, {
        scope: "contract",
        noticeReceived: "2026-05-29",
        effectiveDate: "2026-06-30",
      });
      expect(twice.statusCode).toBe(409);
    });

    it("keeps another customer out", async () => {
      expect((await h.get(admin, `/api/organisations/${otherId}/commitments`)).statusCode).toBe(403);
    });
  },
);

describe.each(databaseKindsUnderTest(postgresUrl))("DSN terminations on %s (DSN-ORD-04)", (kind) => {
  // Tuesday 20 January 2026, 11:00 in Paris.
  const h = harness("deux-sevres-eservices", "2026-01-20T10:00:00Z");
  let manager: TestUser;
  let admin: TestUser;
  let operatorId = "";
  let secondId = "";
  let eSav = "";

  // Specific conditions as the provider records them (test values): the example b, and TAO.
  const esavTerms = {
    catalogueItemId: "e-sav",
    startsOn: "2025-06-15",
    monthlyPriceCents: 15_000,
    minimumMonths: 12,
    noticeMonths: 3,
  };
  const taoTerms = {
    catalogueItemId: "tao",
    startsOn: "2025-12-01",
    monthlyPriceCents: 9_999,
    minimumMonths: 24,
    noticeMonths: 1,
  };

  /** The letter of 10 January 2026, recorded for the first operator. */
  const terminateContract = (person: TestUser) =>
    h.post(person, `/api/organisations/${operatorId}/terminations`, {
      scope: "contract",
      noticeReceived: "2026-01-10",
    });

  beforeAll(async () => {
    h.kind = kind;
    await h.open();
    const { db } = h.t.database;
    const provider = await createOrganisation(db, "provider");
    manager = await createUser(db, provider.id, ["account_manager"], { totp: true });
    operatorId = (await createOrganisation(db, "customer")).id;
    await h.start(operatorId, [
      esavTerms,
      taoTerms,
      { catalogueItemId: "e-soutien", startsOn: "2025-06-15" },
    ]);
    admin = await createUser(db, operatorId, ["customer_admin"]);
    secondId = (await createOrganisation(db, "customer")).id;
    [eSav] = await h.start(secondId, [esavTerms, taoTerms]);
  });
  afterAll(async () => {
    await h.t?.close();
  });

  it("writes the registered letter for the operator to send", async () => {
    const letter = await h.get(admin, `/api/organisations/${operatorId}/termination-letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers["content-type"]).toContain("text/plain");
    expect(letter.body).toContain("Lettre recommandée avec demande d'avis de réception");
    expect(letter.body).toContain("résiliation du Contrat qui nous lie, moyennant le préavis de 3 mois");
  });

  it("refuses a letter received in the future, naming the field and the clause", async () => {
    const refused = await h.post(manager, `/api/organisations/${operatorId}/terminations`, {
      scope: "contract",
      noticeReceived: "2026-01-21",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toMatchObject({ clause: "DSN-ORD-04", field: "noticeReceived" });
    expect((await terminateContract(admin)).statusCode).toBe(403);
  });

  it("ends the contract 3 months after the letter and every e-service, with the remaining fees", async () => {
    const recorded = await terminateContract(manager);
    expect(recorded.statusCode).toBe(201);
    // e-SAV: 105.00 + 150.00 + 70.00; TAO: 69.99 + 19 × 99.99 = 1 969.80; e-soutien is free and included.
    expect(recorded.json()).toMatchObject({
      clause: "DSN-ORD-04",
      effectiveDate: "2026-04-10",
      feesDue: "2294.80",
      tasks: 0,
    });
    expect(recorded.json().explanation).toContain("Total dû : 2\u202f294,80\u00a0€");
    const view = (await h.get(admin, `/api/organisations/${operatorId}/commitments`)).json();
    expect(view.terminations).toEqual([
      expect.objectContaining({
        scope: "contract",
        noticeReceived: "2026-01-10",
        effectiveDate: "2026-04-10",
        feesDue: "2294.80",
      }),
    ]);
    expect(view.subscriptions.every((s: { endsOn: string }) => s.endsOn === "2026-04-09")).toBe(true);
    // A second click: nothing is left running, nothing is duplicated.
    expect((await terminateContract(manager)).statusCode).toBe(409);
  });

  it("ends one e-service after its own notice, the others going on", async () => {
    const recorded = await h.post(manager, `/api/organisations/${secondId}/terminations`, {
      scope: "service",
      subscriptionId: eSav,
      noticeReceived: "2026-01-10",
    });
    expect(recorded.json()).toMatchObject({
      clause: "DSN-ORD-04",
      effectiveDate: "2026-04-10",
      feesDue: "325.00",
    });
    const view = (await h.get(manager, `/api/organisations/${secondId}/commitments`)).json();
    const endsOn = (item: string) =>
      view.subscriptions.find((s: { catalogueItemId: string }) => s.catalogueItemId === item)?.endsOn;
    expect([endsOn("e-sav"), endsOn("tao")]).toEqual(["2026-04-09", null]);
  });
});
