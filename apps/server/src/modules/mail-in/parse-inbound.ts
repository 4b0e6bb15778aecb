import type { AddressObject, EmailAddress, HeaderLines, simpleParser } from "mailparser";
import { type AutomaticVerdict, classifyAutomatic, type MessageHeaders } from "./auto-replies.js";
import { messageIdsIn, normaliseMessageId } from "./message-ids.js";
import { decodeTnef, isTnef } from "./tnef.js";

export interface InboundAddress {
  /** Lower-cased: the desk compares it with named contacts' and administrators' e-mails (MCR-SUP-09). */
  address: string;
  /** The display name, "" when the sender gave none. */
  name: string;
}

export interface InboundAttachment {
  /** As the sender named it; null for an unnamed part (the desk chooses a name to show). */
  fileName: string | null;
  contentType: string;
  size: number;
  content: Buffer;
  /** Shown inside the message (a signature logo, a pasted screenshot) rather than attached to it. */
  inline: boolean;
}

/** One received e-mail, reduced to what the desk decides on (new ticket, reply, refusal). */
export interface InboundMessage {
  /** Canonical "<id@host>" (see message-ids.ts); null when the sender set none. */
  messageId: string | null;
  /** The direct parent's id. */
  inReplyTo: string | null;
  /** The thread's ids, oldest first as in the header; `threadCandidateIds` orders them for lookup. */
  references: string[];
  /** Never null: a message without a usable sender is refused as malformed (nobody to answer). */
  from: InboundAddress;
  /** To and Cc addresses, lower-cased, groups flattened. The envelope says which mailbox received it. */
  to: string[];
  cc: string[];
  subject: string;
  /** The plain-text body; for an HTML-only message, mailparser's conversion of the HTML. History included. */
  text: string;
  attachments: InboundAttachment[];
  /** Sent by a program (auto-reply, list, bounce): must not open a ticket nor be answered. */
  autoSubmitted: boolean;
  /** A delivery report; `autoSubmitted` is then true as well. */
  isBounce: boolean;
  /** Why the message counts as automatic, for logs; null for a person's mail. */
  automaticReason: AutomaticVerdict["reason"];
  /** The Date header; null when missing or unreadable (mailparser would put the current time). */
  date: Date | null;
}

/**
 * A result, not an exception: malformed mail is an ordinary input from the Internet, and the
 * caller (the SMTP receiver's handler) must accept and drop it rather than fail the transaction,
 * which would make the sending server retry the same bytes for days.
 */
export type InboundParseResult =
  | { ok: true; message: InboundMessage }
  | { ok: false; reason: "malformed"; detail: string };

/** Bodies are converted from HTML only up to this size; a larger HTML-only body keeps its first part. */
const MAX_HTML_TO_TEXT = 2_000_000;

export async function parseInbound(raw: Buffer | string): Promise<InboundParseResult> {
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await (await mailParser())(raw, {
      skipTextToHtml: true,
      skipImageLinks: true,
      maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
    });
  } catch (error) {
    return malformed(`unreadable MIME structure: ${error instanceof Error ? error.message : String(error)}`);
  }

  const headers = headerMap(parsed.headerLines);
  if (headers.size === 0) return malformed("no header fields: not an e-mail message");
  const sender = addressesOf(parsed.from)[0];
  if (!sender) return malformed(`no sender address in From: ${JSON.stringify(headers.get("from") ?? "")}`);

  const verdict = classifyAutomatic(headers);
  const unwrapped = await unwrapTnef(
    parsed.attachments.map((attachment) => ({
      fileName: attachment.filename ?? null,
      contentType: attachment.contentType,
      size: attachment.size,
      content: attachment.content,
      inline: attachment.related || attachment.contentDisposition === "inline",
    })),
  );
  const text = (parsed.text ?? "").replace(/\r\n?/g, "\n");
  return {
    ok: true,
    message: {
      messageId: parsed.messageId ? normaliseMessageId(parsed.messageId) : null,
      inReplyTo: messageIdsIn(parsed.inReplyTo)[0] ?? null,
      references: messageIdsIn(parsed.references),
      from: sender,
      to: addressesOf(parsed.to).map((entry) => entry.address),
      cc: addressesOf(parsed.cc).map((entry) => entry.address),
      subject: parsed.subject ?? "",
      // Outlook may put the only readable body inside its winmail.dat.
      text: text.trim() ? text : (unwrapped.body ?? text),
      attachments: unwrapped.attachments,
      autoSubmitted: verdict.autoSubmitted,
      isBounce: verdict.isBounce,
      automaticReason: verdict.reason,
      date: dateOf(headers.get("date")),
    },
  };
}

/**
 * TNEF wrappers (winmail.dat) replaced by the files inside them, and the body they carry (issue
 * 14); a wrapper that cannot be read stays as it is (the desk then leaves it out, saying why).
 */
async function unwrapTnef(
  attachments: InboundAttachment[],
): Promise<{ attachments: InboundAttachment[]; body: string | null }> {
  const result: InboundAttachment[] = [];
  let body: string | null = null;
  for (const attachment of attachments) {
    const decoded = isTnef(attachment) ? decodeTnef(attachment.content) : null;
    if (!decoded) {
      result.push(attachment);
      continue;
    }
    for (const file of decoded.files)
      result.push({
        fileName: file.fileName,
        contentType: "application/octet-stream",
        size: file.content.length,
        content: file.content,
        inline: false,
      });
    body ??= decoded.body?.replace(/\r\n?/g, "\n") ?? (decoded.html ? await htmlToText(decoded.html) : null);
  }
  return { attachments: result, body };
}

/** mailparser's own conversion of an HTML body to text, as for an HTML-only mail. */
async function htmlToText(html: string): Promise<string> {
  const parsed = await (await mailParser())(`Content-Type: text/html; charset=utf-8\r\n\r\n${html}`, {
    skipImageLinks: true,
    maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
  });
  return (parsed.text ?? "").replace(/\r\n?/g, "\n");
}

function malformed(detail: string): InboundParseResult {
  return { ok: false, reason: "malformed", detail };
}

/**
 * Raw values, not mailparser's structured ones: the auto-reply rules read parameters and the
 * null path "<>" that the structured values lose. The first occurrence wins, so the Return-Path
 * the receiver writes on top (RFC 5321 §4.4) beats any the sender forged further down.
 */
function headerMap(lines: HeaderLines): MessageHeaders {
  const headers = new Map<string, string>();
  for (const { key, line } of lines) {
    // mailparser keeps lines that are no header field ("just text") under an empty name.
    if (key === "" || headers.has(key)) continue;
    const colon = line.indexOf(":");
    headers.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
  }
  return headers;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): InboundAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: InboundAddress[] = [];
  const visit = (entry: EmailAddress) => {
    if (entry.group) {
      for (const member of entry.group) visit(member);
      return;
    }
    const address = entry.address?.trim().toLowerCase() ?? "";
    // mailparser keeps a bare display name ("From: support") as a name with an empty address.
    if (/^[^\s@]+@[^\s@]+$/.test(address)) result.push({ address, name: entry.name ?? "" });
  };
  for (const object of objects) for (const entry of object.value) visit(entry);
  return result;
}

function dateOf(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** Loaded when mail first arrives: a server's start stays short. */
async function mailParser(): Promise<typeof simpleParser> {
  return (await import("mailparser")).simpleParser;
}
