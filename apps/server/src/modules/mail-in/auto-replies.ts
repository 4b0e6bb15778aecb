/**
 * Recognising mail that no person wrote: bounces, out-of-office replies, mailing-list traffic.
 * Such a message must never open a ticket nor be answered, or the desk and an autoresponder
 * end up answering each other forever (RFC 3834 §2). Every e-mail that does come from a person
 * becomes or joins a ticket (MCR-SUP-03, DSN-SUP-03), so a false "automatic" loses a customer's
 * message: each signal below is one that people's own mail clients do not set.
 */

/** Top-level header fields of a message: lower-cased name → unfolded value of its first occurrence. */
export type MessageHeaders = ReadonlyMap<string, string>;

export interface AutomaticVerdict {
  /** Sent by a program (auto-reply, bounce, list); bounces are automatic too. */
  autoSubmitted: boolean;
  /** A delivery report, or a message sent with the null reverse-path that RFC 5321 reserves for them. */
  isBounce: boolean;
  /** The first signal found, for logs ("Auto-Submitted: auto-replied"); null for a person's mail. */
  reason: string | null;
}

const PERSON: AutomaticVerdict = { autoSubmitted: false, isBounce: false, reason: null };

/** Precedence values used by list managers and vacation programs (RFC 3834 §3.1.8 notes their use). */
const AUTOMATIC_PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply", "auto-reply"]);

/** Local parts of the addresses MTAs send delivery reports from (RFC 5321 §4.5.1, RFC 2142). */
const REPORTING_MAILBOXES = new Set(["mailer-daemon", "postmaster"]);

/** Whether the message was sent by a program; see `classifyAutomatic`. */
export function isAutomatic(headers: MessageHeaders): boolean {
  return classifyAutomatic(headers).autoSubmitted;
}

/**
 * Looks at the header fields only: a bounce's body varies with every MTA, its headers do not.
 * `X-Auto-Response-Suppress` is deliberately ignored: Outlook sets it on ordinary mail from people
 * (meeting requests, messages to distribution lists), so it says what the sender wants, not who sent.
 */
export function classifyAutomatic(headers: MessageHeaders): AutomaticVerdict {
  const bounce = bounceSignal(headers);
  if (bounce) return { autoSubmitted: true, isBounce: true, reason: bounce };
  const automatic = automaticSignal(headers);
  if (automatic) return { autoSubmitted: true, isBounce: false, reason: automatic };
  return PERSON;
}

function bounceSignal(headers: MessageHeaders): string | null {
  // The receiver writes Return-Path from the envelope (RFC 5321 §4.4): "<>" is the null
  // reverse-path, used for delivery reports and by well-behaved autoresponders alike.
  const returnPath = headers.get("return-path");
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath.trim())) return "Return-Path: <>";

  const contentType = headers.get("content-type");
  if (contentType && /^\s*multipart\/report\b/i.test(contentType)) {
    const reportType = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
    if (reportType === "delivery-status")
      return "Content-Type: multipart/report; report-type=delivery-status";
  }

  const from = headers.get("from");
  const localPart = from === undefined ? undefined : senderLocalPart(from);
  if (localPart && REPORTING_MAILBOXES.has(localPart)) return `From: ${localPart}`;
  return null;
}

function automaticSignal(headers: MessageHeaders): string | null {
  // RFC 3834 §5: any value other than "no" (auto-generated, auto-replied, auto-notified, …).
  const autoSubmitted = headers.get("auto-submitted");
  if (autoSubmitted !== undefined) {
    const keyword = autoSubmitted.split(";")[0]?.trim().toLowerCase() ?? "";
    if (keyword !== "" && keyword !== "no") return `Auto-Submitted: ${keyword}`;
  }
  for (const name of ["x-autoreply", "x-autorespond"]) {
    const value = headers.get(name);
    if (value !== undefined && !/^\s*(no|false)\s*$/i.test(value)) return name;
  }
  const precedence = headers.get("precedence")?.trim().toLowerCase();
  if (precedence && AUTOMATIC_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;

  // Mailing lists: answering one would send the desk's acknowledgement to every member, and
  // its replies would come back as more list mail. A customer writing from a list address
  // (a Google Group as its support mailbox) is refused too; the portal remains open to it.
  if (headers.has("list-id")) return "List-Id";
  if (headers.has("list-unsubscribe")) return "List-Unsubscribe";

  // Other reports: read receipts (disposition-notification), feedback loops.
  const contentType = headers.get("content-type");
  if (contentType && /^\s*multipart\/report\b/i.test(contentType)) return "Content-Type: multipart/report";
  return null;
}

/** "Mail Delivery System <MAILER-DAEMON@mx.example>" → "mailer-daemon"; a display name is not an address. */
function senderLocalPart(from: string): string | undefined {
  const angle = /<([^<>]*)>\s*$/.exec(from);
  const address = (angle ? angle[1] : from)?.trim() ?? "";
  if (address === "" || /\s/.test(address)) return undefined;
  return address.split("@")[0]?.toLowerCase();
}
