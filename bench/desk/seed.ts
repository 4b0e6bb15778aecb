import { randomUUID } from "node:crypto";
import {
  auditLog,
  type Database,
  type Db,
  outbox,
  type Ticket,
  type TicketEventRow,
  ticketCounters,
  ticketEvents,
  tickets,
  users,
} from "@guichet/db";
import { formatTicketReference, type Priority, yearIn } from "@guichet/domain";
import { count, eq } from "drizzle-orm";
import type { AppContext } from "../../apps/server/src/app-context.js";
import { timeZoneOf } from "../../apps/server/src/modules/accounts/issue-link.js";
import { openTicket } from "../../apps/server/src/modules/desk/open-ticket.js";
import {
  evaluateTicketSla,
  timelineEventOf,
  urgencyOf,
} from "../../apps/server/src/modules/desk/ticket-sla.js";
import { makeNamedContact } from "../../apps/server/test/helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "../../apps/server/test/helpers/factories.js";

/** Open tickets in the queue's database. */
export const OPEN_TICKETS = 10_000;
/** Spread of the seeded tickets' creation dates. */
const SEED_DAYS = 14;

// ---------------------------------------------------------------- seed

export interface Customer {
  id: string;
  plan: "premium" | "business";
  contacts: { user: TestUser; label: string }[];
}

