import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

// Issue 14, part 1: bad input is a 400 naming its field, never a 500. Each case below answered
// 500 on both databases before the shared input schemas (http/input-schemas.ts) and the
// validator's check of every string (http/validator.ts).

const postgresUrl = inject("postgresUrl");

const NUL = "a\u0000b";
const LONE_SURROGATE = "\ud800x";

describe.each(databaseKindsUnderTest(postgresUrl))("hostile input on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let organisationId: string;
  let customer: SignedIn;
  let ticketId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const organisation = await createOrganisation(db, "customer", [
      { item: "support-premium", from: "2026-01-01" },
    ]);
    organisationId = organisation.id;
    const admin = await createUser(db, organisationId, ["customer_admin"], { canInvite: true });
    await makeNamedContact(db, organisationId, admin.id);
    customer = await signInAs(t.app, admin, now);
    const opened = await openTicketAs(t.app, customer, { category: "incident", priority: "P3" });
    ticketId = opened.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Sends the body as raw JSON text: a lone surrogate stays the escape "\ud800" a client sends. */
  async function post(url: string, body: Record<string, unknown>) {
    return t.app.inject({
      method: "POST",
      url,
      headers: { ...customer.headers, "content-type": "application/json" },
      payload: JSON.stringify(body),
    });
  }

  function expectRefused(response: { statusCode: number; json(): unknown }, field: string) {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(400);
    const body = response.json() as { code: string; details: { issues: { field: string }[] } };
    expect(body.code).toBe("validation_failed");
    expect(body.details.issues.map((i) => i.field)).toContain(field);
  }

  const ticket = { title: "Console", description: "Erreur 503", category: "incident", priority: "P3" };
  for (const [name, hostile] of [
    ["a NUL character", NUL],
    ["an unpaired surrogate", LONE_SURROGATE],
  ] as const) {
    it(`refuses ${name} in a ticket's title, description and customer reference with 400 naming the field`, async () => {
      for (const field of ["title", "description", "customerReference"]) {
        expectRefused(await post("/api/tickets", { ...ticket, [field]: hostile }), `body.${field}`);
      }
    });

    it(`refuses ${name} in a message, an invitation's names and an API token's name`, async () => {
      expectRefused(await post(`/api/tickets/${ticketId}/messages`, { body: hostile }), "body.body");
      for (const field of ["firstName", "lastName"]) {
        const invitation = { email: "new@example.fr", firstName: "Léa", lastName: "Roux", roles: ["user"] };
        expectRefused(
          await post(`/api/organisations/${organisationId}/users`, { ...invitation, [field]: hostile }),
          `body.${field}`,
        );
      }
      const token = { name: hostile, roles: ["user"], expiresAt: "2027-01-01T00:00:00Z" };
      expectRefused(await post(`/api/organisations/${organisationId}/api-tokens`, token), "body.name");
    });

    it(`answers ${name} in a search of tickets and of the audit trail without a 500`, async () => {
      // A lone surrogate has no UTF-8 form: a client sends its three bytes as CESU-8 would.
      const q = hostile === NUL ? "a%00b" : "%ED%A0%80x";
      const search = await t.app.inject({
        method: "GET",
        url: `/api/tickets?q=${q}`,
        headers: customer.headers,
      });
      const audit = await t.app.inject({
        method: "GET",
        url: `/api/audit?action=${q}`,
        headers: customer.headers,
      });
      if (hostile === NUL) {
        expectRefused(search, "querystring.q");
        expectRefused(audit, "querystring.action");
      } else {
        // Decoded as U+FFFD by the query parser: a text like any other, searched for (the audit
        // trail is refused to a customer's administrator here by its policy).
        expect(search.statusCode).toBe(200);
        expect(audit.statusCode).toBeLessThan(500);
      }
    });
  }

  it("refuses months and instants outside 2000-2100 with 400 naming the field", async () => {
    for (const month of ["0001-01", "1999-12", "2101-01", "9999-12"]) {
      const report = await t.app.inject({
        method: "GET",
        url: `/api/desk/reports/sla?organisationId=${organisationId}&month=${month}`,
        headers: customer.headers,
      });
      expectRefused(report, "querystring.month");
    }
    for (const from of ["0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2200-01-01T00:00:00+02:00"]) {
      const audit = await t.app.inject({
        method: "GET",
        url: `/api/audit?from=${encodeURIComponent(from)}`,
        headers: customer.headers,
      });
      expectRefused(audit, "querystring.from");
    }
  });

  it("still takes tabs, line breaks, accents and paired surrogates (emoji) in free text", async () => {
    const message = await post(`/api/tickets/${ticketId}/messages`, {
      body: "Bonjour,\r\n\tla console répond 503 depuis 9 h 😕",
    });
    expect(message.statusCode).toBe(201);
    expect(JSON.stringify(message.json())).toContain("😕");
  });
});
