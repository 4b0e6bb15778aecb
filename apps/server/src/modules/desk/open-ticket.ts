import { randomUUID } from "node:crypto";
import {
  atomically,
  type Db,
  executePrepared,
  maintenanceWindows,
  namedContacts,
  organisations,
  outbox,
  portalOutages,
  subscriptions,
  type Ticket,
  type TicketEventRow,
  ticketCounters,
  ticketEvents,
  tickets,
  users,
} from "@guichet/db";
import {
  decideIntake,
  type IntakeRefusal,
  localDateIn,
  type Priority,
  type TicketChannel,
  yearIn,
} from "@guichet/domain";
import { and, eq, gt, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, type AuditEvent, auditAppendCtes } from "../audit/record-audit.js";
import { outboxRowOf } from "../mail/enqueue-mail.js";
import { heldOn, planAmong } from "../organisations/support-plan-of.js";
import { attachFiles, type IncomingFile } from "./attachments.js";
import { outageUnderWay } from "./portal-outages.js";
import { ticketMail } from "./ticket-mail.js";
import { evaluateTicketSla, timelineEventOf, urgencyOf } from "./ticket-sla.js";

export interface OpenTicketInput {
  organisationId: string;
  requester: { userId: string; label: string; roles: readonly string[] };
  channel: TicketChannel;
  category: string;
  catalogueItemId: string | null;
  /** Null: the contract's default priority (MCR-SUP-05). */
  priority: Priority | null;
  title: string;
  description: string;
  customerReference: string | null;
  /** Files of the first message, validated by the caller (validateAttachments). */
  files?: readonly IncomingFile[];
  /** The Message-ID of the mail that opened it, which starts the thread. */
  inboundMessageId?: string | null;
}

/** What opening wrote, so the caller can answer without reading it back. */
export interface OpenedTicket {
  ticket: Ticket;
  timeline: TicketEventRow[];
  organisationName: string;
}

export type OpenTicketResult =
  | { ok: true; ticketId: string; reference: string; opened: OpenedTicket }
  | IntakeRefusal;

type DeskContext = Pick<AppContext, "contract" | "config">;

/**
 * Opens a ticket when the contract allows it (decideIntake: channel, named contact, scope), with
 * its gapless reference, its first timeline event, its SLA sort key, the audit entry and the
 * acknowledgement mail, all in one transaction. Out of scope under MCR it is opened and closed at
 * once with the reason (MCR-SUP-11).
 *
 * Every creation waits for the reference counter's row, and every write for the audit chain's
 * lock, each held until the commit: the facts are read in one statement and the SLA computed
 * before the counter is taken, and the audit entry is written last.
 */
