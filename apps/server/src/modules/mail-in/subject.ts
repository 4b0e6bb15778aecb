/**
 * What a subject line tells the desk: the ticket a message is about (DSN-SUP-04, "retour sur
 * ticket ouvert" with the ticket number), or, for a new e-mail ticket, the customer's own ticket
 * number and a description (MCR-SUP-09).
 */

/** The same rule as the contract's `ticketWorkflow.referencePrefix`. */
const PREFIX = /^[A-Z][A-Z0-9]{1,7}$/;

/**
 * Reply and forward markers that mail clients put before a subject, in the languages customers
 * write in: RE/TR (French Outlook, often "RE :"), Fwd/Fw, AW/WG (German), SV/VS (Nordic), Antw
 * (Dutch), RÉF/RÉP, ENC (Portuguese); with a counter ("RE[2]:", "Re(3):") as some clients add.
 */
const REPLY_PREFIX = /^\s*(?:re|fwd?|tr|aw|wg|sv|vs|antw|r[ée]f|r[ée]p|enc)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/iu;

/**
 * A new e-mail ticket's subject where the contract sets no format (DSN-SUP-08: the portal tells
 * operators "the subject becomes the title"): the description, after an optional "[reference]".
 */
export const FREE_NEW_TICKET_SUBJECT = String.raw`^\s*(?:\[\s*(?<customerRef>[^\]]*?)\s*\]\s*)?(?<summary>\S.*)$`;

/** The subject without the reply and forward markers before it ("RE: TR: Fwd: x" → "x"). */
export function stripReplyPrefixes(subject: string): string {
  let rest = subject;
  for (let match = REPLY_PREFIX.exec(rest); match; match = REPLY_PREFIX.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.trim();
}

/**
 * The ticket reference "PREFIX-YYYY-NNNNN" anywhere in a subject ("RE: [MCR-2026-00042] …"),
 * upper-cased, or null. Numbers grow past five digits, so "MCR-2026-000421" is one whole
 * reference; a longer token ("XMCR-2026-00042", "MCR-2026-00042B") is not a reference at all.
 * Case is ignored: people retype references in lower case.
 */
export function ticketReferenceIn(subject: string, prefix: string): string | null {
  if (!PREFIX.test(prefix)) throw new TypeError(`invalid ticket reference prefix: ${JSON.stringify(prefix)}`);
  const match = new RegExp(`(?<![\\p{L}\\p{N}_])${prefix}-\\d{4}-\\d{5,}(?![\\p{L}\\p{N}_])`, "iu").exec(
    subject,
  );
  return match ? match[0].toUpperCase() : null;
}

export interface NewTicketSubject {
  customerRef: string;
  summary: string;
}

const compiled = new Map<string, RegExp>();

/**
 * The customer's reference and the description of a new e-mail ticket, or null when the subject
 * does not follow the contract's format. `patternSource` is the contract's `subjectPattern`
 * (MCR-SUP-09: "[customer's own ticket number] description"): a regular expression with the named
 * groups `customerRef` and `summary`, both required. Without one, the free format: the reference
 * is optional. Reply and forward markers are removed first: a customer forwarding its own ticket
 * mail ("TR: [INC-4711] Base inaccessible") still follows the format.
 */
export function parseNewTicketSubject(subject: string, patternSource?: string): NewTicketSubject | null {
  const match = compile(patternSource ?? FREE_NEW_TICKET_SUBJECT).exec(stripReplyPrefixes(subject));
  const customerRef = match?.groups?.customerRef?.trim() ?? "";
  const summary = match?.groups?.summary?.trim() ?? "";
  if (summary === "" || (customerRef === "" && patternSource !== undefined)) return null;
  return { customerRef, summary };
}

function compile(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    // A pattern without the groups would refuse every e-mail ticket in silence; say so loudly.
    for (const group of ["customerRef", "summary"]) {
      if (!source.includes(`(?<${group}>`)) {
        throw new TypeError(`subject pattern has no named group "${group}": ${source}`);
      }
    }
    pattern = new RegExp(source, "u");
    compiled.set(source, pattern);
  }
  return pattern;
}
