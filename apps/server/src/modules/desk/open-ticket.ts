import { randomUUID } from "node:crypto";
import {
  atomically,
  type Db,
  maintenanceWindows,
  namedContacts,
  organisations,
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
  formatTicketReference,
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
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { heldOn, planAmong } from "../organisations/support-plan-of.js";
import { attachFiles, type IncomingFile } from "./attachments.js";
import { outageUnderWay } from "./portal-outages.js";
import { mailTicketTo } from "./ticket-mail.js";
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

    const prefix = contract.ticketWorkflow.referencePrefix;
    const year = yearIn(now.getTime(), timeZone);
    // The counter row stays locked until commit, so numbers have no gaps and no duplicates.
    const [counter] = await tx
      .insert(ticketCounters)
      .values({ prefix, year, last: 1 })
      .onConflictDoUpdate({
        target: [ticketCounters.prefix, ticketCounters.year],
        set: { last: sql`${ticketCounters.last} + 1` },
      })
      .returning({ last: ticketCounters.last });
    const reference = formatTicketReference(prefix, year, counter?.last ?? 1);

    const [ticket] = await tx
      .insert(tickets)
      .values({
        id,
        organisationId: input.organisationId,
        reference,
        category: input.category,
        subscriptionId: facts.held.find((h) => h.item === input.catalogueItemId)?.id ?? null,
        catalogueItemId: input.catalogueItemId,
        priority,
        status: closed ? "closed" : "new",
        title: input.title,
        description: input.description,
        customerReference: input.customerReference,
        requesterUserId: input.requester.userId,
        channel: input.channel,
        planKey,
        slaApplies,
        maintenanceId: facts.maintenanceId,
        outOfScopeReason: closed?.reason ?? null,
        threadMessageId,
        slaDueAt: urgencyOf(sla),
        createdAt: now,
        updatedAt: now,
        closedAt: closed ? now : null,
      })
      .returning();
    if (!ticket) throw new Error("openTicket: insert returned nothing");
    const timeline = await tx.insert(ticketEvents).values(events).returning();
    const created = timeline.find((event) => event.type === "created");
    if (input.files?.length && created) {
      await attachFiles(
        tx,
        context,
        { ticketId: id, organisationId: input.organisationId, eventSeq: created.seq },
        input.files,
        now,
      );
    }

    const { emailNotifications, outOfScope } = contract.ticketWorkflow;
    if (emailNotifications.created && facts.requester) {
      await mailTicketTo(
        tx,
        context,
        ticket,
        facts.requester,
        "ticket_acknowledged",
        {},
        emailNotifications.created,
        now,
      );
    }
    if (closed && facts.requester) {
      const reason = outOfScope.reasons[closed.reason];
      await mailTicketTo(
        tx,
        context,
        ticket,
        facts.requester,
        "ticket_closed",
        (locale: Locale) => ({ reason: reason?.[locale] ?? closed.reason }),
        closed.clause,
        now,
      );
    }

    await recordAudit(
      tx,
      actor,
      {
        action: closed ? "ticket.opened_out_of_scope" : "ticket.opened",
        organisationId: input.organisationId,
        targetType: "ticket",
        targetId: id,
        data: {
          reference,
          channel: input.channel,
          category: input.category,
          priority,
          planKey,
          clause: closed?.clause,
        },
      },
      now,
    );
    return {
      ok: true as const,
      ticketId: id,
      reference,
      opened: { ticket, timeline, organisationName: facts.organisationName },
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