export async function seedPeople(db: Db) {
  const provider = await createOrganisation(db, "provider");
  const agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
  const customers: Customer[] = [];
  for (const plan of ["premium", "business", "premium", "business", "premium", "business"] as const) {
    const organisation = await createOrganisation(db, "customer", [
      { item: `support-${plan}`, from: "2026-01-01" },
    ]);
    const contacts = [];
    for (let i = 0; i < 2; i++) {
      const user = await createUser(db, organisation.id, ["named_contact"]);
      await makeNamedContact(db, organisation.id, user.id);
      const [person] = await db
        .select({ firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(eq(users.id, user.id));
      // As the route names them: the principal's display name, and "name <email>" in the audit trail.
      contacts.push({ user, label: `${person?.firstName} ${person?.lastName}` });
    }
    customers.push({ id: organisation.id, plan, contacts });
  }
  return { agent, customers };
}

const CATEGORIES = [
  "incident",
  "incident",
  "incident",
  "request",
  "incident",
  "request",
  "billing",
  "incident",
  "account",
  "request",
];
const priorityOf = (i: number): Priority => (i % 10 === 0 ? "P1" : i % 10 < 4 ? "P2" : "P3");
/** Ticket i's customer, contact, category and priority repeat every 60 tickets (6 customers, 2 contacts, 10 categories). */
const TEMPLATES = 60;

/**
 * 10,000 open tickets, opened over the last two weeks. The first 60 go through openTicket itself
 * (not the HTTP route), one for each combination of customer, contact, category and priority.
 * The others are bulk inserts cloned from them: the same row and 'created' event but for the id,
 * the next reference, the thread's Message-ID, the title, the times, and sla_due_at computed by
 * the same functions openTicket calls. They have no audit entry or acknowledgement mail, which the
 * queue does not read. The clones are checked against their templates.
 */
export async function seedTickets(database: Database, context: AppContext, customers: Customer[], now: Date) {
  const { db } = database;
  const { contract } = context;
  const from = now.getTime() - SEED_DAYS * 86_400_000;
  const step = (SEED_DAYS * 86_400_000 - 60_000) / OPEN_TICKETS;
  const openedAt = (i: number) => new Date(from + Math.floor(i * step));
  const templates: { ticket: Ticket; event: TicketEventRow }[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const customer = customers[i % customers.length] as Customer;
    const contact = customer.contacts[Math.floor(i / customers.length) % customer.contacts.length];
    if (!contact) throw new Error("no contact");
    const opened = await openTicket(
      db,
      context,
      {
        organisationId: customer.id,
        requester: { userId: contact.user.id, label: contact.label, roles: ["named_contact"] },
        channel: "portal",
        category: CATEGORIES[i % CATEGORIES.length] as string,
        catalogueItemId: null,
        priority: priorityOf(i),
        title: `Seeded request ${i}`,
        description: "La console renvoie une erreur 503 depuis ce matin.",
        customerReference: i % 3 === 0 ? `INC-${i}` : null,
      },
      {
        userId: contact.user.id,
        label: `${contact.label} <${contact.user.email}>`,
        organisationId: customer.id,
        via: "session",
        ip: "127.0.0.1",
        userAgent: "bench seed",
        requestId: null,
      },
      openedAt(i),
    );
    if (!opened.ok) throw new Error(`seed: ticket ${i} refused: ${opened.reason}`);
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, opened.ticketId));
    const events = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, opened.ticketId));
    if (!ticket || events.length !== 1 || events[0]?.type !== "created")
      throw new Error(`seed: ticket ${i} is not one open ticket with its 'created' event`);
    const event = events[0];
    // The clones' sla_due_at is computed as openTicket computes it: check that on the template.
    const due = urgencyOf(evaluateTicketSla(contract, ticket, [timelineEventOf(event)], openedAt(i)));
    if (due?.getTime() !== ticket.slaDueAt?.getTime())
      throw new Error(`seed: sla_due_at ${ticket.slaDueAt?.toISOString()} != ${due?.toISOString()}`);
    templates.push({ ticket, event });
  }

  const prefix = contract.ticketWorkflow.referencePrefix;
  const timeZone = timeZoneOf(contract);
  const counters = new Map<number, number>(
    (await db.select().from(ticketCounters).where(eq(ticketCounters.prefix, prefix))).map((c) => [
      c.year,
      c.last,
    ]),
  );
  const CHUNK = 1000;
  for (let start = TEMPLATES; start < OPEN_TICKETS; start += CHUNK) {
    const rows: Ticket[] = [];
    const events: Omit<TicketEventRow, "seq">[] = [];
    for (let i = start; i < Math.min(start + CHUNK, OPEN_TICKETS); i++) {
      const template = templates[i % TEMPLATES] as (typeof templates)[number];
      const at = openedAt(i);
      const year = yearIn(at.getTime(), timeZone);
      const sequence = (counters.get(year) ?? 0) + 1;
      counters.set(year, sequence);
      const id = randomUUID();
      const { seq: _seq, ...event } = { ...template.event, ticketId: id, at };
      const ticket: Ticket = {
        ...template.ticket,
        id,
        reference: formatTicketReference(prefix, year, sequence),
        title: `Seeded request ${i}`,
        customerReference: template.ticket.customerReference === null ? null : `INC-${i}`,
        threadMessageId: template.ticket.threadMessageId.replace(template.ticket.id, id),
        createdAt: at,
        updatedAt: at,
      };
      ticket.slaDueAt = urgencyOf(evaluateTicketSla(contract, ticket, [timelineEventOf(event)], at));
      rows.push(ticket);
      events.push(event);
    }
    await db.insert(tickets).values(rows);
    await db.insert(ticketEvents).values(events);
  }
  for (const [year, last] of counters) {
    await db
      .insert(ticketCounters)
      .values({ prefix, year, last })
      .onConflictDoUpdate({ target: [ticketCounters.prefix, ticketCounters.year], set: { last } });
  }

  // Read back one clone of each template: only the columns said above may differ.
  const differing = new Set(["id", "reference", "title", "customerReference", "threadMessageId"]);
  const timed = new Set(["createdAt", "updatedAt", "slaDueAt", "at", "ticketId", "seq"]);
  for (let i = TEMPLATES; i < 2 * TEMPLATES; i++) {
    const template = templates[i % TEMPLATES] as (typeof templates)[number];
    const [clone] = await db
      .select()
      .from(tickets)
      .where(eq(tickets.title, `Seeded request ${i}`));
    const [event] = await db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, clone?.id ?? ""));
    if (!clone || !event) throw new Error(`seed: clone ${i} not found`);
    const same = (a: object, b: object) =>
      Object.entries(a).every(
        ([k, v]) => differing.has(k) || timed.has(k) || JSON.stringify(v) === JSON.stringify((b as never)[k]),
      );
    if (!same(template.ticket, clone) || !same(template.event, event))
      throw new Error(`seed: clone ${i} differs from the ticket openTicket made`);
  }
}

export async function tableCounts(db: Db) {
  const one = async (table: typeof tickets | typeof ticketEvents | typeof auditLog | typeof outbox) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    tickets: await one(tickets),
    events: await one(ticketEvents),
    audit: await one(auditLog),
    outbox: await one(outbox),
  };
}
