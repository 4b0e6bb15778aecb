/**
 * The new part of a reply, without the history mail clients quote below it: an answer joins its
 * ticket (DSN-SUP-03, MCR-SUP-03), and a ticket whose every message repeats all the previous ones
 * is unreadable. Cutting too much would hide what the customer wrote, so each rule below needs
 * a line no person types in the middle of a message.
 *
 * Forwarded messages ("---------- Forwarded message ---------") are kept on purpose: when a
 * customer forwards an alert, the forwarded text is the content.
 */

/** "On Mon, Nov 23, 2026 at 10:00 AM Camille <c@x.fr> wrote:" (Gmail, Thunderbird, Apple Mail). */
const ATTRIBUTION_START = /^\s*(?:>\s*)*(?:on|le|am)\s/iu;
const ATTRIBUTION = [
  /^\s*(?:>\s*)*on\s.+\swrote\s*:\s*$/iu,
  // French typography puts a (narrow) no-break space before the colon; \s covers both.
  /^\s*(?:>\s*)*le\s.+\sa\s+écrit\s*:\s*$/iu,
  /^\s*(?:>\s*)*am\s.+\sschrieb\s.*:\s*$/iu,
];

/** "-----Original Message-----" (Outlook before 2010, Lotus, many webmails). */
const SEPARATOR =
  /^\s*-{3,}\s*(?:original message|message d'origine|ursprüngliche nachricht|mensaje original)\s*-{3,}\s*$/iu;

/** The first line of Outlook's header block: "From: …" / "De : …", bold when converted from HTML. */
const HEADER_FROM = /^\s*\*?(?:from|de|von)\s*:\*?\s*\S/iu;
/** The lines of that block after From; one word alone ("Date: demain") is also a person's. */
const HEADER_NEXT = /^\s*\*?(?:sent|envoyé|gesendet|date|to|à|an|cc|subject|objet|betreff)\s*:\*?\s*\S/iu;
const HEADER_SENT = /^\s*\*?(?:sent|envoyé|gesendet|date)\s*:/iu;

/** Gmail's and Apple Mail's forward markers: the header block below them is the content. */
const FORWARD_MARKER =
  /(?:forwarded message|message transféré|weitergeleitete nachricht|begin forwarded message|début du message réexpédié)/iu;

/** A rule Outlook and others draw above the header block. */
const RULE = /^\s*(?:_{10,}|-{10,})\s*$/;

/** RFC 3676 §4.3: the signature starts after a line of exactly "-- ". */
const SIGNATURE_DELIMITER = "-- ";

/**
 * For a reply joining a ticket; a new ticket keeps its whole text. Never empty for a non-empty
 * text: a message that is all history is returned whole, trimmed.
 */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let kept = lines.slice(0, historyStart(lines));

  // Only "-- " exactly: a bare "--" is how grep separates matches in the logs customers paste.
  const signature = kept.indexOf(SIGNATURE_DELIMITER);
  if (signature !== -1) kept = kept.slice(0, signature);

  // A quoted block at the very end is history; quotes between answers are context and stay.
  let end = kept.length;
  while (end > 0 && /^\s*(?:>.*)?$/.test(kept[end - 1] ?? "")) end -= 1;
  const result = kept.slice(0, end).join("\n").trim();

  // A message that is all history (a bottom-posted reply, a bare forward) is returned whole.
  return result === "" ? lines.join("\n").trim() : result;
}

/** Index of the first line of quoted history, or the number of lines when there is none. */
function historyStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (SEPARATOR.test(line)) return i;
    if (isAttributionAt(lines, i)) return i;
    if (isHeaderBlockAt(lines, i)) return ruleAbove(lines, i);
  }
  return lines.length;
}

/** Gmail wraps a long attribution over two lines ("… Camille <\ncamille@x.fr> a écrit :"). */
function isAttributionAt(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? "";
  if (!ATTRIBUTION_START.test(line)) return false;
  const candidates = [line, `${line} ${lines[i + 1] ?? ""}`];
  // A date or time is always part of it; "Le client a écrit :" alone is a person's sentence.
  return candidates.some((text) => /\d/.test(text) && ATTRIBUTION.some((pattern) => pattern.test(text)));
}

/**
 * "From: … / Sent: … / To: … / Subject: …" (Outlook) or "De : … / Envoyé : … / À : … / Objet : …":
 * From directly followed by two more header lines, and the date among the next three.
 */
function isHeaderBlockAt(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i] ?? "")) return false;
  const next = lines.slice(i + 1, i + 4);
  if (next.length < 2 || !next.slice(0, 2).every((line) => HEADER_NEXT.test(line))) return false;
  if (!next.some((line) => HEADER_SENT.test(line))) return false;
  return !FORWARD_MARKER.test(lineAbove(lines, i));
}

/** The header block starts at the rule drawn above it, when there is one. */
function ruleAbove(lines: readonly string[], i: number): number {
  return RULE.test(lineAbove(lines, i)) ? previousNonBlank(lines, i) : i;
}

function lineAbove(lines: readonly string[], i: number): string {
  return lines[previousNonBlank(lines, i)] ?? "";
}

function previousNonBlank(lines: readonly string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && (lines[j] ?? "").trim() === "") j -= 1;
  return j;
}
