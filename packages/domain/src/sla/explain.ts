import { formatInstant } from "../calendar/civil.js";
import type { Language } from "../contract/primitives.js";
import { formatLocalDateTime, formatMinutes, formatTarget } from "./format.js";
import { type Locale, MESSAGES, type Parts, type SlaLanguage, type TicketWordsOf } from "./messages.js";
import type { SlaTarget } from "./target.js";
import type { MetricResult } from "./types.js";

/**
 * GEN-02: every automatic decision can be explained — the rule applied, its inputs, and the
 * clause id. The text is for people (French by default); `data` is for screens and audits.
 */

export interface Explanation {
  text: string;
  data: {
    /** The rule in words of the engine, e.g. "initialResponse: Premium P2, < 1 h, on 24x7". */
    rule: string;
    inputs: Record<string, string | number | boolean | null>;
    clause: string;
  };
}

const iso = (t: number | undefined): string | null => (t === undefined ? null : formatInstant(t));

/** The target as the contract wrote it, for data and audits. */
const targetText = (target: SlaTarget): string =>
  target.kind === "none" ? "none" : target.kind === "bestEffort" ? "best effort" : target.text;

/**
 * How an explanation is written (issue 23): `text`, the catalogue of its sentences (the first the
 * fallback order gives the reader); `reader`, the reader's own language, of the dates, numbers and
 * the contract's names (plan, calendar); `words`, the contract's noun for a ticket in `text`'s
 * language (`sentenceWords`).
 */
export interface ExplainIn {
  text: SlaLanguage;
  reader: Language;
  words?: TicketWordsOf;
}

export function explain(result: MetricResult, language: Locale | ExplainIn = "fr"): Explanation {
  const {
    text: locale,
    reader,
    words = {},
  } = typeof language === "string" ? { text: language, reader: language } : language;
  const m = MESSAGES[locale];
  const at = (t: number | undefined): string =>
    t === undefined ? "—" : formatLocalDateTime(t, result.timeZone, reader);
  const target = formatTarget(result.target, locale);
  const isAutoClose = result.metric === "autoClose";
  // The contract's names in the reader's language where it wrote them, else in the text's.
  const named = (label: Readonly<Partial<Record<Language, string>>>): string =>
    label[reader] ?? label[locale] ?? label.en ?? "";
  const plan = typeof result.plan === "string" ? result.plan : named(result.plan);
  // People read the contract's name of the calendar; its id only when the contract gives none.
  const calendar = result.calendarLabel ? named(result.calendarLabel) : result.calendar;
  const rule = isAutoClose
    ? m.autoCloseRule(target, calendar)
    : result.state === "none"
      ? `${plan} ${result.priority}`
      : `${plan} ${result.priority}, ${target}, ${calendar}`;
  // "Escalation required" (issue 23): what starts the clock, and when it was started.
  const condition = result.escalation;
  const escalateBy = condition ? m.escalationChannel[condition.channel] : "";
  const usage =
    isAutoClose || result.targetMinutes === undefined
      ? ""
      : m.usage(
          formatMinutes(result.elapsedMinutes, reader),
          formatMinutes(result.targetMinutes, reader),
          formatMinutes(result.percentUsed ?? 0, reader),
          result.pausedMinutes > 0 ? formatMinutes(result.pausedMinutes, reader) : undefined,
        );
  const parts: Parts = {
    metric: m.metric[result.metric],
    due: at(result.state === "breached" && !isAutoClose ? result.breachedAt : result.dueAt),
    stopped: at(result.stoppedAt),
    zone: result.timeZone,
    rule,
    usage,
    clause: result.clause,
    escalated:
      condition?.at !== undefined ? m.escalatedOn(escalateBy, at(condition.at), condition.clause) : "",
    escalateBy,
    conditionClause: condition?.clause ?? "",
    words,
  };
  const sentence = isAutoClose
    ? {
        running: m.autoCloseRunning,
        paused: m.autoCloseRunning,
        // Closed before the deadline (the customer confirmed), or at it or after (by the sweep).
        met: (result.stoppedAt ?? 0) < (result.dueAt ?? 0) ? m.autoCloseMet : m.autoCloseClosed,
        breached: m.autoCloseBreached,
        none: m.none,
        conditional: m.none,
      }
    : {
        running: m.running,
        paused: m.paused,
        met: m.met,
        breached: m.breached,
        none: result.target.kind === "bestEffort" ? m.bestEffortNone : m.none,
        conditional: m.conditional,
      };
  return {
    text: sentence[result.state](parts),
    data: {
      rule: `${result.metric}: ${plan} ${result.priority}, ${targetText(result.target)}, on ${result.calendar}`,
      inputs: {
        plan,
        priority: result.priority,
        target: targetText(result.target),
        escalationRequired: condition?.channel ?? null,
        escalatedAt: iso(condition?.at),
        calendar: result.calendar,
        timeZone: result.timeZone,
        state: result.state,
        startedAt: iso(result.startedAt),
        stoppedAt: iso(result.stoppedAt),
        dueAt: iso(result.dueAt),
        dueIsProjection: result.dueIsProjection,
        breachedAt: iso(result.breachedAt),
        targetMinutes: result.targetMinutes ?? null,
        elapsedMinutes: result.elapsedMinutes,
        remainingMinutes: result.remainingMinutes ?? null,
        percentUsed: result.percentUsed ?? null,
        pausedMinutes: result.pausedMinutes,
      },
      clause: result.clause,
    },
  };
}
