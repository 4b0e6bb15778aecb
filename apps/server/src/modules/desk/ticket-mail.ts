import { type Db, users } from "@guichet/db";
import type { Language } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { writingFor } from "../../i18n/reader.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { type EnqueueMail, enqueueMail } from "../mail/enqueue-mail.js";
import type { MailParams } from "../mail/templates.js";
import type { DeskMailParams } from "../mail/texts-desk.js";
import { deskAddressOf } from "./mail-receiver.js";

type TicketMailKind = Exclude<keyof DeskMailParams, "ticket_refused" | "sla_warning">;
type Ticketed = { reference: string; title: string; link: string; firstName: string };

export interface MailableTicket {
  id: string;
  organisationId: string;
  reference: string;
  title: string;
  requesterUserId: string;
  threadMessageId: string;
  /** The address given on deposit for requests for information (DSN-SUP-03). */
  contactEmail?: string | null;
}

/** The portal's page of a ticket for each side, as mails link to it (apps/web/src/router.tsx). */
const TICKET_PAGES = { customer: "demandes", provider: "file" } as const;

export function ticketLink(
  context: Pick<AppContext, "config">,
  ticketId: string,
  side: keyof typeof TICKET_PAGES = "customer",
): string {
  return `${context.config.PUBLIC_URL}/${TICKET_PAGES[side]}/${ticketId}`;
}

/** The person a desk mail is written to, in their language. */
export interface MailRecipient {
  email: string;
  firstName: string;
  /** The person's language (issue 23: any of the contract's). */
  locale: Language;
}

type MailParamsOf<K extends TicketMailKind> =
  | Omit<DeskMailParams[K], keyof Ticketed>
  /**
   * `locale`: the catalogue the mail is written from; `language`: the recipient's own, for the
   * contract's labels (a German reader's statuses in German inside an English mail, issue 23).
   */
  | ((locale: Locale, language: Language) => Omit<DeskMailParams[K], keyof Ticketed>);

/**
 * Writes a desk mail to the ticket's requester in the caller's transaction, in the requester's
 * language, threaded under the ticket's first message so mail clients group them, and tied to the
 * ticket so a reply joins it (MCR-SUP-03, DSN-SUP-03).
 */
export async function mailRequester<K extends TicketMailKind>(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  ticket: MailableTicket,
  kind: K,
  /** The mail's own values, or a function of the requester's language for texts that depend on it. */
  params: MailParamsOf<K>,
  clause: string | null,
  now: Date,
): Promise<void> {
  const [requester] = await tx
    .select({ email: users.email, firstName: users.firstName, locale: users.locale })
    .from(users)
    .where(eq(users.id, ticket.requesterUserId));
  if (!requester) return;
  // DSN-SUP-03 (DSN annex 3 §1a): the provider asks for more information "à l'adresse e-mail qu'il
  // aura renseignée en déposant sa demande"; the other mails go to the requester's account.
  const to = kind === "ticket_info_requested" && ticket.contactEmail ? ticket.contactEmail : requester.email;
  await enqueueMail(tx, ticketMail(context, ticket, { ...requester, email: to }, kind, params, clause, now));
}

/** A desk mail about a ticket to a person, to enqueue (or, opening a ticket, to write in its statement). */
export function ticketMail<K extends TicketMailKind>(
  context: Pick<AppContext, "contract" | "config">,
  ticket: MailableTicket,
  requester: MailRecipient,
  kind: K,
  params: MailParamsOf<K>,
  clause: string | null,
  now: Date,
): EnqueueMail<K> {
  const ticketed: Ticketed = {
    reference: ticket.reference,
    title: ticket.title,
    link: ticketLink(context, ticket.id),
    firstName: requester.firstName,
  };
  return {
    ...deploymentMail(context, now),
    organisationId: ticket.organisationId,
    ticketId: ticket.id,
    kind,
    to: requester.email,
    locale: requester.locale,
    params: {
      ...ticketed,
      ...(typeof params === "function"
        ? writingFor(requester.locale, context.contract, (locale) => params(locale, requester.locale))
        : params),
    } as unknown as MailParams[K],
    clause,
    inReplyTo: ticket.threadMessageId,
    replyTo: deskAddressOf(context),
  };
}
