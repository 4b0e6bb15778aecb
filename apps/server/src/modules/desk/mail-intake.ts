import {
  type Database,
  type Db,
  organisations,
  outbox,
  runInTenant,
  scopedDatabase,
  ticketEvents,
  tickets,
  users,
} from "@guichet/db";
import type { Language } from "@guichet/domain";
import { isOpenStatus, localDateIn, matchService, readMailTicketFields } from "@guichet/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type Locale, t } from "../../i18n/index.js";
import { catalogueFor } from "../../i18n/reader.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import type { AuditActor } from "../audit/record-audit.js";
import { deskMailReceived } from "../health/instruments.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import {
  type InboundMessage,
  parseInbound,
  parseNewTicketSubject,
  stripQuotedHistory,
  threadCandidateIds,
  ticketReferenceIn,
} from "../mail-in/index.js";
import { supportPlanOf } from "../organisations/support-plan-of.js";
import { sortAttachments } from "./attachments.js";
import { leftOutFilesText } from "./left-out-files.js";
import { openTicket } from "./open-ticket.js";
import { postMessage } from "./post-message.js";
import { ticketsChanged } from "./ticket-pages.js";

/** What became of an inbound mail; logged, and asserted by tests. */
export type IntakeOutcome =
  | { outcome: "opened"; ticketId: string; reference: string }
  | { outcome: "joined"; ticketId: string; duplicate: boolean }
  | { outcome: "refused"; reason: string }
  | { outcome: "dropped"; reason: "malformed" | "automatic" };

interface Sender {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Their language (issue 23): refusals read in its catalogue, or the fallback's. */
  language: Language;
  roles: string[];
  organisationId: string;
  organisationKind: "provider" | "customer";
  organisationStatus: "active" | "suspended";
}

/**
 * One mail to the desk's address (MCR-SUP-03, MCR-SUP-09, DSN-SUP-03, DSN-SUP-04, DSN-SUP-08):
 * a reply joins its ticket (by the reference in the subject, or In-Reply-To/References), a new
 * mail opens a ticket when the customer's plan takes e-mail now, and anything else gets a reply
 * saying why and what to do. Bounces and auto-replies are dropped without an answer, so two
 * robots never talk forever. Everything a person does here runs under row-level security in the
 * sender's tenant, as a request of theirs would.
 */
export async function receiveDeskMail(
  context: Pick<AppContext, "contract" | "config">,
  database: Database,
  raw: Buffer | string,
  now: Date,
): Promise<IntakeOutcome> {
  const outcome = await takeIn(context, database, raw, now);
  deskMailReceived.inc({ outcome: outcome.outcome });
  if (outcome.outcome === "opened" || outcome.outcome === "joined") ticketsChanged();
  return outcome;
}

