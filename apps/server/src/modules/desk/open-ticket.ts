import { randomUUID } from "node:crypto";
import {
  type Db,
  maintenanceWindows,
  namedContacts,
  subscriptions,
  ticketCounters,
  ticketEvents,
  tickets,
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
import { and, eq, gt, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { planAmong } from "../organisations/support-plan-of.js";
import { attachFiles, type IncomingFile } from "./attachments.js";
import { activePortalOutage } from "./portal-outages.js";
import { mailRequester } from "./ticket-mail.js";
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

export type OpenTicketResult = { ok: true; ticketId: string; reference: string } | IntakeRefusal;

type DeskContext = Pick<AppContext, "contract" | "config">;

/**
 * Opens a ticket when the contract allows it (decideIntake: channel, named contact, scope), with
 * its gapless reference, its first timeline event, its SLA sort key, the audit entry and the
 * acknowledgement mail, all in one transaction. Out of scope under MCR it is opened and closed at
 * once with the reason (MCR-SUP-11).
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
  return db.transaction(async (tx) => {
    const scopedTx = tx as unknown as Db;
    const facts = await requesterFacts(scopedTx, input, now, timeZone);
    const planKey = planAmong(contract, facts.held);
    const decision = decideIntake(contract, {
      planKey,
      channel: input.channel,
      category: input.category,
      catalogueItemId: input.catalogueItemId,
      subscribedItems: facts.subscribedItems,
      requester: {
        isNamedContact: facts.isNamedContact,
        isCustomerAdmin: input.requester.roles.includes("customer_admin"),
      },
      portalDeclaredUnavailable: facts.portalDown,
    });
    if (!decision.ok) return decision;

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
    const priority = input.priority ?? contract.priorities.default;
    const id = randomUUID();
    // A thread starts at the customer's own mail when its Message-ID is well formed, else at ours.
    const inbound =
      input.inboundMessageId && /^<[^\s<>]+>$/.test(input.inboundMessageId) ? input.inboundMessageId : null;
    const threadMessageId = inbound ?? `<ticket.${id}@${new URL(context.config.PUBLIC_URL).hostname}>`;
    const closed = decision.closeAsOutOfScope;

    const [ticket] = await tx
      .insert(tickets)
      .values({
        id,
        organisationId: input.organisationId,
        reference,
        category: input.category,
        subscriptionId: facts.subscriptionIdOf(input.catalogueItemId),
        catalogueItemId: input.catalogueItemId,
        priority,
        status: closed ? "closed" : "new",
        title: input.title,
        description: input.description,
        customerReference: input.customerReference,
        requesterUserId: input.requester.userId,
        channel: input.channel,
        planKey,
        slaApplies: decision.slaApplies,
        maintenanceId: await maintenanceAt(scopedTx, input.catalogueItemId, now),
        outOfScopeReason: closed?.reason ?? null,
        threadMessageId,
        createdAt: now,
        updatedAt: now,
        closedAt: closed ? now : null,
      })
      .returning();
    if (!ticket) throw new Error("openTicket: insert returned nothing");

    const base = { ticketId: id, organisationId: input.organisationId, at: now };
    const timeline = await tx
      .insert(ticketEvents)
      .values([
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
              },
            ]
          : []),
      ])
      .returning();
    const created = timeline.find((event) => event.type === "created");
    if (input.files?.length && created) {
      await attachFiles(
        scopedTx,
        context,
        { ticketId: id, organisationId: input.organisationId, eventSeq: created.seq },
        input.files,
        now,
      );
    }
    const sla = evaluateTicketSla(contract, ticket, timeline.map(timelineEventOf), now);
    await tx
      .update(tickets)
      .set({ slaDueAt: urgencyOf(sla) })
      .where(eq(tickets.id, id));

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

    const { emailNotifications, outOfScope } = contract.ticketWorkflow;
    if (emailNotifications.created) {
      await mailRequester(
        scopedTx,
        context,
        ticket,
        "ticket_acknowledged",
        {},
        emailNotifications.created,
        now,
      );
    }
    if (closed) {
      const reason = outOfScope.reasons[closed.reason];
      await mailRequester(
        scopedTx,
        context,
        ticket,
        "ticket_closed",
        (locale: Locale) => ({ reason: reason?.[locale] ?? closed.reason }),
        closed.clause,
        now,
      );
    }
    return { ok: true as const, ticketId: id, reference };
  });
}

/** What the intake rules need to know about the requester and its organisation today. */
async function requesterFacts(db: Db, input: OpenTicketInput, now: Date, timeZone: string) {
  const today = localDateIn(now, timeZone);
  const held = await db
    .select({ id: subscriptions.id, item: subscriptions.catalogueItemId, startsOn: subscriptions.startsOn })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.organisationId, input.organisationId),
        lte(subscriptions.startsOn, today),
        or(isNull(subscriptions.endsOn), gte(subscriptions.endsOn, today)),
      ),
    );
  const [contact] = await db
    .select({ userId: namedContacts.userId })
    .from(namedContacts)
    .where(eq(namedContacts.userId, input.requester.userId));
  const outage = await activePortalOutage(db, now);
  return {
    held,
    subscribedItems: new Set(held.map((h) => h.item)),
    subscriptionIdOf: (item: string | null) => held.find((h) => h.item === item)?.id ?? null,
    isNamedContact: contact !== undefined,
    portalDown: outage !== null,
  };
}

/** The scheduled maintenance of this service under way now, if any (DSN-SUP-07). */
async function maintenanceAt(db: Db, catalogueItemId: string | null, now: Date): Promise<string | null> {
  if (!catalogueItemId) return null;
  const [window] = await db
    .select({ id: maintenanceWindows.id })
    .from(maintenanceWindows)
    .where(
      and(
        eq(maintenanceWindows.catalogueItemId, catalogueItemId),
        lte(maintenanceWindows.startsAt, now),
        gt(maintenanceWindows.endsAt, now),
        isNull(maintenanceWindows.cancelledAt),
      ),
    )
    .limit(1);
  return window?.id ?? null;
}