export async function openTicket(
  db: Db,
  context: DeskContext,
  input: OpenTicketInput,
  actor: AuditActor,
  now: Date,
): Promise<OpenTicketResult> {
  const { contract } = context;
  const timeZone = timeZoneOf(contract);
  return atomically(db, async (tx) => {
    const facts = await requesterFacts(tx, input, now, timeZone);
    const planKey = planAmong(contract, facts.held);
    const decision = decideIntake(contract, {
      planKey,
      channel: input.channel,
      category: input.category,
      catalogueItemId: input.catalogueItemId,
      subscribedItems: new Set(facts.held.map((h) => h.item)),
      requester: {
        isNamedContact: facts.isNamedContact,
        isCustomerAdmin: input.requester.roles.includes("customer_admin"),
      },
      portalDeclaredUnavailable: facts.portalDown,
    });
    if (!decision.ok) return decision;

    const priority = input.priority ?? contract.priorities.default;
    const id = randomUUID();
    // A thread starts at the customer's own mail when its Message-ID is well formed, else at ours.
    const inbound =
      input.inboundMessageId && /^<[^\s<>]+>$/.test(input.inboundMessageId) ? input.inboundMessageId : null;
    const threadMessageId = inbound ?? `<ticket.${id}@${new URL(context.config.PUBLIC_URL).hostname}>`;
    const closed = decision.closeAsOutOfScope;
    const base = { ticketId: id, organisationId: input.organisationId, at: now };
    const events = [
      {
        ...base,
        type: "created",
        side: "customer" as const,
        actorUserId: input.requester.userId,
        actorLabel: input.requester.label,
        channel: input.channel,
        visibility: "public" as const,
        body: input.description,
        data: { priority, category: input.category, catalogueItemId: input.catalogueItemId },
        messageId: input.inboundMessageId ?? null,
      },
      ...(closed
        ? [
            {
              ...base,
              type: "status_changed",
              side: "system" as const,
              actorUserId: null,
              actorLabel: "Guichet",
              channel: null,
              visibility: "public" as const,
              body: null,
              data: { from: "new", to: "closed", reason: closed.reason, clause: closed.clause },
              messageId: null,
            },
          ]
        : []),
    ];
    const slaApplies = decision.slaApplies;
    const sla = evaluateTicketSla(contract, { planKey, slaApplies }, events.map(timelineEventOf), now);

    // Everything is written in one statement with the audit entry, just before the commit (see
    // writeOpened): until then the reference is a token in the ticket, its mails and the entry.
    const token = `REF-${randomUUID().replaceAll("-", "")}`;
    const ticket: Ticket = {
      id,
      organisationId: input.organisationId,
      reference: token,
      category: input.category,
      subscriptionId: facts.held.find((h) => h.item === input.catalogueItemId)?.id ?? null,
      catalogueItemId: input.catalogueItemId,
      priority,
      status: closed ? "closed" : "new",
      holdReason: null,
      title: input.title,
      description: input.description,
      customerReference: input.customerReference,
      requesterUserId: input.requester.userId,
      assigneeUserId: null,
      channel: input.channel,
      planKey,
      slaApplies,
      maintenanceId: facts.maintenanceId,
      outOfScopeReason: closed?.reason ?? null,
      threadMessageId,
      slaDueAt: urgencyOf(sla),
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      closedAt: closed ? now : null,
    };

    const { emailNotifications, outOfScope } = contract.ticketWorkflow;
    const { requester } = facts;
    const mails = requester
      ? [
          ...(emailNotifications.created
            ? [
                ticketMail(
                  context,
                  ticket,
                  requester,
                  "ticket_acknowledged",
                  {},
                  emailNotifications.created,
                  now,
                ),
              ]
            : []),
          ...(closed
            ? [
                ticketMail(
                  context,
                  ticket,
                  requester,
                  "ticket_closed",
                  (locale: Locale) => ({
                    reason: outOfScope.reasons[closed.reason]?.[locale] ?? closed.reason,
                  }),
                  closed.clause,
                  now,
                ),
              ]
            : []),
        ]
      : [];

    const { reference, seqs } = await writeOpened(
      tx,
      { ticket, events, mails: mails.map(outboxRowOf), token },
      { prefix: contract.ticketWorkflow.referencePrefix, year: yearIn(now.getTime(), timeZone) },
      actor,
      {
        action: closed ? "ticket.opened_out_of_scope" : "ticket.opened",
        organisationId: input.organisationId,
        targetType: "ticket",
        targetId: id,
        data: {
          reference: token,
          channel: input.channel,
          category: input.category,
          priority,
          planKey,
          clause: closed?.clause,
        },
      },
      now,
    );
    const timeline: TicketEventRow[] = events.map((event) => ({ ...event, seq: seqs.get(event.type) ?? 0 }));
    const created = seqs.get("created");
    if (input.files?.length && created) {
      await attachFiles(
        tx,
        context,
        { ticketId: id, organisationId: input.organisationId, eventSeq: created },
        input.files,
        now,
      );
    }
    return {
      ok: true as const,
      ticketId: id,
      reference,
      opened: { ticket: { ...ticket, reference }, timeline, organisationName: facts.organisationName },
    };
  });
}

/**
 * What the intake rules and the acknowledgement need to know about the requester, its
 * organisation and the service today, in one statement: the subscriptions held, whether the
 * requester is a named contact, whether a portal outage or a maintenance of the service is under
 * way (MCR-SUP-03, DSN-SUP-07, DSN-SUP-08), and whom to write to.
 */
