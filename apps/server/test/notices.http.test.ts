import { createHash } from "node:crypto";
import {
  auditLog,
  changeNotices,
  contractChanges,
  outbox,
  specificConditions,
  subscriptions,
  terminations,
} from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { fromCents, supportFee } from "@guichet/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { contractWithRevisedPrices } from "../src/modules/notices/revised-prices.js";
import { sweepSignatureReminders } from "../src/modules/notices/sweep-signature-reminders.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** The app, a clock the test moves, and requests as a person. */
function harness(contract: "multicloud-ready" | "deux-sevres-eservices", start: string) {
  const h = {
    t: undefined as unknown as TestApp,
    now: new Date(start),
    kind: "pglite" as "pglite" | "postgresql",
    async send(user: TestUser, method: "GET" | "POST", url: string, payload?: object) {
      const headers = (await signInAs(h.t.app, user, h.now)).headers;
      return h.t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    },
    async open() {
      h.t = await createTestApp(h.kind, postgresUrl, contract, { clock: () => h.now });
    },
    async count(table: typeof contractChanges | typeof changeNotices | typeof outbox) {
      return (await h.t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    },
  };
  return h;
}

describe.each(databaseKindsUnderTest(postgresUrl))("MCR 5.3.5 price revisions on %s (MCR-BIL-05)", (kind) => {
  // Saturday 5 December 2026, 11:00 in Paris.
  const h = harness("multicloud-ready", "2026-12-05T10:00:00Z");
  let manager: TestUser;
  let admin: TestUser;
  let basicAdmin: TestUser;
  let customerId = "";
  const increase = (effectiveFrom: string, idempotencyKey?: string) => ({
    kind: "price",
    title: "Révision du prix du support Standard",
    body: "Le pourcentage du support Standard passe de 7,5 % à 8,5 %.",
    effectiveFrom,
    prices: [{ priceKey: "support-standard", percent: "8.5" }],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  beforeAll(async () => {
    h.kind = kind;
    await h.open();
    const { db } = h.t.database;
    const provider = await createOrganisation(db, "provider");
    manager = await createUser(db, provider.id, ["account_manager"], { totp: true });
    customerId = (
      await createOrganisation(db, "customer", [{ item: "support-standard", from: "2026-03-01" }])
    ).id;
    admin = await createUser(db, customerId, ["customer_admin"]);
    await createUser(db, customerId, ["user"]);
    // Basic by default (no support subscription): the Standard price is not its own.
    const basicId = (await createOrganisation(db, "customer", [{ item: "aws", from: "2026-03-01" }])).id;
    basicAdmin = await createUser(db, basicId, ["customer_admin"]);
  });
  afterAll(async () => {
    await h.t?.close();
  });

  it("offers the earliest dates: an increase 30 days on, moved to a 1st; a decrease from the next 1st", async () => {
    const options = (await h.send(manager, "GET", "/api/contract-changes/options")).json();
    expect(options.kinds).toEqual([
      expect.objectContaining({
        kind: "price",
        clause: "MCR-BIL-05",
        earliest: { increase: "2027-02-01", decrease: "2027-01-01" },
      }),
    ]);
    expect(options.prices).toContainEqual({
      priceKey: "support-standard",
      target: "support",
      label: "Standard",
      current: { basisPoints: 750, minimumCents: 6900 },
    });
  });

  it("refuses an increase inside the 30 days with the clause and the earliest date, writing nothing", async () => {
    const refused = await h.send(manager, "POST", "/api/contract-changes", increase("2027-01-01"));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toMatchObject({
      clause: "MCR-BIL-05",
      reason: "inside_notice",
      earliest: "2027-02-01",
      field: "effectiveFrom",
    });
    expect(refused.json().message).toContain("01/02/2027");
    const mid = await h.send(manager, "POST", "/api/contract-changes", increase("2027-02-15"));
    expect(mid.json().details).toMatchObject({ reason: "not_first_of_month", clause: "MCR-BIL-05" });
    expect([await h.count(contractChanges), await h.count(changeNotices), await h.count(outbox)]).toEqual([
      0, 0, 0,
    ]);
  });

  it("refuses a change of a price nobody holds, and a customer announcing", async () => {
    const nobody = await h.send(manager, "POST", "/api/contract-changes", {
      ...increase("2027-02-01"),
      prices: [{ priceKey: "support-business", percent: "11" }],
    });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().details).toMatchObject({ reason: "no_affected_customer", clause: "MCR-BIL-05" });
    expect((await h.send(admin, "POST", "/api/contract-changes", increase("2027-02-01"))).statusCode).toBe(
      403,
    );
  });

  it("announces on the earliest date: the holder's notice and e-mail in one go, once per key", async () => {
    const announced = await h.send(
      manager,
      "POST",
      "/api/contract-changes",
      increase("2027-02-01", "mcr-increase-1"),
    );
    expect(announced.statusCode).toBe(201);
    expect(announced.json()).toMatchObject({
      notices: 1,
      mailed: 1,
      replayed: false,
      change: { effectiveFrom: "2027-02-01", earliestAllowed: "2027-02-01", clause: "MCR-BIL-05" },
    });
    const mails = await h.t.database.db.select().from(outbox).where(eq(outbox.kind, "change_announced"));
    expect(mails.map((m) => m.toAddress)).toEqual([admin.email]);
    expect(mails[0]?.textBody).toContain("8,5");
    const again = await h.send(
      manager,
      "POST",
      "/api/contract-changes",
      increase("2027-02-01", "mcr-increase-1"),
    );
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    const twin = await h.send(
      manager,
      "POST",
      "/api/contract-changes",
      increase("2027-02-01", "mcr-increase-2"),
    );
    expect(twin.statusCode).toBe(409);
    expect(twin.json().details).toMatchObject({ reason: "already_announced", clause: "MCR-BIL-05" });
    expect([await h.count(contractChanges), await h.count(changeNotices), await h.count(outbox)]).toEqual([
      1, 1, 1,
    ]);
  });

  it("shows the notice to the holder only, by e-mail with no letter, and the new price from its 1st", async () => {
    const notices = (await h.send(admin, "GET", "/api/notices")).json().items;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ direction: "increase", channels: ["email"], letterSha256: null });
    expect(notices[0].change.prices[0].words).toContain("8,5");
    expect((await h.send(basicAdmin, "GET", "/api/notices")).json().items).toEqual([]);
    // The invoice of January keeps 7.5 %, February's takes 8.5 % (on a 2,000 € basis).
    const { db } = h.t.database;
    const contract = h.t.context.contract;
    const basis = fromCents(200_000n);
    const january = supportFee(
      await contractWithRevisedPrices(db, contract, "2027-01-01"),
      "standard",
      basis,
    );
    const february = supportFee(
      await contractWithRevisedPrices(db, contract, "2027-02-01"),
      "standard",
      basis,
    );
    expect([january.feeCents, february.feeCents]).toEqual([15_000n, 17_000n]);
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))(
  "DSN 10.1 and 10.2 on %s (DSN-BIL-01, DSN-BIL-02)",
  (kind) => {
    // Saturday 5 December 2026, 11:00 in Paris.
    const h = harness("deux-sevres-eservices", "2026-12-05T10:00:00Z");
    let manager: TestUser;
    let admin: TestUser;
    let user: TestUser;
    let lateAdmin: TestUser;
    let taoAdmin: TestUser;
    let operatorId = "";
    let lateId = "";
    let taoHolderId = "";
    let eSav = "";
    const eSavIncrease = (effectiveFrom: string) => ({
      kind: "price",
      title: "Nouveaux prix e-SAV",
      body: "Le prix mensuel d'e-SAV évolue.",
      effectiveFrom,
      prices: [{ priceKey: "e-sav", monthlyPrice: "180.00" }],
      idempotencyKey: `esav-${effectiveFrom}`,
    });

    beforeAll(async () => {
      h.kind = kind;
      await h.open();
      const { db } = h.t.database;
      const provider = await createOrganisation(db, "provider");
      manager = await createUser(db, provider.id, ["account_manager"], { totp: true });
      for (const item of ["e-sav", "tao"])
        await db.insert(specificConditions).values({
          catalogueItemId: item,
          effectiveFrom: "2025-01-01",
          documentTitle: `Conditions Spécifiques ${item}`,
          documentVersion: "1.0",
          monthlyPriceCents: item === "e-sav" ? 15_000 : 9_999,
          minimumMonths: 12,
          terminationNoticeMonths: 3,
          maintenanceNoticeDays: 5,
          // TAO's conditions define the notice of their own change (DSN 10.2); e-SAV's do not.
          changeNoticeMonths: item === "tao" ? 2 : null,
        });
      // Activated 15 June 2026: its 12 months' minimum runs to 15 June 2027.
      const terms = { monthlyPriceCents: 15_000, minimumMonths: 12, noticeMonths: 3 };
      operatorId = (
        await createOrganisation(db, "customer", [{ item: "e-sav", from: "2026-06-15", ...terms }])
      ).id;
      admin = await createUser(db, operatorId, ["customer_admin"]);
      user = await createUser(db, operatorId, ["user"]);
      lateId = (await createOrganisation(db, "customer", [{ item: "e-sav", from: "2026-06-15", ...terms }]))
        .id;
      lateAdmin = await createUser(db, lateId, ["customer_admin"]);
      taoHolderId = (await createOrganisation(db, "customer", [{ item: "tao", from: "2026-06-15" }])).id;
      taoAdmin = await createUser(db, taoHolderId, ["customer_admin"]);
      const [held] = await db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.organisationId, operatorId));
      eSav = held?.id ?? "";
    });
    afterAll(async () => {
      await h.t?.close();
    });

    it("refuses an increase inside 3 months and a decrease inside 1 month, counted from day to day", async () => {
      const up = await h.send(manager, "POST", "/api/contract-changes", eSavIncrease("2027-03-04"));
      expect(up.statusCode).toBe(422);
      expect(up.json().details).toMatchObject({
        clause: "DSN-BIL-01",
        reason: "inside_notice",
        earliest: "2027-03-05",
      });
      const down = await h.send(manager, "POST", "/api/contract-changes/preview", {
        kind: "price",
        title: "Baisse TAO",
        body: "Le prix de TAO baisse.",
        effectiveFrom: "2027-01-04",
        prices: [{ priceKey: "tao", monthlyPrice: "89.00" }],
      });
      expect(down.json().details).toMatchObject({ clause: "DSN-BIL-01", earliest: "2027-01-05" });
      const ok = await h.send(manager, "POST", "/api/contract-changes/preview", {
        kind: "price",
        title: "Baisse TAO",
        body: "Le prix de TAO baisse.",
        effectiveFrom: "2027-01-05",
        prices: [{ priceKey: "tao", monthlyPrice: "89.00" }],
      });
      expect(ok.json()).toMatchObject({ earliest: "2027-01-05", recipients: [{ direction: "decrease" }] });
      expect(await h.count(contractChanges)).toBe(0);
    });

    it("announces the increase in writing: a letter per operator holding e-SAV, the new price from its date", async () => {
      const announced = await h.send(manager, "POST", "/api/contract-changes", eSavIncrease("2027-03-05"));
      expect(announced.statusCode).toBe(201);
      expect(announced.json()).toMatchObject({ notices: 2, mailed: 2 });
      const { db } = h.t.database;
      const versions = await db
        .select()
        .from(specificConditions)
        .where(eq(specificConditions.catalogueItemId, "e-sav"));
      expect(versions.map((v) => [v.effectiveFrom, v.monthlyPriceCents])).toEqual([
        ["2025-01-01", 15_000],
        ["2027-03-05", 18_000],
      ]);
      const [notice] = (await h.send(admin, "GET", "/api/notices")).json().items;
      expect(notice).toMatchObject({
        direction: "increase",
        clause: "DSN-BIL-01",
        channels: ["written"],
        harmfulTermination: true,
        terminable: [{ subscriptionId: eSav, catalogueItemId: "e-sav" }],
      });
      const letter = await h.send(admin, "GET", `/api/notices/${notice.id}/letter`);
      expect(letter.headers["content-type"]).toBe("application/pdf");
      expect(letter.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(createHash("sha256").update(letter.rawPayload).digest("hex")).toBe(notice.letterSha256);
      const downloads = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "change_notice.letter_downloaded"));
      expect(downloads).toHaveLength(1);
      expect((await h.send(user, "POST", `/api/notices/${notice.id}/read`)).json().readAt).not.toBeNull();
    });

    it("lets only the administrator terminate e-SAV without fees, effective on the change's date, once", async () => {
      const [notice] = (await h.send(admin, "GET", "/api/notices")).json().items;
      const url = `/api/notices/${notice.id}/termination`;
      expect((await h.send(user, "POST", url, { subscriptionId: eSav })).statusCode).toBe(403);
      const done = await h.send(admin, "POST", url, { subscriptionId: eSav });
      expect(done.statusCode).toBe(201);
      expect(done.json()).toMatchObject({
        decision: "accepted",
        clause: "DSN-BIL-02",
        effectiveDate: "2027-03-05",
        feesDue: "0.00",
      });
      expect(done.json().explanation).toContain("sans pénalité");
      const again = await h.send(admin, "POST", url, { subscriptionId: eSav });
      expect(again.statusCode).toBe(200);
      expect(again.json().terminationId).toBe(done.json().terminationId);
      const { db } = h.t.database;
      const [ended] = await db.select().from(subscriptions).where(eq(subscriptions.id, eSav));
      expect(ended?.endsOn).toBe("2027-03-04");
      const recorded = await db
        .select()
        .from(terminations)
        .where(eq(terminations.organisationId, operatorId));
      expect(recorded.map((r) => r.feesDueCents)).toEqual([0]);
    });

    it("closes the right once the change is in force", async () => {
      h.now = new Date("2027-03-06T10:00:00Z");
      try {
        const [notice] = (await h.send(lateAdmin, "GET", "/api/notices")).json().items;
        expect(notice.terminable).toEqual([]);
        const [held] = await h.t.database.db
          .select()
          .from(subscriptions)
          .where(eq(subscriptions.organisationId, lateId));
        const late = await h.send(lateAdmin, "POST", `/api/notices/${notice.id}/termination`, {
          subscriptionId: held?.id,
        });
        expect(late.statusCode).toBe(422);
        expect(late.json().details).toMatchObject({
          clause: "DSN-BIL-02",
          reason: "termination-harmful-change-closed",
        });
      } finally {
        h.now = new Date("2026-12-05T10:00:00Z");
      }
    });

    it("gives an annex 1 month, and the general conditions a signature only the administrator gives", async () => {
      const annex = await h.send(manager, "POST", "/api/contract-changes", {
        kind: "annex",
        title: "Annexe 3 — e-soutien",
        body: "Nouvelle version de l'annexe 3.",
        effectiveFrom: "2027-01-04",
      });
      expect(annex.json().details).toMatchObject({ clause: "DSN-BIL-02", earliest: "2027-01-05" });
      const conditions = await h.send(manager, "POST", "/api/contract-changes", {
        kind: "general-conditions",
        title: "Conditions Générales, version 2027",
        body: "Nouvelle version des Conditions Générales, à signer.",
        effectiveFrom: "2027-01-01",
      });
      expect(conditions.statusCode).toBe(201);
      expect(conditions.json().notices).toBe(3);
      const notice = (await h.send(admin, "GET", "/api/notices"))
        .json()
        .items.find((n: { change: { kind: string } }) => n.change.kind === "general-conditions");
      expect(notice).toMatchObject({ signatureRequired: true, signedAt: null });
      const refused = await h.send(user, "POST", `/api/notices/${notice.id}/signature`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().details).toMatchObject({ clause: "DSN-BIL-02" });
      const signed = await h.send(admin, "POST", `/api/notices/${notice.id}/signature`);
      expect(signed.statusCode).toBe(200);
      const twice = await h.send(admin, "POST", `/api/notices/${notice.id}/signature`);
      expect(twice.json().signedAt).toBe(signed.json().signedAt);
      const listed = (await h.send(manager, "GET", "/api/contract-changes"))
        .json()
        .items.find((c: { change: { kind: string } }) => c.change.kind === "general-conditions");
      const unsigned = listed.recipients.filter((r: { signedAt: string | null }) => r.signedAt === null);
      expect(unsigned.map((r: { organisationId: string }) => r.organisationId).sort()).toEqual(
        [lateId, taoHolderId].sort(),
      );
    });

    it("waits for the signatures it lacks and reminds their administrators weekly, once per week, until signed", async () => {
      const run = (at: string) => sweepSignatureReminders(h.t.context, new Date(at));
      const reminders = async () =>
        (await h.t.database.db.select().from(outbox).where(eq(outbox.kind, "change_signature_reminder")))
          .length;
      const listed = async () =>
        (await h.send(manager, "GET", "/api/contract-changes"))
          .json()
          .items.find((c: { change: { kind: string } }) => c.change.kind === "general-conditions");
      expect((await listed()).awaitingSignatures).toBe(2);
      // Announced Saturday 5 December 2026, 11:00 in Paris: the first reminder a week on, to the minute.
      expect(await run("2026-12-12T09:59:00Z")).toEqual({ reminded: 0 });
      expect(await run("2026-12-12T10:00:00Z")).toEqual({ reminded: 2 });
      expect(await run("2026-12-12T10:05:00Z")).toEqual({ reminded: 0 });
      expect(await reminders()).toBe(2);
      const after = await listed();
      const late = after.recipients.find((r: { organisationId: string }) => r.organisationId === lateId);
      expect(late).toMatchObject({
        reminders: 1,
        lastRemindedAt: "2026-12-12T10:00:00.000Z",
        nextReminderAt: "2026-12-19T10:00:00.000Z",
      });
      const signedRow = after.recipients.find(
        (r: { organisationId: string }) => r.organisationId === operatorId,
      );
      expect(signedRow).toMatchObject({ reminders: 0, nextReminderAt: null });
      // Signed meanwhile: only the other one is reminded the next week.
      const [notice] = (await h.send(lateAdmin, "GET", "/api/notices"))
        .json()
        .items.filter((n: { change: { kind: string } }) => n.change.kind === "general-conditions");
      expect((await h.send(lateAdmin, "POST", `/api/notices/${notice.id}/signature`)).statusCode).toBe(200);
      expect(await run("2026-12-19T10:00:00Z")).toEqual({ reminded: 1 });
      expect((await listed()).awaitingSignatures).toBe(1);
      const audited = await h.t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "change_notice.reminded"));
      expect(audited.map((a) => a.organisationId).sort()).toEqual([lateId, taoHolderId, taoHolderId].sort());
    });

    it("applies the new general conditions only to the operators who signed them, from their date or the signature's (DSN 10.1)", async () => {
      h.now = new Date("2027-01-05T10:00:00Z");
      try {
        const standing = async (person: TestUser) =>
          (await h.send(person, "GET", "/api/notices"))
            .json()
            .items.find((n: { change: { kind: string } }) => n.change.kind === "general-conditions");
        const bound = async (person: TestUser, organisationId: string) => {
          const docs = (await h.send(person, "GET", `/api/organisations/${organisationId}/documents`)).json();
          const general = docs.documents.find((d: { kind: string }) => d.kind === "general_conditions");
          return { version: general.version, date: general.date, newVersions: docs.newVersions };
        };
        // Signed on 5 December: bound by the 2027 version from its date, 1 January.
        expect((await standing(admin)).standing).toEqual({ state: "in-force", from: "2027-01-01" });
        expect(await bound(admin, operatorId)).toMatchObject({
          version: "Conditions Générales, version 2027",
          date: "2027-01-01",
        });
        // Not signed: past its date, it does not apply; the version before stays, shown as awaiting.
        const unsigned = await standing(taoAdmin);
        expect(unsigned.standing).toEqual({ state: "awaiting-signature", from: null });
        const before = await bound(taoAdmin, taoHolderId);
        expect(before.version).not.toBe("Conditions Générales, version 2027");
        expect(before.newVersions).toEqual([
          expect.objectContaining({
            kind: "general-conditions",
            signatureRequired: true,
            standing: { state: "awaiting-signature", from: null },
          }),
        ]);
        const staffView = (await h.send(manager, "GET", "/api/contract-changes"))
          .json()
          .items.find((c: { change: { kind: string } }) => c.change.kind === "general-conditions");
        // Staff see who it does not apply to: exactly those who have not signed.
        const awaiting = (
          rows: { organisationId: string; standing: { state: string }; signedAt: string | null }[],
        ) => rows.filter((r) => r.standing.state === "awaiting-signature").map((r) => r.organisationId);
        expect(awaiting(staffView.recipients)).toContain(taoHolderId);
        expect(awaiting(staffView.recipients)).not.toContain(operatorId);
        expect(awaiting(staffView.recipients)).toEqual(
          staffView.recipients
            .filter((r: { signedAt: string | null }) => r.signedAt === null)
            .map((r: { organisationId: string }) => r.organisationId),
        );
        // Signed on 5 January: it binds from that day, never before.
        expect((await h.send(taoAdmin, "POST", `/api/notices/${unsigned.id}/signature`)).statusCode).toBe(
          200,
        );
        expect((await standing(taoAdmin)).standing).toEqual({ state: "in-force", from: "2027-01-05" });
        expect(await bound(taoAdmin, taoHolderId)).toMatchObject({
          version: "Conditions Générales, version 2027",
          date: "2027-01-05",
        });
      } finally {
        h.now = new Date("2026-12-05T10:00:00Z");
      }
    });

    it("sends a new version of specific conditions in force through their own notice, by e-mail (DSN 10.2)", async () => {
      const tao = {
        catalogueItemId: "tao",
        documentTitle: "Conditions Spécifiques tao",
        documentVersion: "2.0",
        monthlyPriceCents: 9_999,
        minimumMonths: 24,
        terminationNoticeMonths: 3,
        maintenanceNoticeDays: 5,
        changeNoticeMonths: 2,
        idempotencyKey: "tao-2027-02",
      };
      const record = (body: object) => h.send(manager, "POST", "/api/specific-conditions", body);
      // Two months from Saturday 5 December 2026, "de quantième à quantième": 5 February 2027.
      const early = await record({ ...tao, effectiveFrom: "2027-02-04" });
      expect(early.statusCode).toBe(422);
      expect(early.json().details).toMatchObject({
        clause: "DSN-BIL-02",
        reason: "inside_notice",
        earliest: "2027-02-05",
      });
      // Its "Prix" annex follows the price notice instead: 3 months for an increase, in writing (DSN-BIL-01).
      const dearer = await record({ ...tao, monthlyPriceCents: 12_000, effectiveFrom: "2027-03-04" });
      expect(dearer.json().details).toMatchObject({ clause: "DSN-BIL-01", earliest: "2027-03-05" });
      // e-SAV's conditions in force define no notice for their change: refused, not guessed.
      const undefinedNotice = await record({ ...tao, catalogueItemId: "e-sav", effectiveFrom: "2027-06-01" });
      expect(undefinedNotice.statusCode).toBe(422);
      expect(undefinedNotice.json().details).toMatchObject({
        clause: "DSN-BIL-02",
        reason: "conditions_notice_undefined",
      });
      expect(undefinedNotice.json().message).toContain("ne change que ce préavis");
      // The way out (contract file's reading): a version that only defines that notice, by e-mail, without notice.
      const inForce = (await h.send(manager, "GET", "/api/specific-conditions?at=2027-06-01"))
        .json()
        .find(
          (v: { inForce: boolean; catalogueItemId: string }) => v.inForce && v.catalogueItemId === "e-sav",
        );
      const defining = await record({
        catalogueItemId: "e-sav",
        documentTitle: inForce.documentTitle,
        documentVersion: "1.1",
        monthlyPriceCents: inForce.monthlyPriceCents,
        minimumMonths: inForce.minimumMonths,
        terminationNoticeMonths: inForce.terminationNoticeMonths,
        maintenanceNoticeDays: inForce.maintenanceNoticeDays,
        changeNoticeMonths: 1,
        effectiveFrom: "2027-06-01",
        idempotencyKey: "e-sav-notice",
      });
      expect(defining.statusCode, defining.body).toBe(201);
      expect(defining.json().noticed).toMatchObject({
        change: { kind: "specific-conditions", clause: "DSN-BIL-02", effectiveFrom: "2027-06-01" },
      });
      const changesBefore = await h.count(contractChanges);
      const ok = await record({ ...tao, effectiveFrom: "2027-02-05" });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().noticed).toMatchObject({
        change: { kind: "specific-conditions", clause: "DSN-BIL-02", effectiveFrom: "2027-02-05" },
        notices: 1,
        mailed: 1,
        replayed: false,
      });
      expect(ok.json().noticed.change.body).toContain("engagement minimum 12 → 24 mois");
      const again = await record({ ...tao, effectiveFrom: "2027-02-05" });
      expect(again.statusCode).toBe(200);
      expect(again.json().noticed.change.id).toBe(ok.json().noticed.change.id);
      expect(await h.count(contractChanges)).toBe((changesBefore ?? 0) + 1);
      const notice = (await h.send(taoAdmin, "GET", "/api/notices"))
        .json()
        .items.find((n: { change: { kind: string } }) => n.change.kind === "specific-conditions");
      // A longer minimum commitment harms the operator: TAO may be terminated without penalty until then.
      expect(notice).toMatchObject({
        clause: "DSN-BIL-02",
        channels: ["email"],
        letterSha256: null,
        harmfulTermination: true,
        terminable: [{ catalogueItemId: "tao" }],
      });
      const listed = (await h.send(manager, "GET", "/api/specific-conditions?at=2027-02-05")).json();
      expect(
        listed.find(
          (v: { inForce: boolean; catalogueItemId: string }) => v.inForce && v.catalogueItemId === "tao",
        ),
      ).toMatchObject({ minimumMonths: 24, documentVersion: "2.0", changeNoticeMonths: 2 });
    });

    it("records first values of an e-service directly: nobody holds it yet", async () => {
      const first = await h.send(manager, "POST", "/api/specific-conditions", {
        catalogueItemId: "e-mutation-fibre",
        effectiveFrom: "2026-12-06",
        documentTitle: "Conditions Spécifiques e-Mutation",
        documentVersion: "1.0",
        monthlyPriceCents: 8_000,
        minimumMonths: 24,
        terminationNoticeMonths: 1,
        maintenanceNoticeDays: 15,
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ noticed: null });
    });
  },
);
