import { createHash } from "node:crypto";
import { outbox } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, STRONG_PASSWORD, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * The commercial lifecycle by API alone (issue 16, "Done when"): provider staff create a customer,
 * its administrator sets her password from the invitation, orders, is accepted or activated,
 * changes plan (MCR) and terminates — on a clock the test moves, so every date and fee the product
 * computes is known.
 */
function journey(contract: "multicloud-ready" | "deux-sevres-eservices", start: string) {
  const j = {
    t: undefined as unknown as TestApp,
    now: new Date(start),
    staff: undefined as unknown as TestUser,
    admin: undefined as unknown as TestUser,
    async open(kind: "pglite" | "postgresql") {
      j.t = await createTestApp(kind, postgresUrl, contract, { clock: () => j.now });
      const provider = await createOrganisation(j.t.database.db, "provider");
      j.staff = await createUser(j.t.database.db, provider.id, ["account_manager"], { totp: true });
    },
    async send(method: "GET" | "POST", person: TestUser, url: string, payload?: object, key?: string) {
      const { headers } = await signInAs(j.t.app, person, j.now);
      return j.t.app.inject({
        method,
        url,
        headers: { ...headers, ...(key ? { "idempotency-key": key } : {}) },
        ...(payload ? { payload } : {}),
      });
    },
    post: (person: TestUser, url: string, payload: object = {}, key?: string) =>
      j.send("POST", person, url, payload, key),
    get: (person: TestUser, url: string) => j.send("GET", person, url),
    /** POST /api/customers, then the invited administrator's password set from her link. */
    async createCustomer(body: object, adminEmail: string): Promise<string> {
      const created = await j.post(j.staff, "/api/customers", body);
      expect(created.statusCode, created.body).toBe(201);
      const [mail] = await j.t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, adminEmail), eq(outbox.kind, "invitation")));
      const token = /#token=([\w-]+)/.exec(mail?.textBody ?? "")?.[1];
      const redeemed = await j.t.app.inject({
        method: "POST",
        url: "/api/auth/links/redeem",
        payload: { token, password: STRONG_PASSWORD },
      });
      expect(redeemed.statusCode, redeemed.body).toBe(200);
      j.admin = { id: "", email: adminEmail, password: STRONG_PASSWORD, totpSecret: null };
      return created.json().customer.id;
    },
  };
  return j;
}

