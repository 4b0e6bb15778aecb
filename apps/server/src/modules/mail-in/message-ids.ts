/**
 * Threading: an answer names the messages it answers in In-Reply-To and References (RFC 5322
 * §3.6.4), so the desk finds the ticket of a reply by the Message-ID of one of its own
 * notifications even when the customer rewrote the subject (DSN-SUP-03, MCR-SUP-03).
 */

/**
 * The canonical form ids are stored and compared in: "<left@right>", angle brackets included,
 * as the outbox writes them. Case is kept: RFC 5322 ids are compared as given. Null when there
 * is no id at all.
 */
export function normaliseMessageId(raw: string): string | null {
  const core = raw
    .trim()
    .replace(/^<+|>+$/g, "")
    .trim();
  if (core === "" || /[\s<>]/.test(core)) return null;
  return `<${core}>`;
}

/**
 * Every id in a header value, in order. Clients add comments ("<a@b> (Camille's message of
 * Monday)") or forget the angle brackets; bare tokens count only when they look like ids.
 */
export function messageIdsIn(headerValue: string | readonly string[] | null | undefined): string[] {
  if (headerValue == null) return [];
  const text = typeof headerValue === "string" ? headerValue : headerValue.join(" ");
  const bracketed = text.match(/<[^<>\s]+>/g);
  const tokens = bracketed ?? text.split(/[\s,]+/).filter((token) => token.includes("@"));
  const ids: string[] = [];
  for (const token of tokens) {
    const id = normaliseMessageId(token);
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The ids a reply may thread on, most recent first: In-Reply-To names the direct parent;
 * References lists the thread oldest first, so it is read backwards. A client that truncates
 * References keeps its last entries, which is why the most recent ones come first.
 */
export function threadCandidateIds(
  inReplyTo: string | readonly string[] | null | undefined,
  references: string | readonly string[] | null | undefined,
): string[] {
  const ids = messageIdsIn(inReplyTo);
  for (const id of messageIdsIn(references).reverse()) {
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
