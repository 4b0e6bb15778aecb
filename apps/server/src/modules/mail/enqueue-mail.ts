import { randomUUID } from "node:crypto";
import { type Db, outbox } from "@guichet/db";
import type { Language, SentenceWords } from "@guichet/domain";
import type { Locale } from "../../i18n/index.js";
import { type MailKind, type MailParams, renderMail } from "./templates.js";

/** Any transaction or database handle: the mail is written in the caller's transaction. */
type Executor = Pick<Db, "insert">;

export interface EnqueueMail<K extends MailKind> {
  /** The customer organisation concerned; null for provider-internal mail. */
  organisationId: string | null;
  kind: K;
  to: string;
  /** The recipient's preferred language (issue 23: any of the contract's). */
  locale: Language;
  /** The contract's languages, its locale first (deploymentMail): the mail's fallback order. */
  languages?: readonly Language[];
  params: MailParams[K];
  /** The clause the mail applies, taken from the contract; null when none does. */
  clause: string | null;
  /** `contract.provider.portalName`. */
  portalName: Record<Locale, string> & Partial<Record<Language, string>>;
  /** What the contract calls a ticket, and the words around it (deploymentMail). */
  ticketWords: Record<Locale, SentenceWords> & Partial<Record<Language, SentenceWords>>;
  /** PUBLIC_URL: its host names the Message-ID, and mails link to it. */
  publicUrl: string;
  now: Date;
  /** The ticket a desk mail is about: a reply to it joins that ticket. */
  ticketId?: string;
  /** Where replies go (the desk's mailbox for ticket mails), when not the sender. */
  replyTo?: string;
  /** Message-ID of the message this one answers (ticket threads). */
  inReplyTo?: string;
  /** Time zone dates are written in; the provider's by default. */
  timeZone?: string;
}

export const DEFAULT_MAIL_TIME_ZONE = "Europe/Paris";

/**
 * Renders a mail and writes it to the outbox, pending, in the caller's transaction: the mail
 * exists if and only if the change it announces commits. The mail worker sends it later.
 */
export async function enqueueMail<K extends MailKind>(
  tx: Executor,
  mail: EnqueueMail<K>,
): Promise<{ id: string; messageId: string }> {
  const row = outboxRowOf(mail);
  await tx.insert(outbox).values(row);
  return { id: row.id, messageId: row.messageId };
}

const hostnames = new Map<string, string>();

/** The host name of the public URL, which names our Message-IDs (parsed once: it is on every mail). */
export function hostnameOf(publicUrl: string): string {
  let hostname = hostnames.get(publicUrl);
  if (hostname === undefined) {
    hostname = new URL(publicUrl).hostname;
    hostnames.set(publicUrl, hostname);
  }
  return hostname;
}

/** The outbox row of a mail, rendered, for enqueueMail or a statement of the caller's. */
export function outboxRowOf<K extends MailKind>(mail: EnqueueMail<K>) {
  // A header injection or a typo'd address must fail here, inside the caller's transaction.
  if (!/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(mail.to))
    throw new Error(`enqueueMail: not a single e-mail address: ${mail.to}`);
  // A recipient stored in a language the contract does not speak reads its locale (issue 23).
  const locale =
    mail.languages?.includes(mail.locale) === false ? (mail.languages[0] ?? mail.locale) : mail.locale;
  const { subject, text } = renderMail(mail.kind, mail.params, {
    locale,
    ...(mail.languages ? { languages: mail.languages } : {}),
    portalName: mail.portalName,
    ticketWords: mail.ticketWords,
    publicUrl: mail.publicUrl,
    clause: mail.clause,
    timeZone: mail.timeZone ?? DEFAULT_MAIL_TIME_ZONE,
  });
  const id = randomUUID();
  const messageId = `<${id}@${hostnameOf(mail.publicUrl)}>`;
  const headers: Record<string, string> = {
    // RFC 3834: tells vacation responders and ticket systems not to answer automatically.
    "Auto-Submitted": "auto-generated",
    "Content-Language": locale,
  };
  if (mail.replyTo) headers["Reply-To"] = mail.replyTo;
  if (mail.inReplyTo) {
    if (!/^<[^\s<>]+>$/.test(mail.inReplyTo))
      throw new Error(`enqueueMail: not a Message-ID: ${mail.inReplyTo}`);
    headers["In-Reply-To"] = mail.inReplyTo;
    headers.References = mail.inReplyTo;
  }
  return {
    id,
    organisationId: mail.organisationId,
    kind: mail.kind,
    ticketId: mail.ticketId ?? null,
    toAddress: mail.to,
    subject,
    textBody: text,
    messageId,
    headers,
    status: "pending" as const,
    nextAttemptAt: mail.now,
    createdAt: mail.now,
  };
}
