import { auditLog, outbox, rowsOf, tickets } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { formatTicketReference } from "@guichet/domain";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditTrail } from "../src/modules/audit/verify-audit.js";
import { sweepAutoClose } from "../src/modules/desk/desk-sweeps.js";
import { referenceSql } from "../src/modules/desk/write-opened.js";
import { act, openTicketAs, premiumNamedContact } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

type QueueItem = {
  id: string;
  reference: string;
  status: string;
  priority: string;
  sla: { state: string }[];
};

/**
 * Pages of tickets are kept for the second they were computed in (ticket-pages.ts): the clock
 * here stands still, so every read below falls in the same second, and each must still show what
 * was just done.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("the queue and the requests on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-24T09:00:00Z"); // Tuesday 10:00 in Paris
  let agent: TestUser;
  let otherAgent: TestUser;
  let contact: TestUser;
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);
  const queue = async (session: SignedIn, query = "open=true&order=urgency") => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/tickets?${query}`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    return response.json() as { total: number; items: QueueItem[] };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    otherAgent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    ({ contact } = await premiumNamedContact(db));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows a ticket in the customer's requests and the agents' queue as soon as it is opened", async () => {
    const customer = await signIn(contact);
    const support = await signIn(agent);
    const before = { requests: await queue(customer, ""), queue: await queue(support) };
    const opened = (await openTicketAs(t.app, customer, { category: "incident", priority: "P2" })).json();
    const requests = await queue(customer, "");
    expect(requests.total).toBe(before.requests.total + 1);
    expect(requests.items[0]?.reference).toBe(opened.reference);
    const open = await queue(support);
    expect(open.total).toBe(before.queue.total + 1);
    expect(open.items.map((item) => item.id)).toContain(opened.id);
  });

  it("shows one agent's change to another agent's queue at once, and leaves each reader their own page", async () => {
    const customer = await signIn(contact);
    const ticket = (await openTicketAs(t.app, customer, { category: "incident", priority: "P3" })).json();
    const mine = await signIn(agent);
    const theirs = await signIn(otherAgent);
    expect((await queue(theirs, "assignee=me")).items.map((i) => i.id)).not.toContain(ticket.id);
    expect((await queue(mine)).items.find((i) => i.id === ticket.id)?.priority).toBe("P3");

    const assigned = await act(t.app, mine, ticket.id, "assignee", { userId: otherAgent.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await queue(theirs, "assignee=me")).items.map((i) => i.id)).toContain(ticket.id);
    // "me" is each reader's own: the same address, another page.
    expect((await queue(mine, "assignee=me")).items.map((i) => i.id)).not.toContain(ticket.id);

    const resolved = await act(t.app, theirs, ticket.id, "status", {
      action: "resolve",
      message: "Corrigé.",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await queue(mine)).items.map((i) => i.id)).not.toContain(ticket.id);
    expect((await queue(mine, "status=resolved")).items.map((i) => i.id)).toContain(ticket.id);
  });

  it("shows the SLA clocks of the instant asked, and tickets the sweeps closed", async () => {
    const customer = await signIn(contact);
    const ticket = (await openTicketAs(t.app, customer, { category: "incident", priority: "P1" })).json();
    const running = (await queue(await signIn(agent))).items.find((i) => i.id === ticket.id);
    expect(running?.sla[0]?.state).toBe("running");
    now = new Date(now.getTime() + 31 * 60_000); // Premium P1: first answer within 30 minutes
    const late = (await queue(await signIn(agent))).items.find((i) => i.id === ticket.id);
    expect(late?.sla[0]?.state).toBe("breached");

    const support = await signIn(agent);
    expect(
      (await act(t.app, support, ticket.id, "status", { action: "resolve", message: "Ok." })).statusCode,
    ).toBe(200);
    expect((await queue(support, "status=resolved")).items.map((i) => i.id)).toContain(ticket.id);
    const sweptAt = new Date(now.getTime() + 14 * 86_400_000); // past 5 business days
    expect((await sweepAutoClose(t.context, sweptAt)).closed).toBeGreaterThan(0);
    expect((await queue(support, "status=resolved")).items.map((i) => i.id)).not.toContain(ticket.id);
  });

  it("numbers tickets opened at the same time without gaps or twins, each mail and audit entry naming its own", async () => {
    const customer = await signIn(contact);
    const opened = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        openTicketAs(t.app, customer, { category: "incident", priority: "P3", title: `Panne ${i}` }),
      ),
    );
    const made = opened.map((response) => {
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; reference: string; title: string };
    });
    const numbers = made.map((ticket) => Number(ticket.reference.split("-")[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    const { db } = t.database;
    const ids = made.map((ticket) => ticket.id);
    const stored = await db
      .select({ id: tickets.id, reference: tickets.reference })
      .from(tickets)
      .where(inArray(tickets.id, ids));
    const mails = await db
      .select({ ticketId: outbox.ticketId, subject: outbox.subject })
      .from(outbox)
      .where(inArray(outbox.ticketId, ids));
    const entries = await db
      .select({ targetId: auditLog.targetId, data: auditLog.data })
      .from(auditLog)
      .where(inArray(auditLog.targetId, ids));
    for (const ticket of made) {
      expect(stored.find((row) => row.id === ticket.id)?.reference).toBe(ticket.reference);
      expect(mails.find((mail) => mail.ticketId === ticket.id)?.subject).toBe(
        `[${ticket.reference}] Demande enregistrée : ${ticket.title}`,
      );
      expect(entries.find((entry) => entry.targetId === ticket.id)?.data.reference).toBe(ticket.reference);
    }
    expect((await verifyAuditTrail(db)).intact).toBe(true);
  });

  it("writes references in the database as the domain does, past five digits too", async () => {
    for (const n of [1, 42, 99_999, 100_000, 1_234_567]) {
      const [row] = rowsOf<{ reference: string }>(
        await t.database.db.execute(
          sql`select ${referenceSql(sql`${"MCR"}::text`, sql`${2026}::int`, sql`${n}::bigint`)} as reference`,
        ),
      );
      expect(row?.reference).toBe(formatTicketReference("MCR", 2026, n));
    }
  });
});
