import { type Db, organisations, slaWarnings, tickets, users } from "@guichet/db";
import { metricInSentence } from "@guichet/domain";
import { and, asc, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type Locale, t } from "../../i18n/index.js";
import { catalogueFor } from "../../i18n/reader.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit, systemActor } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { mailRequester, ticketLink } from "./ticket-mail.js";
import { ticketsChanged } from "./ticket-pages.js";
import { evaluateTicketSla, timelineEventOf, warningDueOf } from "./ticket-sla.js";
import { appendToTimeline, lockTicket, timelineOf } from "./ticket-store.js";

const SYSTEM: AuditActor = systemActor("Guichet (service desk)");
const BATCH = 200;

/**
 * Closes resolved tickets whose customer neither confirmed nor reopened within the contract's
 * delay in business days (MCR-SUP-10). Idempotent: a closed ticket is no longer a candidate, and
 * each candidate is re-checked on its locked row.
 */
export async function sweepAutoClose(context: AppContext, now: Date): Promise<Record<string, number>> {
  const { db } = context.database;
  const { contract } = context;
  const autoClose = contract.sla.autoClose;
  if (contract.ticketWorkflow.closing.mode !== "confirmation-or-auto-close" || !autoClose)
    return { closed: 0 };
  // For a resolved ticket the queue's sort key is its auto-close instant.
  const due = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, "resolved"), isNotNull(tickets.slaDueAt), lte(tickets.slaDueAt, now)))
    .orderBy(asc(tickets.slaDueAt))
    .limit(BATCH);
  let closed = 0;
  for (const { id } of due) {
    const didClose = await db.transaction(async (tx) => {
      const scoped = tx as unknown as Db;
      const ticket = await lockTicket(scoped, id);
      if (ticket?.status !== "resolved") return false;
      const sla = evaluateTicketSla(
        contract,
        ticket,
        (await timelineOf(scoped, id)).map(timelineEventOf),
        now,
      );
      if (!sla.autoCloseDue) return false;
      const updated = await appendToTimeline(
        scoped,
        contract,
        ticket,
        { side: "system", userId: null, label: "Guichet" },
        [
          {
            type: "status_changed",
            visibility: "public",
            channel: null,
            data: {
              from: "resolved",
              to: "closed",
              action: "auto_close",
              reason: "auto_closed",
              clause: autoClose.clause,
            },
          },
        ],
        { status: "closed", closedAt: now },
        now,
      );
      const reason = (locale: Locale) => ({
        reason: t(locale, "deskMail.auto_closed", { days: autoClose.after }),
      });
      await mailRequester(scoped, context, updated, "ticket_closed", reason, autoClose.clause, now);
      await recordAudit(
        tx,
        SYSTEM,
        {
          action: "ticket.auto_closed",
          organisationId: ticket.organisationId,
          targetType: "ticket",
          targetId: id,
          data: { reference: ticket.reference, clause: autoClose.clause },
        },
        now,
      );
      return true;
    });
    if (didClose) closed++;
  }
  if (closed > 0) ticketsChanged();
  return { closed };
}

/**
 * Warns the assignee (or the support team's address) when a ticket's clock crosses one of the
 * contract's thresholds, once per ticket, metric and threshold: the sla_warnings row is written
 * in the same transaction as the mail. Reads only the tickets whose sla_warn_at has come, and
 * moves it to their next threshold, unless an event rewrote it meanwhile.
 */
export async function sweepSlaWarnings(context: AppContext, now: Date): Promise<Record<string, number>> {
  const { db } = context.database;
  const { contract } = context;
  const team = contract.provider.contacts.supportEmail;
  const open = await db
    .select()
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, ["new", "in_progress"]),
        eq(tickets.slaApplies, true),
        lte(tickets.slaWarnAt, now),
      ),
    )
    .orderBy(asc(tickets.slaWarnAt));
  let sent = 0;
  for (const ticket of open) {
    const sla = evaluateTicketSla(
      contract,
      ticket,
      (await timelineOf(db, ticket.id)).map(timelineEventOf),
      now,
    );
    for (const metric of sla.metrics) {
      if (metric.stoppedAt !== undefined) continue;
      for (const warning of metric.warnings) {
        if (!warning.crossed) continue;
        const wrote = await db.transaction(async (tx) => {
          const stored = await tx
            .insert(slaWarnings)
            .values({
              ticketId: ticket.id,
              organisationId: ticket.organisationId,
              metric: metric.metric,
              threshold: warning.threshold,
              sentAt: now,
            })
            .onConflictDoNothing()
            .returning();
          if (stored.length === 0) return false;
          const to = await recipientOf(tx as unknown as Db, ticket.assigneeUserId, team);
          if (!to) return true;
          const [organisation] = await tx
            .select({ name: organisations.name })
            .from(organisations)
            .where(eq(organisations.id, ticket.organisationId));
          await enqueueMail(tx, {
            ...deploymentMail(context, now),
            organisationId: null,
            ticketId: ticket.id,
            kind: "sla_warning",
            to: to.email,
            locale: to.locale,
            params: {
              reference: ticket.reference,
              title: ticket.title,
              link: ticketLink(context, ticket.id, "provider"),
              organisationName: organisation?.name ?? "",
              priority: ticket.priority,
              threshold: String(warning.threshold),
              // In the mail's catalogue: a German reader's English mail says "resolution" (issue 23).
              metric: metricInSentence(metric.metric, catalogueFor(to.locale, contract)),
              dueAt: new Date(metric.dueAt ?? now.getTime()),
            },
            clause: metric.clause,
            timeZone: timeZoneOf(contract),
          });
          return true;
        });
        if (wrote) sent++;
      }
    }
    await db
      .update(tickets)
      .set({ slaWarnAt: warningDueOf(sla, { ahead: true }) })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.slaWarnAt, ticket.slaWarnAt as Date)));
  }
  return { warned: sent };
}

async function recipientOf(db: Db, assigneeUserId: string | null, team: string | undefined) {
  if (assigneeUserId) {
    const [assignee] = await db
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, assigneeUserId), eq(users.status, "active")));
    if (assignee) return assignee;
  }
  return team ? { email: team, locale: "fr" as const } : null;
}
