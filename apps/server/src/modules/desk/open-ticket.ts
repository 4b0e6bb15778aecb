import { randomUUID } from "node:crypto";
import { atomically, type Db, type Ticket, type TicketEventRow } from "@guichet/db";
import {
  decideIntake,
  type IntakeRefusal,
  type Language,
  localDateIn,
  type Priority,
  type SlaEvaluation,
  type TicketChannel,
} from "@guichet/domain";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import type { AuditActor } from "../audit/record-audit.js";
import { hostnameOf, outboxRowOf } from "../mail/enqueue-mail.js";
import { planAmong } from "../organisations/support-plan-of.js";
import { attachFiles, type IncomingFile, type LeftOutFile } from "./attachments.js";
import { type FactsQuery, type IntakeFacts, keptIntakeFacts, readIntakeFacts } from "./intake-facts.js";
import { leftOutFilesText } from "./left-out-files.js";
import { ticketMail } from "./ticket-mail.js";
import { evaluateTicketSla, timelineEventOf, urgencyOf, warningDueOf } from "./ticket-sla.js";
import { writeOpened } from "./write-opened.js";

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
  /** The address given for requests for information (DSN-SUP-03); null or absent: the account's. */
  contactEmail?: string | null;
  /** Files of the first message, validated by the caller (validateAttachments). */
  files?: readonly IncomingFile[];
  /** The Message-ID of the mail that opened it, which starts the thread. */
  inboundMessageId?: string | null;
  /** A mail's files the desk did not keep: the acknowledgement names them and why (issue 14). */
  filesLeftOut?: readonly LeftOutFile[];
}

/** What opening wrote, so the caller can answer without reading it back. */
export interface OpenedTicket {
  /** Without its contract version, which the database's default gives it (GEN-01). */
  ticket: Omit<Ticket, "contractVersionId">;
  timeline: Omit<TicketEventRow, "contractVersionId">[];
  organisationName: string;
  /** Its SLA at the opening instant, as computed to sort it in the queue. */
  sla: SlaEvaluation;
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
 * The organisation's audit chain's lock and the year's numbering lock are held until the commit:
 * the facts are read (or kept ones checked) and the SLA computed before they are taken, in the
 * last statement; when kept facts turn out to have changed, nothing was written and they are read
 * afresh in the same transaction.
 */
export async function openTicket(
  db: Db,
  context: DeskContext,
  input: OpenTicketInput,
  actor: AuditActor,
  now: Date,
): Promise<OpenTicketResult> {
  const query: FactsQuery = {
    organisationId: input.organisationId,
    userId: input.requester.userId,
    catalogueItemId: input.catalogueItemId,
    today: localDateIn(now, timeZoneOf(context.contract)),
    now,
  };
  const opening = { context, input, actor, query };
  return atomically(db, async (tx) => {
    const kept = keptIntakeFacts(query);
    if (kept) {
      const opened = await openOn(tx, opening, { facts: kept, kept: true });
      if (opened !== "facts changed") return opened;
    }
    // Read afresh, they replace the kept ones.
    const facts = await readIntakeFacts(tx, query);
    const opened = await openOn(tx, opening, { facts, kept: false });
    if (typeof opened === "string")
      throw new Error("openTicket: facts read in this transaction cannot have changed");
    return opened;
  });
}

interface Opening {
  context: DeskContext;
  input: OpenTicketInput;
  actor: AuditActor;
  query: FactsQuery;
}

/**
 * Opens the ticket on these facts; with facts kept from an earlier opening, "facts changed" when
 * they would refuse it or no longer hold (and nothing was written): the caller reads them afresh,
 * in the same transaction.
 */
async function openOn(
  tx: Db,
  { context, input, actor, query }: Opening,
  { facts, kept }: { facts: IntakeFacts; kept: boolean },
): Promise<OpenTicketResult | "facts changed"> {
  const { contract } = context;
  const { now, today } = query;
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
    priority: input.priority,
  });
  if (!decision.ok) return kept ? "facts changed" : decision;

  const priority = input.priority ?? contract.priorities.default;
  const id = randomUUID();
  // A thread starts at the customer's own mail when its Message-ID is well formed, else at ours.
  const inbound =
    input.inboundMessageId && /^<[^\s<>]+>$/.test(input.inboundMessageId) ? input.inboundMessageId : null;
  const threadMessageId = inbound ?? `<ticket.${id}@${hostnameOf(context.config.PUBLIC_URL)}>`;
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
  const ticket: Omit<Ticket, "contractVersionId"> = {
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
    contactEmail: input.contactEmail?.trim().toLowerCase() || null,
    requesterUserId: input.requester.userId,
    assigneeUserId: null,
    channel: input.channel,
    planKey,
    slaApplies,
    maintenanceId: facts.maintenanceId,
    outOfScopeReason: closed?.reason ?? null,
    threadMessageId,
    slaDueAt: urgencyOf(sla),
    slaWarnAt: warningDueOf(sla),
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
                (locale: Locale) => {
                  const leftOut = leftOutFilesText(locale, input.filesLeftOut ?? []);
                  return { leftOut: leftOut ? `\n\n${leftOut}` : "" };
                },
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
                (locale: Locale, language: Language) => ({
                  reason:
                    outOfScope?.reasons[closed.reason]?.[language] ??
                    outOfScope?.reasons[closed.reason]?.[locale] ??
                    closed.reason,
                }),
                closed.clause,
                now,
              ),
            ]
          : []),
      ]
    : [];

  const written = await writeOpened(
    tx,
    { ticket, events, mails: mails.map(outboxRowOf), token },
    { prefix: contract.ticketWorkflow.referencePrefix, year: Number(today.slice(0, 4)) },
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
    kept ? { version: facts.version } : undefined,
  );
  if (!written) return "facts changed";
  const { reference, seqs } = written;
  const timeline: Omit<TicketEventRow, "contractVersionId">[] = events.map((event) => ({
    ...event,
    seq: seqs.get(event.type) ?? 0,
  }));
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
    opened: { ticket: { ...ticket, reference }, timeline, organisationName: facts.organisationName, sla },
  };
}
