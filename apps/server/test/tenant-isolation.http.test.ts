import {
  changeNotices,
  contractChanges,
  customerDetails,
  newsItems,
  newsRecipients,
  subscriptions,
} from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "../src/modules/audit/record-audit.js";
import { runInvoices } from "../src/modules/invoices/run-invoices.js";
import { makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** Routes anyone may call, or that act only on the caller's own session: no other tenant's id in them. */
const PUBLIC_OR_SELF = new Set([
  "GET /health",
  "GET /health/live",
  "GET /health/ready",
  "GET /api/contract",
  // Browsers' Content-Security-Policy reports: logged, nothing stored (security-headers.http.test.ts).
  "POST /api/csp-reports",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-out",
  "GET /api/auth/me",
  "POST /api/auth/links/redeem",
  "POST /api/auth/password-reset",
  "POST /api/auth/totp/enrol",
  "POST /api/auth/totp/verify",
  // The caller's own organisation's desk: proven below to show nothing of another tenant.
  "GET /api/desk/form",
  "GET /api/tickets",
  "POST /api/tickets",
  "POST /api/tickets/with-files",
  // The server's limits for files, the same for everyone.
  "GET /api/attachments/rules",
  // Announcements and outages are everyone's news; a customer is shown only its services' maintenance.
  "GET /api/maintenance",
  // The caller's own organisation's notices of changes (issue 18); another's notice is probed by its id.
  "GET /api/notices",
  // The caller's own organisation's news (issue 18); another's news item is probed by its id.
  "GET /api/news/received",
  "GET /api/portal-outages/current",
  // Without organisationId, a customer administrator's own report; another's id is refused in sla-report.http.test.ts.
  "GET /api/desk/reports/sla",
  "GET /api/desk/reports/sla/monthly",
  // Without organisationId, the caller's own invoice simulation; another's id is refused in billing-simulation.http.test.ts.
  "GET /api/billing/simulation",
  // Without organisationId, the caller's own costs and detailed lines; another's id is refused in billing-detail.http.test.ts.
  "GET /api/billing/cost-months",
  "GET /api/billing/cost-explorer",
  "GET /api/billing/detailed-lines/csv",
  "GET /api/billing/detailed-lines/parquet",
  // The caller's own budgets (another's id refused, another's budget 404): billing-budgets.http.test.ts.
  "GET /api/budgets",
  "POST /api/budgets",
  // Without organisationId, the caller's own invoices (row-level security: invoices.db.test.ts).
  "GET /api/invoices",
  // Specific conditions are the provider's prices and notices, the same for every customer.
  "GET /api/specific-conditions",
]);

const incident = {
  kind: "incident",
  serious: false,
  title: "probe",
  description: "probe",
  detectedAt: "2026-11-23T08:00:00Z",
};

/** A valid body for each route that takes one, so that only authorisation can refuse it. */
function bodyFor(route: string, ids: Record<string, string>): unknown {
  const change = {
    kind: "price",
    title: "Probe",
    body: "Probe",
    effectiveFrom: "2027-03-01",
    prices: [{ priceKey: "support-premium", percent: "20" }],
  };
  const bodies: Record<string, unknown> = {
    "POST /api/organisations/{organisationId}/suspension": { reason: "probing" },
    "POST /api/organisations/{organisationId}/suspension/lift": { reason: "probing" },
    "POST /api/organisations/{organisationId}/users": {
      email: "probe@example.fr",
      firstName: "P",
      lastName: "R",
      roles: ["user"],
    },
    "POST /api/organisations/{organisationId}/named-contacts": {
      email: "probe2@example.fr",
      firstName: "P",
      lastName: "R",
      jobTitle: "DSI",
      phone: "+33 5 49 00 00 00",
      availability: "9-18",
    },
    // MultiCloud Ready gives no revocation reasons: none is asked (identifierPolicy.revocation).
    "POST /api/organisations/{organisationId}/users/{userId}/revoke": {},
    "POST /api/organisations/{organisationId}/users/{userId}/rights": { roles: ["user"], canInvite: false },
    // The provider's staff: a customer is refused whatever it sends.
    "POST /api/staff": { email: "probe3@example.fr", firstName: "P", lastName: "R", roles: ["admin"] },
    "POST /api/staff/{userId}/roles": { roles: ["admin"] },
    "POST /api/organisations/{organisationId}/api-tokens": {
      name: "probe",
      roles: ["user"],
      expiresAt: "2027-01-01T00:00:00Z",
    },
    "POST /api/organisations/{organisationId}/support-grants": {
      agentEmail: ids.agentEmail,
      reason: "probing",
      expiresAt: "2027-01-01T00:00:00Z",
    },
    "POST /api/auth/acting": { grantId: ids.grantId },
    "POST /api/tickets/{ticketId}/messages": { body: "probing" },
    "POST /api/tickets/{ticketId}/status": { action: "reopen", message: "probing" },
    "POST /api/tickets/{ticketId}/priority": { priority: "P1", reason: "probing" },
    "POST /api/tickets/{ticketId}/assignee": { userId: null },
    "POST /api/tickets/{ticketId}/calls": { summary: "probing" },
    "POST /api/tickets/{ticketId}/escalations": { channel: "portal" },
    "POST /api/maintenance": {
      catalogueItemId: "support-premium",
      title: "probing",
      description: "probing",
      startsAt: "2027-01-05T07:00:00Z",
      endsAt: "2027-01-05T09:00:00Z",
      expectedMinutes: 60,
    },
    "POST /api/maintenance/{maintenanceId}/cancel": { reason: "probing" },
    "POST /api/portal-outages": { reason: "probing" },
    "POST /api/organisations/{organisationId}/plan-change": { to: "basic" },
    "POST /api/organisations/{organisationId}/terminations": {
      scope: "contract",
      noticeReceived: "2026-11-01",
    },
    "POST /api/organisations/{organisationId}/subscriptions/{subscriptionId}/vendor-status": {
      action: "suspend",
      reason: "probing",
    },
    "POST /api/organisations/{organisationId}/transfer-requests": { recipient: "probing" },
    "POST /api/organisations/{organisationId}/transfer-requests/{requestId}/quote": {
      amount: "1.00",
      text: "probing",
    },
    "POST /api/customers": {
      legalName: "Probe",
      siren: "552100554",
      billingAddress: "1 rue",
      billingPostalCode: "79000",
      billingCity: "Niort",
      billingEmail: "probe3@example.fr",
      administrator: { email: "probe3@example.fr", firstName: "P", lastName: "R" },
    },
    "POST /api/billing/invoice-runs": { month: "2026-10" },
    "POST /api/invoices/{invoiceId}/credit-notes": { reason: "probing" },
    "POST /api/contract-changes": change,
    "POST /api/contract-changes/preview": change,
    "POST /api/notices/{noticeId}/termination": { subscriptionId: ids.subscriptionId },
    "POST /api/customers/import": { csv: "raison_sociale;siren\nProbe;552100554\n" },
    "POST /api/organisations/{organisationId}/orders": {
      catalogueItemId: "aws",
      vendorTerms: { accepted: true, url: "http://aws.amazon.com/agreement" },
    },
    "POST /api/orders/{orderId}/accept": { vendorAccountId: "probe" },
    "POST /api/orders/{orderId}/refuse": { reason: "probing" },
    "POST /api/organisations/{organisationId}/quotas": {
      catalogueItemId: "aws",
      resource: "vCPU",
      maximum: 1,
    },
    "POST /api/organisations/{organisationId}/quotas/{quotaId}/requests": {
      requestedMaximum: 2,
      reason: "probing",
    },
    "POST /api/quota-requests/{requestId}/decision": { accept: true, reason: "probing" },
    "POST /api/orders/{orderId}/activate": { activationOn: "2026-12-01" },
    "POST /api/orders/{orderId}/identifiers-sent": {},
    "POST /api/orders/{orderId}/signature": {
      sha256: "0".repeat(64),
      signerName: "Probe",
      signerRole: "Probe",
    },
    "POST /api/orders/{orderId}/signed-scan": {
      pdfBase64: "JVBERi0xLjQK",
      signerName: "Probe",
      signerRole: "Probe",
    },
    "POST /api/organisations/{organisationId}/wholesale-contracts": {
      title: "Probe",
      reference: "P",
      allowsItems: ["aws"],
      signedOn: "2026-01-01",
    },
    // The security annex (issue 18): refused by policy, or absent from this contract (404);
    // the operators' isolation on DSN is in security-annex.http.test.ts.
    "POST /api/security/contacts/provider": { name: "probe", email: "probe@example.fr" },
    "POST /api/organisations/{organisationId}/security-contact": { name: "probe", email: "probe@example.fr" },
    "POST /api/security/incidents": incident,
    "POST /api/organisations/{organisationId}/security-incidents": incident,
    "POST /api/organisations/{organisationId}/security-audits": {
      scope: "probe",
      auditor: "probe",
      reportOn: "2026-11-20",
      findings: "probe",
      nonConformity: true,
    },
    "POST /api/security/audits/{auditId}/remediation-plan": { plan: "probe plan, ten characters" },
    "POST /api/security/audits/{auditId}/remediation-plan/rejection": { reason: "probe reason" },
    "POST /api/news": { category: "technical", title: "Probe", body: "Probe" },
    "POST /api/organisations/{organisationId}/client-certificates": {
      name: "probe",
      ownerUserId: ids.userId,
      roles: ["user"],
      fingerprint256: "AB".repeat(32),
    },
    "POST /api/specific-conditions": {
      catalogueItemId: "support-premium",
      effectiveFrom: "2027-01-01",
      documentTitle: "probe",
      documentVersion: "probe",
      monthlyPriceCents: 0,
      minimumMonths: 0,
      terminationNoticeMonths: 0,
      maintenanceNoticeDays: 0,
    },
  };
  return bodies[route];
}

describe.each(databaseKindsUnderTest(postgresUrl))("tenant isolation on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let ids: Record<string, string>;
  let intruder: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    const agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    const a = await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }]);
    const b = await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }]);
    const adminA: TestUser = await createUser(db, a.id, ["customer_admin"], { canInvite: true });
    const adminB = await createUser(db, b.id, ["customer_admin"]);
    await makeNamedContact(db, b.id, adminB.id);
    const sessionB = await signInAs(t.app, adminB, now);
    const ticket = await openTicketAs(t.app, sessionB, { category: "incident", priority: "P1" });
    const token = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${b.id}/api-tokens`,
      headers: sessionB.headers,
      payload: { name: "B", roles: ["user"], expiresAt: "2027-01-01T00:00:00Z" },
    });
    const grant = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${b.id}/support-grants`,
      headers: sessionB.headers,
      payload: { agentEmail: agent.email, reason: "B's grant", expiresAt: "2026-11-28T00:00:00Z" },
    });
    const budget = await t.app.inject({
      method: "POST",
      url: "/api/budgets",
      headers: sessionB.headers,
      payload: { vendor: null, amount: "1000", thresholds: [80], recipientUserIds: [adminB.id] },
    });
    ids = {
      organisationId: b.id,
      budgetId: budget.json().budgetId,
      userId: adminB.id,
      tokenId: token.json().apiToken.id,
      grantId: grant.json().grantId,
      agentEmail: agent.email,
      ticketId: ticket.json().id,
      attachmentId: await attachmentOf(ticket.json().id),
      // The provider's own records, no customer's: refused by policy whatever the id.
      maintenanceId: "00000000-0000-4000-8000-00000000000a",
      outageId: "00000000-0000-4000-8000-00000000000b",
      subscriptionId: await subscriptionOf(b.id),
      // Staff-only answers: refused by policy whatever the id.
      requestId: "00000000-0000-4000-8000-00000000000c",
      taskId: "00000000-0000-4000-8000-00000000000d",
      invoiceId: await invoiceOf(b.id),
      orderId: await orderOf(sessionB),
      // Quotas are reached through the organisation's id, refused by policy first.
      quotaId: "00000000-0000-4000-8000-00000000000e",
      noticeId: await noticeOf(b.id),
      // The security annex: this contract has none (404 whatever the id); DSN's in security-annex.http.test.ts.
      incidentId: "00000000-0000-4000-8000-00000000000f",
      auditId: "00000000-0000-4000-8000-000000000010",
      certificateId: "00000000-0000-4000-8000-000000000011",
      newsId: await newsOf(b.id),
    };
    intruder = await signInAs(t.app, adminA, now);

    /** B's notice of a change with its letter, as an announcement writes it (issue 18). */
    async function noticeOf(organisationId: string): Promise<string> {
      const [change] = await db
        .insert(contractChanges)
        .values({
          kind: "general-conditions",
          title: "B's change",
          body: "B's change",
          announcedOn: "2026-11-23",
          effectiveFrom: "2026-12-01",
          earliestAllowed: "2026-11-23",
          clause: "GEN-01",
          prices: [],
          idempotencyKey: "isolation-probe",
          announcedAt: now,
        })
        .returning({ id: contractChanges.id });
      const [notice] = await db
        .insert(changeNotices)
        .values({
          changeId: (change as { id: string }).id,
          organisationId,
          direction: "unchanged",
          clause: "GEN-01",
          channels: ["written"],
          earliestAllowed: "2026-11-23",
          signatureRequired: true,
          harmfulTermination: true,
          priceKeys: [],
          letterPdf: Buffer.from("%PDF-1.7 B's letter"),
          letterSha256: "0".repeat(64),
          madeAvailableAt: now,
          mailed: 0,
        })
        .returning({ id: changeNotices.id });
      return (notice as { id: string }).id;
    }

    /** A news item B alone received (issue 18, DSN-POR-01). */
    async function newsOf(organisationId: string): Promise<string> {
      const [item] = await db
        .insert(newsItems)
        .values({
          category: "technical",
          title: "B's news",
          body: "B's news",
          clause: "MCR-SUP-04",
          idempotencyKey: "isolation-news",
          publishedAt: now,
        })
        .returning({ id: newsItems.id });
      const newsId = (item as { id: string }).id;
      await db.insert(newsRecipients).values({ newsId, organisationId, mailed: 0, madeAvailableAt: now });
      return newsId;
    }

    async function subscriptionOf(organisationId: string): Promise<string> {
      const [held] = await db
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(eq(subscriptions.organisationId, organisationId));
      return (held as { id: string }).id;
    }

    /** B's invoice of October (its Premium plan's monthly minimum). */
    async function invoiceOf(organisationId: string): Promise<string> {
      await db.insert(customerDetails).values({
        organisationId,
        siren: "542051180",
        billingAddress: "1 place Graslin",
        billingPostalCode: "44000",
        billingCity: "Nantes",
        billingEmail: "b@example.fr",
      });
      const run = await runInvoices(
        db,
        t.context.contract,
        "2026-10",
        "2026-11-02",
        systemActor("test"),
        now,
        organisationId,
      );
      return (run.issued[0] as { id: string }).id;
    }

    /** B's order of a cloud account, still waiting for the provider (issue 16). */
    async function orderOf(session: SignedIn): Promise<string> {
      const ordered = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${b.id}/orders`,
        headers: session.headers,
        payload: {
          catalogueItemId: "gcp",
          vendorTerms: { accepted: true, url: "https://cloud.google.com/terms/service-terms" },
        },
      });
      return ordered.json().id;
    }

    async function attachmentOf(ticketId: string): Promise<string> {
      const form = new FormData();
      form.append("files", new Blob(["B's log"], { type: "text/plain" }), "b.txt");
      const sent = await t.app.inject({
        method: "POST",
        url: `/api/tickets/${ticketId}/attachments`,
        headers: sessionB.headers,
        payload: form,
      });
      return sent.json().timeline.at(-1).attachments[0].id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function snapshot() {
    const tables = [
      "organisations",
      "users",
      "named_contacts",
      "api_tokens",
      "support_grants",
      "outbox",
      "one_time_tokens",
      "subscriptions",
      "tickets",
      "ticket_events",
      "maintenance_windows",
      "portal_outages",
      "ticket_attachments",
      "subscription_periods",
      "terminations",
      "staff_tasks",
      "account_transfer_requests",
      "customer_details",
      "specific_conditions",
      "invoices",
      "orders",
      "vendor_accounts",
      "order_documents",
      "wholesale_contracts",
      "resource_quotas",
      "quota_requests",
      "contract_changes",
      "change_notices",
      "price_revisions",
      "news_items",
      "news_recipients",
      "news_reads",
      "contract_versions",
    ];
    const counts: Record<string, unknown> = {};
    for (const table of tables) {
      const result = await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
      counts[table] = (result as unknown as { rows: { n: number }[] }).rows[0]?.n;
    }
    const states = await t.database.db.execute(sql`select status from organisations order by id`);
    const grants = await t.database.db.execute(sql`select revoked_at from support_grants order by id`);
    const tokens = await t.database.db.execute(sql`select revoked_at from api_tokens order by id`);
    const notices = await t.database.db.execute(
      sql`select read_at, signed_at from change_notices order by id`,
    );
    return JSON.stringify({ counts, states, grants, tokens, notices });
  }

  it("answers every route of the OpenAPI document with 403 or 404 for another customer's ids, changing nothing", async () => {
    const document = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const before = await snapshot();
    const probed: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (PUBLIC_OR_SELF.has(route)) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const id = ids[name];
          if (!id)
            throw new Error(`no id of the other customer for {${name}} in ${route}: add it to the test`);
          return id;
        });
        const body = bodyFor(route, ids);
        const response = await t.app.inject({
          method: method.toUpperCase() as "GET",
          url,
          headers: intruder.headers,
          ...(body === undefined ? {} : { payload: body as object }),
        });
        expect([403, 404], `${route} answered ${response.statusCode}: ${response.body}`).toContain(
          response.statusCode,
        );
        probed.push(route);
      }
    }
    expect(probed.length).toBeGreaterThanOrEqual(12);
    expect(await snapshot()).toBe(before);
  });

  it("lists only the caller's own tickets, whatever organisation the query names", async () => {
    const list = await t.app.inject({
      method: "GET",
      url: `/api/tickets?organisationId=${ids.organisationId}`,
      headers: intruder.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ total: 0, items: [] });
  });
});