async function requesterFacts(db: Db, input: OpenTicketInput, now: Date, timeZone: string) {
  const held = db
    .select({
      held: sql`coalesce(json_agg(json_build_object('id', ${subscriptions.id}, 'item', ${subscriptions.catalogueItemId}, 'startsOn', ${subscriptions.startsOn})), '[]'::json)`,
    })
    .from(subscriptions)
    .where(heldOn(input.organisationId, localDateIn(now, timeZone)));
  const namedContact = db
    .select({ userId: namedContacts.userId })
    .from(namedContacts)
    .where(eq(namedContacts.userId, input.requester.userId));
  const outage = db.select({ id: portalOutages.id }).from(portalOutages).where(outageUnderWay(now));
  const maintenance = input.catalogueItemId
    ? sql`(${db
        .select({ id: maintenanceWindows.id })
        .from(maintenanceWindows)
        .where(maintenanceUnderWay(input.catalogueItemId, now))
        .limit(1)})`
    : sql`null::uuid`;
  const [row] = await db
    .select({
      organisationName: organisations.name,
      held: sql<{ id: string; item: string; startsOn: string }[]>`(${held})`,
      isNamedContact: sql<boolean>`exists(${namedContact})`,
      portalDown: sql<boolean>`exists(${outage})`,
      maintenanceId: sql<string | null>`${maintenance}`,
      email: users.email,
      firstName: users.firstName,
      locale: users.locale,
    })
    .from(organisations)
    .leftJoin(users, eq(users.id, input.requester.userId))
    .where(eq(organisations.id, input.organisationId));
  if (!row) throw new Error(`openTicket: organisation ${input.organisationId} not visible`);
  const { email, firstName, locale, ...facts } = row;
  return { ...facts, requester: email && firstName && locale ? { email, firstName, locale } : null };
}

/** A scheduled maintenance of this service under way now (DSN-SUP-07). */
function maintenanceUnderWay(catalogueItemId: string, now: Date): SQL | undefined {
  return and(
    eq(maintenanceWindows.catalogueItemId, catalogueItemId),
    lte(maintenanceWindows.startsAt, now),
    gt(maintenanceWindows.endsAt, now),
    isNull(maintenanceWindows.cancelledAt),
  );
}

/**
 * Writes an opened ticket, its first events, its mails and its audit entry in one statement,
 * giving it its gapless reference (`MCR-2026-00042`, as formatTicketReference writes it) from the
 * counter row, locked until the commit so numbers have no gaps and no duplicates: the token in
 * the ticket, the mails and the entry becomes the reference. Every opening waits for that row,
 * and every write for the audit chain's lock: taken in the last statement before the commit, both
 * are held for one round trip.
 */
async function writeOpened(
  tx: Db,
  opened: {
    ticket: Ticket;
    events: readonly Omit<TicketEventRow, "seq">[];
    mails: readonly ReturnType<typeof outboxRowOf>[];
    token: string;
  },
  numbering: { prefix: string; year: number },
  actor: AuditActor,
  event: AuditEvent,
  now: Date,
): Promise<{ reference: string; seqs: Map<string, number> }> {
  const { ticket, events, mails, token } = opened;
  const reference = sql`(select reference from numbered_ref)`;
  const filled = (text: string) => sql`replace(${text}, ${token}, ${reference})`;
  const late = { token, value: sql`numbered_ref.reference`, from: sql`numbered_ref` };
  // Builders are rendered with getSQL(): embedded as they are, they would be parenthesised.
  const mailed = mails.length
    ? sql`mailed as (${tx
        .insert(outbox)
        .values(
          mails.map((mail) => ({ ...mail, subject: filled(mail.subject), textBody: filled(mail.textBody) })),
        )
        .getSQL()}),`
    : sql``;
  const insertTicket = tx
    .insert(tickets)
    .values({ ...ticket, reference })
    .getSQL();
  const insertEvents = tx
    .insert(ticketEvents)
    .values([...events])
    .returning({ seq: ticketEvents.seq, type: ticketEvents.type })
    .getSQL();
  const [written] = await executePrepared<{ reference: string; events: { seq: number; type: string }[] }>(
    tx,
    sql`
      with counter as (insert into ${ticketCounters} (prefix, year, last) values (${numbering.prefix}, ${numbering.year}, 1)
          on conflict (prefix, year) do update set last = ${ticketCounters}.last + 1 returning last),
        numbered_ref as materialized (select ${referenceSql(numbering.prefix, numbering.year, sql`counter.last`)} as reference from counter),
        opened as (${insertTicket}),
        timeline as (${insertEvents}),
        ${mailed}
        ${auditAppendCtes(actor, event, now, late)}
      select (select reference from numbered_ref) as reference,
        (select json_agg(json_build_object('seq', seq, 'type', type)) from timeline) as events`,
  );
  if (!written) throw new Error(`openTicket: writing ticket ${ticket.id} returned nothing`);
  return {
    reference: written.reference,
    seqs: new Map(written.events.map((e) => [e.type, Number(e.seq)])),
  };
}

/** formatTicketReference in SQL, for the statement that numbers a ticket (both tested alike). */
export function referenceSql(prefix: string, year: number, sequence: SQL): SQL {
  return sql`${prefix} || '-' || ${String(year)} || '-' || lpad(${sequence}::text, greatest(5, length(${sequence}::text)), '0')`;
}