async function takeIn(
  context: Pick<AppContext, "contract" | "config">,
  database: Database,
  raw: Buffer | string,
  now: Date,
): Promise<IntakeOutcome> {
  const parsed = await parseInbound(raw);
  if (!parsed.ok) return { outcome: "dropped", reason: "malformed" };
  const mail = parsed.message;
  if (mail.autoSubmitted || mail.isBounce) return { outcome: "dropped", reason: "automatic" };

  const root = database.db;
  // A mail handed over twice (IMAP: a crash before it was flagged seen; SMTP: a retry after a
  // lost "250") is taken once: its first handling left its Message-ID on a ticket or a refusal.
  const taken = await takenBefore(root, mail.messageId);
  if (taken) return taken;
  const ticket = await ticketOf(context, root, mail);
  const sender =
    (await senderOf(root, eq(users.email, mail.from.address))) ??
    // DSN-SUP-03: "L'Opérateur doit répondre ... par retour de mail" from the address it gave on
    // deposit, which need not be an account's: that reply joins its ticket as its requester's.
    (ticket?.contactEmail && ticket.contactEmail === mail.from.address.toLowerCase()
      ? await senderOf(root, eq(users.id, ticket.requesterUserId))
      : undefined);
  // An unknown sender reads the contract's own language, or its fallback (issue 23).
  const locale = catalogueFor(sender?.language ?? context.contract.locale, context.contract);
  const refuse = async (reason: string, explanation: string, clause: string | null) => {
    await mailRefusal(context, root, mail, locale, explanation, clause, now);
    return { outcome: "refused" as const, reason };
  };
  if (!sender) return refuse("unknown_sender", t(locale, "mailIn.unknown_sender"), null);
  if (sender.organisationStatus === "suspended")
    return refuse("suspended", t(locale, "mailIn.suspended"), null);

  // Inline images are signatures and logos; the files a person attached are kept where allowed,
  // and any other is left out and named, with why, on the ticket and in the acknowledgement
  // (issue 14): one odd attachment no longer refuses the whole mail.
  const { kept: files, leftOut } = sortAttachments(
    mail.attachments
      .filter((a) => !a.inline)
      .map((a) => ({ fileName: a.fileName ?? unnamedFileName(a.contentType), content: a.content })),
  );
  const leftOutNote = leftOutFilesText(locale, leftOut);
  const withNote = (text: string) => (leftOutNote ? `${text}\n\n${leftOutNote}` : text);

  const actor = actorOf(sender);
  const scope = sender.organisationKind === "provider" ? "*" : sender.organisationId;
  const scoped = scopedDatabase(database).db;

  if (ticket) {
    if (sender.organisationKind === "customer" && ticket.organisationId !== sender.organisationId) {
      return refuse("not_your_ticket", t(locale, "mailIn.not_your_ticket"), null);
    }
    if (!isOpenStatus(ticket.status) && ticket.status !== "resolved") {
      return refuse("ticket_closed", t(locale, "desk.ticket_closed"), null);
    }
    const body = withNote(stripQuotedHistory(mail.text).trim() || mail.subject);
    const joined = await runInTenant(database, scope, () =>
      postMessage(
        {
          db: scoped,
          context,
          ticketId: ticket.id,
          author: {
            side: sender.organisationKind === "provider" ? "provider" : "customer",
            userId: sender.id,
            label: `${sender.firstName} ${sender.lastName}`,
          },
          actor,
          now,
        },
        { body, visibility: "public", channel: "email", messageId: mail.messageId, files },
      ),
    );
    if (!joined?.ok)
      return refuse(
        joined?.reason ?? "not_found",
        t(locale, "mailIn.open_in_portal", { url: context.config.PUBLIC_URL }),
        null,
      );
    return { outcome: "joined", ticketId: ticket.id, duplicate: joined.duplicate };
  }

  if (sender.organisationKind !== "customer")
    return refuse("no_reference", t(locale, "mailIn.no_reference"), null);
  const plan =
    context.contract.supportPlans[
      await supportPlanOf(
        root,
        context.contract,
        sender.organisationId,
        localDateIn(now, timeZoneOf(context.contract)),
      )
    ];
  const subject = parseNewTicketSubject(mail.subject, plan?.channels.email?.subjectPattern);
  if (!subject) {
    const clause = plan?.channels.email?.clause ?? plan?.channels.clause ?? null;
    return refuse("subject_format", t(locale, "mailIn.subject_format", { clause: clause ?? "" }), clause);
  }
  const fields = readMailTicketFields(mail.text, Object.keys(context.contract.priorities.levels));
  const offered = context.contract.catalogue.items.filter(
    (item) => !plan?.scope.catalogueItems || plan.scope.catalogueItems.includes(item.id),
  );
  const category =
    fields.category && plan?.scope.categories.includes(fields.category)
      ? fields.category
      : defaultCategoryOf(plan?.scope.categories ?? []);
  const opened = await runInTenant(database, scope, () =>
    openTicket(
      scoped,
      context,
      {
        organisationId: sender.organisationId,
        requester: {
          userId: sender.id,
          label: `${sender.firstName} ${sender.lastName}`,
          roles: sender.roles,
        },
        channel: "email",
        category,
        catalogueItemId: matchService(fields.service, offered),
        priority: fields.priority,
        title: subject.summary,
        description: withNote(mail.text.trim() || subject.summary),
        customerReference: subject.customerRef || null,
        inboundMessageId: mail.messageId,
        files,
        filesLeftOut: leftOut,
      },
      actor,
      now,
    ),
  );
  if (!opened.ok) {
    return refuse(
      opened.reason,
      t(locale, `desk.${opened.reason}`, { clause: opened.clause }),
      opened.clause,
    );
  }
  return { outcome: "opened", ticketId: opened.ticketId, reference: opened.reference };
}

