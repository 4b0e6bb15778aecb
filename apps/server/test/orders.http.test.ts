import { auditLog, orders, outbox, subscriptionPeriods, subscriptions, vendorAccounts } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepIdentifiersDue } from "../src/modules/orders/sweep-identifiers-due.js";
import { vendorAccountsByBillingId } from "../src/modules/orders/vendor-accounts.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** Provider staff (TOTP enrolled) and a customer created through the product, its administrator invited. */
async function provider(t: TestApp, now: Date) {
  const { db } = t.database;
  const organisation = await createOrganisation(db, "provider");
  const adminUser = await createUser(db, organisation.id, ["admin"], { totp: true });
  const admin = await signInAs(t.app, adminUser, now);
  const manager = await signInAs(
    t.app,
    await createUser(db, organisation.id, ["account_manager"], { totp: true }),
    now,
  );
  return { admin, manager, adminUser };
}

const post = (
  t: TestApp,
  session: SignedIn,
  url: string,
  payload: object,
  headers: Record<string, string> = {},
) => t.app.inject({ method: "POST", url, headers: { ...session.headers, ...headers }, payload });

describe.each(databaseKindsUnderTest(postgresUrl))("MCR orders on %s (MCR 5.1, 6.1, 7)", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let staff: Awaited<ReturnType<typeof provider>>;
  let customerId: string;
  let customerAdmin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    staff = await provider(t, now);
    const created = await post(t, staff.admin, "/api/customers", {
      legalName: "Garage Martin SARL",
      siren: "732829320",
      billingAddress: "1 rue Haute",
      billingPostalCode: "44000",
      billingCity: "Nantes",
      billingEmail: "compta@garage-martin.fr",
      administrator: { email: "dirigeant@garage-martin.fr", firstName: "Léa", lastName: "Martin" },
    });
    customerId = created.json().customer.id;
    customerAdmin = await signInAs(
      t.app,
      await createUser(t.database.db, customerId, ["customer_admin"]),
      now,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const order = (body: object, key: string, session = customerAdmin) =>
    post(t, session, `/api/organisations/${customerId}/orders`, body, { "idempotency-key": key });
  const azure = { catalogueItemId: "azure", supportPlan: "standard", tenancy: "single" };

  it("refuses an order whose vendor conditions are not accepted, naming the field, and writes nothing", async () => {
    const refused = await order(
      { ...azure, vendorTerms: { accepted: false, url: "https://aka.ms/customeragreement" } },
      "key-refused-1",
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toMatchObject({
      field: "vendorTerms",
      url: "https://aka.ms/customeragreement",
    });
    expect(await t.database.db.select().from(orders)).toEqual([]);
  });

  it("records which vendor conditions were accepted, by whom and when; a second click answers the same order", async () => {
    const body = { ...azure, vendorTerms: { accepted: true, url: "https://aka.ms/customeragreement" } };
    const first = await order(body, "key-azure-0001");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      reference: "BC-2026-0001",
      status: "submitted",
      supportPlan: "standard",
      tenancy: "single",
      vendorTerms: { url: "https://aka.ms/customeragreement", acceptedAt: now.toISOString() },
    });
    const again = await order(body, "key-azure-0001");
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const other = await order(body, "key-azure-0002");
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toContain("BC-2026-0001");
    expect(await t.database.db.select().from(orders)).toHaveLength(1);
  });

  it("two staff accepting at once: one wins, the other is told who did, nothing twice (MCR-ACC-01, MCR-ACC-04)", async () => {
    const [{ id }] = (
      await t.app.inject({
        method: "GET",
        url: `/api/organisations/${customerId}/orders`,
        headers: customerAdmin.headers,
      })
    ).json();
    const accept = (session: SignedIn, account: string) =>
      post(t, session, `/api/orders/${id}/accept`, { vendorAccountId: account });
    const answers = await Promise.all([
      accept(staff.admin, "sub-azure-A"),
      accept(staff.manager, "sub-azure-B"),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const won = answers.find((a) => a.statusCode === 200)?.json();
    const lost = answers.find((a) => a.statusCode === 409)?.json();
    expect(won).toMatchObject({
      status: "accepted",
      vendorAccount: { consoleUrl: "https://portal.azure.com/#home" },
    });
    expect(lost.message).toContain("BC-2026-0001");
    expect(lost.details).toMatchObject({ reason: "wrong_status", status: "accepted" });
    const accounts = await t.database.db.select().from(vendorAccounts);
    expect(accounts.map((a) => a.vendorAccountId)).toEqual([won.vendorAccount.vendorAccountId]);
    // The account and the support plan ordered start their history (issue 16).
    const held = await t.database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.organisationId, customerId));
    expect(held.map((s) => s.catalogueItemId).sort()).toEqual(["azure", "support-standard"]);
    // The invited administrator gets the confirmation of registration with the password link, once.
    const mails = await t.database.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.toAddress, "dirigeant@garage-martin.fr"), eq(outbox.kind, "registration_confirmed")),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.textBody).toContain(won.vendorAccount.vendorAccountId);
    expect(mails[0]?.textBody).toContain("/invitation#token=");
    expect(mails[0]?.textBody).toContain("MCR-ACC-01");
  });

  it("shows the vendor account with its console link, and billing finds it by its ids (MCR-ACC-04)", async () => {
    const listed = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${customerId}/vendor-accounts`,
      headers: customerAdmin.headers,
    });
    expect(listed.statusCode).toBe(200);
    const [account] = listed.json();
    expect(account).toMatchObject({ catalogueItemId: "azure", consoleUrl: "https://portal.azure.com/#home" });
    const found = await vendorAccountsByBillingId(t.database.db, [account.vendorAccountId, "unknown"]);
    expect(found.get(account.vendorAccountId)?.[0]?.organisationId).toBe(customerId);
    expect(found.has("unknown")).toBe(false);
    // The vendor's conditions accepted are among the customer's documents (GEN-03, MCR 4.2).
    const documents = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${customerId}/documents`,
      headers: customerAdmin.headers,
    });
    expect(documents.json().documents).toContainEqual(
      expect.objectContaining({ kind: "vendor_conditions", url: "https://aka.ms/customeragreement" }),
    );
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))("DSN orders on %s (DSN art. 4, 5, 7, annex 4)", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T09:00:00Z"); // Monday, 10:00 in Paris
  let staff: Awaited<ReturnType<typeof provider>>;
  let operatorId: string;
  let operator: SignedIn;
  let operatorUser: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
    staff = await provider(t, now);
    operatorId = (await createOrganisation(t.database.db, "customer")).id;
    operatorUser = await createUser(t.database.db, operatorId, ["customer_admin"]);
    operator = await signInAs(t.app, operatorUser, now);
    const contract = await post(t, staff.manager, `/api/organisations/${operatorId}/wholesale-contracts`, {
      title: "Offre d'accès FTTH",
      reference: "AG-FTTH-2025-014",
      allowsItems: ["e-sav", "tao"],
      signedOn: "2025-03-01",
    });
    expect(contract.statusCode, contract.body).toBe(201);
    const conditions = await post(t, staff.manager, "/api/specific-conditions", {
      catalogueItemId: "e-sav",
      effectiveFrom: "2026-01-01",
      documentTitle: "Conditions Spécifiques e-SAV",
      documentVersion: "2026-01",
      monthlyPriceCents: 15000,
      minimumMonths: 12,
      terminationNoticeMonths: 3,
      maintenanceNoticeDays: 15,
    });
    expect(conditions.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const order = (item: string, key: string) =>
    post(
      t,
      operator,
      `/api/organisations/${operatorId}/orders`,
      { catalogueItemId: item },
      { "idempotency-key": key },
    );

  it("refuses an e-service no wholesale contract allows, citing DSN-ORD-01 and the contracts held", async () => {
    const refused = await order("eligibilite-ftte", "key-ftte-0001");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details).toMatchObject({ clause: "DSN-ORD-01", field: "catalogueItemId" });
    expect(refused.json().message).toContain("Offre d'accès FTTH (AG-FTTH-2025-014)");
  });

  it("generates the order form, signed in the portal over its exact SHA-256: received, invoiced from that day, identifiers due in 5 working days", async () => {
    const ordered = await order("e-sav", "key-esav-0001");
    expect(ordered.statusCode, ordered.body).toBe(201);
    const { id, orderForm } = ordered.json();
    expect(ordered.json().status).toBe("awaiting_signature");
    const pdf = await t.app.inject({ method: "GET", url: orderForm.url, headers: operator.headers });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const { createHash } = await import("node:crypto");
    const sha256 = createHash("sha256").update(pdf.rawPayload).digest("hex");
    expect(sha256).toBe(orderForm.sha256);

    const signer = { signerName: "Élise Fournier", signerRole: "Directrice générale" };
    const wrong = await post(t, operator, `/api/orders/${id}/signature`, {
      ...signer,
      sha256: "0".repeat(64),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.field).toBe("sha256");

    const staffCannotSign = await post(t, staff.admin, `/api/orders/${id}/signature`, { ...signer, sha256 });
    expect(staffCannotSign.statusCode).toBe(403);

    const signed = await post(t, operator, `/api/orders/${id}/signature`, { ...signer, sha256 });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({
      status: "received",
      signature: { kind: "portal", signerName: "Élise Fournier", signerRole: "Directrice générale" },
      receivedAt: now.toISOString(),
      invoicingFrom: "2026-11-23",
      // Monday 23 Nov 10:00 Paris + 5 working days (Monday–Saturday) = Saturday 28 Nov 10:00.
      identifiersDueAt: "2026-11-28T09:00:00.000Z",
    });
    const again = await post(t, operator, `/api/orders/${id}/signature`, { ...signer, sha256 });
    expect(again.statusCode).toBe(409);
  });

  it("warns staff once, one working day before the identifiers are due, unless marked sent (DSN-ID-02)", async () => {
    const [row] = await t.database.db.select().from(orders).where(eq(orders.catalogueItemId, "e-sav"));
    expect(await sweepIdentifiersDue(t.context, new Date("2026-11-25T09:00:00Z"))).toEqual({ warned: 0 });
    expect(await sweepIdentifiersDue(t.context, new Date("2026-11-27T09:00:00Z"))).toEqual({ warned: 1 });
    expect(await sweepIdentifiersDue(t.context, new Date("2026-11-27T10:00:00Z"))).toEqual({ warned: 0 });
    const warnings = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, "identifiers_due_warning"));
    expect(warnings.length).toBe(2); // the provider's administrator and account manager
    expect(warnings[0]?.textBody).toContain(row?.reference);
    expect(warnings[0]?.textBody).toContain("DSN-ID-02");
  });

  it("activates at the date the provider sets, taking effect at the last signature, with the specific conditions then in force (DSN-ORD-02)", async () => {
    const [row] = await t.database.db.select().from(orders).where(eq(orders.catalogueItemId, "e-sav"));
    const id = row?.id as string;
    const early = await post(t, staff.admin, `/api/orders/${id}/activate`, { activationOn: "2026-11-20" });
    expect(early.statusCode).toBe(422);
    expect(early.json().details).toMatchObject({ clause: "DSN-ORD-02", field: "activationOn" });
    now = new Date("2026-11-25T15:00:00Z");
    staff.admin = await signInAs(t.app, staff.adminUser, now);
    const activated = await post(t, staff.admin, `/api/orders/${id}/activate`, {
      activationOn: "2026-12-01",
    });
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({
      status: "activated",
      activationOn: "2026-12-01",
      contractEffectiveAt: "2026-11-25T15:00:00.000Z",
    });
    const [period] = await t.database.db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.organisationId, operatorId));
    expect(period).toMatchObject({
      effectiveFrom: "2026-12-01",
      monthlyPriceCents: 15000,
      minimumMonths: 12,
      noticeMonths: 3,
    });
    // Invoiced from the order form's reception, before the activation (DSN-ORD-03).
    const [held] = await t.database.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.organisationId, operatorId));
    expect(held).toMatchObject({ startsOn: "2026-12-01", invoicingFrom: "2026-11-23" });
    const sent = await post(t, staff.admin, `/api/orders/${id}/identifiers-sent`, {});
    expect(sent.json().identifiersSentAt).toBe(now.toISOString());
  });

  it("lists the operator's documents with their versions in the order of precedence (GEN-03, DSN art. 3)", async () => {
    const answer = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${operatorId}/documents`,
      headers: (await signInAs(t.app, operatorUser, now)).headers,
    });
    expect(answer.statusCode).toBe(200);
    const { precedence, documents } = answer.json();
    expect(precedence.clause).toBe("GEN-03");
    expect(documents.map((d: { kind: string; rank: number }) => [d.kind, d.rank])).toEqual([
      ["general_conditions", 1],
      ["specific_conditions", 2],
      ["order_form", 3],
    ]);
    expect(documents[1]).toMatchObject({ title: "Conditions Spécifiques e-SAV", version: "2026-01" });
    expect(documents[2].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))(
  "MCR resource quotas on %s (MCR 9.1, MCR-ORD-04)",
  (kind) => {
    let t: TestApp;
    const now = new Date("2026-11-23T09:00:00Z");
    let staff: Awaited<ReturnType<typeof provider>>;
    let customerId: string;
    let customerAdmin: SignedIn;

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      staff = await provider(t, now);
      customerId = (await createOrganisation(t.database.db, "customer")).id;
      customerAdmin = await signInAs(
        t.app,
        await createUser(t.database.db, customerId, ["customer_admin"]),
        now,
      );
    });
    afterAll(async () => {
      await t?.close();
    });

    it("staff set a quota, the customer asks for more, staff accept once: the quota rises, each step audited", async () => {
      const refused = await post(t, staff.manager, `/api/organisations/${customerId}/quotas`, {
        catalogueItemId: "support-premium",
        resource: "vCPU",
        maximum: 64,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().details).toMatchObject({ field: "catalogueItemId", clause: "MCR-ORD-04" });
      const set = await post(t, staff.manager, `/api/organisations/${customerId}/quotas`, {
        catalogueItemId: "azure",
        resource: "vCPU",
        maximum: 64,
      });
      expect(set.statusCode, set.body).toBe(201);
      const quotaId = set.json().id;
      const tooLow = await post(
        t,
        customerAdmin,
        `/api/organisations/${customerId}/quotas/${quotaId}/requests`,
        {
          requestedMaximum: 32,
          reason: "Migration",
        },
      );
      expect(tooLow.statusCode).toBe(400);
      expect(tooLow.json().details.field).toBe("requestedMaximum");
      const asked = await post(
        t,
        customerAdmin,
        `/api/organisations/${customerId}/quotas/${quotaId}/requests`,
        {
          requestedMaximum: 128,
          reason: "Migration de notre ERP",
        },
      );
      expect(asked.statusCode, asked.body).toBe(201);
      // Only provider staff decide.
      const byCustomer = await post(t, customerAdmin, `/api/quota-requests/${asked.json().id}/decision`, {
        accept: true,
        reason: "moi-même",
      });
      expect(byCustomer.statusCode).toBe(403);
      const decide = (session: SignedIn, accept: boolean) =>
        post(t, session, `/api/quota-requests/${asked.json().id}/decision`, {
          accept,
          reason: "Capacité réservée",
        });
      const answers = await Promise.all([decide(staff.admin, true), decide(staff.manager, false)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const won = answers.find((a) => a.statusCode === 200)?.json();
      const [quota] = won;
      expect(quota.requests[0].status).toMatch(/accepted|refused/);
      expect(quota.maximum).toBe(quota.requests[0].status === "accepted" ? 128 : 64);
      const audit = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.organisationId, customerId));
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "quota.set",
          "quota.request",
          `quota.request_${quota.requests[0].status === "accepted" ? "accept" : "refuse"}`,
        ]),
      );
    });
  },
);