describe.each(databaseKindsUnderTest(postgresUrl))("the MCR lifecycle by API on %s (issue 16)", (kind) => {
  // Thursday 14 May 2026, 12:00 in Paris.
  const j = journey("multicloud-ready", "2026-05-14T10:00:00Z");
  let customerId = "";
  const orders = () => `/api/organisations/${customerId}/orders`;
  const commitments = async () =>
    (await j.get(j.admin, `/api/organisations/${customerId}/commitments`)).json();

  beforeAll(async () => {
    await j.open(kind);
  });
  afterAll(async () => {
    await j.t?.close();
  });

  it("goes from the customer's creation to its termination, each date computed by the product", async () => {
    customerId = await j.createCustomer(
      {
        legalName: "Garage Martin SARL",
        siren: "732829320",
        billingAddress: "7 rue de la Gare",
        billingPostalCode: "44100",
        billingCity: "Nantes",
        billingEmail: "compta@garage-martin.fr",
        administrator: { email: "dirigeant@garage-martin.fr", firstName: "Léa", lastName: "Martin" },
      },
      "dirigeant@garage-martin.fr",
    );

    // Azure, Basic by default (MCR 8.2.1); the same key twice is one order.
    const azure = {
      catalogueItemId: "azure",
      tenancy: "single",
      vendorTerms: { accepted: true, url: "https://aka.ms/customeragreement" },
    };
    const ordered = await j.post(j.admin, orders(), azure, "journey-azure");
    expect(ordered.statusCode, ordered.body).toBe(201);
    expect(ordered.json()).toMatchObject({ reference: "BC-2026-0001", supportPlan: "basic" });
    expect((await j.post(j.admin, orders(), azure, "journey-azure")).json().id).toBe(ordered.json().id);
    const accepted = await j.post(j.staff, `/api/orders/${ordered.json().id}/accept`, {
      vendorAccountId: "sub-garage-martin-0001",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await commitments()).support).toMatchObject({
      plan: "basic",
      since: "2026-05-14",
      commitmentEnd: null,
    });

    // Basic to Standard: from the next 1st, committed 6 months to the same day (MCR-SUP-02).
    const upgrade = await j.post(j.admin, `/api/organisations/${customerId}/plan-change`, { to: "standard" });
    expect(upgrade.statusCode, upgrade.body).toBe(200);
    expect(upgrade.json()).toMatchObject({
      decision: "accepted",
      clause: "MCR-SUP-02",
      effectiveDate: "2026-06-01",
      commitmentEnd: "2026-12-01",
    });

    // A second vendor keeps the plan held: another plan is refused naming the field and the clause.
    const aws = { ...azure, catalogueItemId: "aws", vendorTerms: { accepted: true, url: "" } };
    const termsUrl = (await j.get(j.admin, `/api/organisations/${customerId}/order-options`))
      .json()
      .items.find((i: { id: string }) => i.id === "aws").vendor.termsUrl;
    aws.vendorTerms.url = termsUrl;
    const otherPlan = await j.post(j.admin, orders(), { ...aws, supportPlan: "premium" }, "journey-aws-1");
    expect(otherPlan.statusCode).toBe(422);
    expect(otherPlan.json().details).toMatchObject({ field: "supportPlan", clause: "MCR-SUP-02" });
    const second = await j.post(j.admin, orders(), aws, "journey-aws-2");
    expect(second.json()).toMatchObject({ reference: "BC-2026-0002", supportPlan: "basic" });
    await j.post(j.staff, `/api/orders/${second.json().id}/accept`, { vendorAccountId: "123456789012" });

    // Microsoft refuses access: Azure alone ends today (MCR-ACC-06).
    const held = (await commitments()).subscriptions as { id: string; catalogueItemId: string }[];
    const azureSub = held.find((s) => s.catalogueItemId === "azure")?.id;
    const refused = await j.post(
      j.staff,
      `/api/organisations/${customerId}/subscriptions/${azureSub}/vendor-status`,
      {
        action: "terminate",
        reason: "Compte bloqué par Microsoft",
      },
    );
    expect(refused.statusCode, refused.body).toBe(204);
    const statuses = Object.fromEntries(
      (await commitments()).subscriptions.map((s: { catalogueItemId: string; status: string }) => [
        s.catalogueItemId,
        s.status,
      ]),
    );
    expect(statuses).toMatchObject({ azure: "terminated", aws: "active", "support-basic": "active" });

    // Terminated: a notice dated tomorrow is refused; the date the general conditions give is
    // recorded, with a task to notify AWS (MCR-ORD-02); the transfer is quoted (MCR-ORD-03).
    const terminations = `/api/organisations/${customerId}/terminations`;
    const future = await j.post(j.staff, terminations, {
      scope: "contract",
      noticeReceived: "2026-05-15",
      effectiveDate: "2026-06-30",
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().details).toMatchObject({ clause: "MCR-ORD-02" });
    const ended = await j.post(j.staff, terminations, {
      scope: "contract",
      noticeReceived: "2026-05-14",
      effectiveDate: "2026-06-30",
    });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.json()).toMatchObject({ effectiveDate: "2026-06-30", feesDue: null, tasks: 1 });
    const view = (await j.get(j.staff, `/api/organisations/${customerId}/commitments`)).json();
    expect(view.termination).toEqual({
      effectiveDateGiven: true,
      vendorClause: "MCR-ACC-06",
      transferClause: "MCR-ORD-03",
    });
    expect(view.tasks).toEqual([expect.objectContaining({ vendor: "Amazon Web Services", doneAt: null })]);
    const asked = await j.post(j.admin, `/api/organisations/${customerId}/transfer-requests`, {
      recipient: "Garage Martin SARL",
    });
    expect(asked.statusCode).toBe(201);
    await j.post(j.staff, `/api/organisations/${customerId}/transfer-requests/${asked.json().id}/quote`, {
      amount: "1500.00",
      text: "Transfert des comptes AWS, 2 jours",
    });
    expect((await commitments()).transferRequests).toEqual([
      expect.objectContaining({ recipient: "Garage Martin SARL", quote: "1500.00" }),
    ]);
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))("the DSN lifecycle by API on %s (issue 16)", (kind) => {
  // Monday 23 November 2026, 10:00 in Paris.
  const j = journey("deux-sevres-eservices", "2026-11-23T09:00:00Z");

  beforeAll(async () => {
    await j.open(kind);
  });
  afterAll(async () => {
    await j.t?.close();
  });

  it("goes from the operator's creation to its termination, with the fees each e-service still owes", async () => {
    const operatorId = await j.createCustomer(
      {
        legalName: "Niort Connect SAS",
        siren: "443061841",
        billingAddress: "12 avenue de Paris",
        billingPostalCode: "79000",
        billingCity: "Niort",
        billingEmail: "factures@niort-connect.fr",
        administrator: { email: "admin@niort-connect.fr", firstName: "Élise", lastName: "Fournier" },
      },
      "admin@niort-connect.fr",
    );
    const org = `/api/organisations/${operatorId}`;
    expect(
      (
        await j.post(j.staff, `${org}/wholesale-contracts`, {
          title: "Offre d'accès FTTH",
          reference: "AG-FTTH-2025-014",
          allowsItems: ["e-sav", "e-mutation-fibre"],
          signedOn: "2025-01-01",
        })
      ).statusCode,
    ).toBe(201);
    // Specific conditions (test values): e-SAV 150.00/month, 12 months; e-Mutation 80.00, 24 months.
    for (const [item, cents, minimum, notice] of [
      ["e-sav", 15_000, 12, 3],
      ["e-mutation-fibre", 8_000, 24, 1],
    ] as const) {
      const recorded = await j.post(j.staff, "/api/specific-conditions", {
        catalogueItemId: item,
        effectiveFrom: "2026-01-01",
        documentTitle: `Conditions Spécifiques ${item}`,
        documentVersion: "2026-01",
        monthlyPriceCents: cents,
        minimumMonths: minimum,
        terminationNoticeMonths: notice,
        maintenanceNoticeDays: 15,
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }

    const signer = { signerName: "Élise Fournier", signerRole: "Directrice générale" };
    const esav = await j.post(j.admin, `${org}/orders`, { catalogueItemId: "e-sav" }, "journey-esav");
    expect(esav.statusCode, esav.body).toBe(201);
    expect(
      (await j.post(j.admin, `${org}/orders`, { catalogueItemId: "e-sav" }, "journey-esav")).json().id,
    ).toBe(esav.json().id);
    const pdf = await j.get(j.admin, esav.json().orderForm.url);
    const sha256 = createHash("sha256").update(pdf.rawPayload).digest("hex");
    const signed = await j.post(j.admin, `/api/orders/${esav.json().id}/signature`, { ...signer, sha256 });
    expect(signed.json()).toMatchObject({ status: "received", invoicingFrom: "2026-11-23" });
    const mutation = await j.post(
      j.admin,
      `${org}/orders`,
      { catalogueItemId: "e-mutation-fibre" },
      "journey-mut",
    );
    const scan = Buffer.from("%PDF-1.4\n% signé à la main\n%%EOF\n").toString("base64");
    const scanned = await j.post(j.admin, `/api/orders/${mutation.json().id}/signed-scan`, {
      ...signer,
      pdfBase64: scan,
    });
    expect(scanned.json()).toMatchObject({ status: "received", signature: { kind: "scan" } });

    // The provider signs last two days later, activating both on 1 December (DSN-ORD-02).
    j.now = new Date("2026-11-25T15:00:00Z");
    for (const id of [esav.json().id, mutation.json().id]) {
      const activated = await j.post(j.staff, `/api/orders/${id}/activate`, { activationOn: "2026-12-01" });
      expect(activated.json()).toMatchObject({
        status: "activated",
        contractEffectiveAt: j.now.toISOString(),
      });
    }

    // A letter received "tomorrow" is refused; received on 10 January 2027, the contract ends on
    // 10 April 2027 with every e-service (DSN-ORD-04). e-SAV's minimum runs to 1 December 2027:
    // April 21/30 × 150.00 = 105.00 and May–November 7 × 150.00 = 1,050.00; e-Mutation's to
    // 1 December 2028: April 21/30 × 80.00 = 56.00 and 19 months × 80.00 = 1,520.00.
    j.now = new Date("2027-01-11T09:00:00Z");
    const future = await j.post(j.staff, `${org}/terminations`, {
      scope: "contract",
      noticeReceived: "2027-01-12",
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().details).toMatchObject({ clause: "DSN-ORD-04", field: "noticeReceived" });
    const ended = await j.post(j.staff, `${org}/terminations`, {
      scope: "contract",
      noticeReceived: "2027-01-10",
    });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.json()).toMatchObject({
      clause: "DSN-ORD-04",
      effectiveDate: "2027-04-10",
      feesDue: (105 + 1050 + 56 + 1520).toFixed(2),
    });
    const view = (await j.get(j.admin, `${org}/commitments`)).json();
    expect(view.termination).toMatchObject({ effectiveDateGiven: false, vendorClause: null });
    expect(view.terminations).toEqual([
      expect.objectContaining({ effectiveDate: "2027-04-10", feesDue: "2731.00" }),
    ]);
    expect(view.subscriptions.map((s: { endsFrom: string | null }) => s.endsFrom)).toEqual(
      expect.arrayContaining(["2027-04-10", "2027-04-10"]),
    );
  });
});