/** A name for a part sent without one, from its type ("piece-jointe.pdf"), so it can be kept. */
function unnamedFileName(contentType: string): string {
  const type = contentType.toLowerCase();
  const extension = Object.hasOwn(UNNAMED_EXTENSIONS, type) ? UNNAMED_EXTENSIONS[type] : undefined;
  return extension ? `piece-jointe.${extension}` : "piece-jointe";
}
const UNNAMED_EXTENSIONS: Readonly<Record<string, string>> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "text/plain": "txt",
  "text/csv": "csv",
  "message/rfc822": "eml",
  "application/zip": "zip",
};

/** An incident when the plan covers incidents, else its first category (Basic: account questions). */
function defaultCategoryOf(categories: readonly string[]): string {
  return categories.includes("incident") ? "incident" : (categories[0] ?? "incident");
}

async function senderOf(db: Db, who: SQL): Promise<Sender | undefined> {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(who, eq(users.status, "active")));
  if (!row) return undefined;
  return {
    id: row.user.id,
    email: row.user.email,
    firstName: row.user.firstName,
    lastName: row.user.lastName,
    language: row.user.locale,
    roles: row.user.roles,
    organisationId: row.organisation.id,
    organisationKind: row.organisation.kind,
    organisationStatus: row.organisation.status,
  };
}

/** What became of this very mail when it was first received, if it was. */
async function takenBefore(db: Db, messageId: string | null): Promise<IntakeOutcome | undefined> {
  if (!messageId) return undefined;
  const [event] = await db
    .select({ ticketId: ticketEvents.ticketId })
    .from(ticketEvents)
    .where(eq(ticketEvents.messageId, messageId))
    .limit(1);
  if (event) return { outcome: "joined", ticketId: event.ticketId, duplicate: true };
  const [refusal] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.kind, "ticket_refused"), sql`${outbox.headers}->>'In-Reply-To' = ${messageId}`))
    .limit(1);
  return refusal ? { outcome: "refused", reason: "duplicate" } : undefined;
}

/** The ticket a mail answers: the reference in its subject first, else its thread's Message-IDs. */
async function ticketOf(context: Pick<AppContext, "contract">, db: Db, mail: InboundMessage) {
  const reference = ticketReferenceIn(mail.subject, context.contract.ticketWorkflow.referencePrefix);
  const columns = {
    id: tickets.id,
    organisationId: tickets.organisationId,
    status: tickets.status,
    contactEmail: tickets.contactEmail,
    requesterUserId: tickets.requesterUserId,
  };
  if (reference) {
    const [byReference] = await db.select(columns).from(tickets).where(eq(tickets.reference, reference));
    return byReference;
  }
  const ids = threadCandidateIds(mail.inReplyTo, mail.references);
  if (ids.length === 0) return undefined;
  const [byOurMail] = await db
    .select(columns)
    .from(outbox)
    .innerJoin(tickets, eq(tickets.id, outbox.ticketId))
    .where(inArray(outbox.messageId, ids));
  if (byOurMail) return byOurMail;
  const [byThread] = await db.select(columns).from(tickets).where(inArray(tickets.threadMessageId, ids));
  if (byThread) return byThread;
  const [byTheirMail] = await db
    .select(columns)
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(inArray(ticketEvents.messageId, ids));
  return byTheirMail;
}

function actorOf(sender: Sender): AuditActor {
  return {
    userId: sender.id,
    label: `${sender.firstName} ${sender.lastName} <${sender.email}>`,
    organisationId: sender.organisationId,
    via: "email",
  };
}

/** The answer to a mail the desk cannot take: why, and what to do instead. Never to a robot. */
async function mailRefusal(
  context: Pick<AppContext, "contract" | "config">,
  db: Db,
  mail: InboundMessage,
  locale: Locale,
  explanation: string,
  clause: string | null,
  now: Date,
) {
  await enqueueMail(db, {
    ...deploymentMail(context, now),
    organisationId: null,
    kind: "ticket_refused",
    to: mail.from.address,
    locale,
    params: {
      originalSubject: mail.subject || t(locale, "mailIn.no_subject"),
      reason: explanation,
      instructions: t(locale, "mailIn.open_in_portal", { url: context.config.PUBLIC_URL }),
    },
    clause,
    // Threaded under their mail when its Message-ID is well formed; a refusal must not fail on it.
    ...(mail.messageId && /^<[^\s<>]+>$/.test(mail.messageId) ? { inReplyTo: mail.messageId } : {}),
  });
}
