import { wallFields } from "../calendar/civil.js";
import { zoneIndex } from "../calendar/zone.js";
import type { Language } from "../contract/primitives.js";
import { DATE_WORDS, MESSAGES, type SlaLanguage } from "./messages.js";
import type { SlaTarget } from "./target.js";

/**
 * Dates, durations and targets as explanations write them, in the calendar's time zone and the
 * reader's language (issue 23: dates follow the reader even where the text falls back):
 * "mar. 3 mars 2026 10:30" (fr), "Tue 3 Mar 2026 10:30" (en), "Di., 3. März 2026 10:30" (de).
 */

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function formatLocalDateTime(t: number, timeZone: string, language: Language): string {
  const words = DATE_WORDS[language];
  const w = wallFields(zoneIndex(timeZone).toWall(t));
  const date = words.date(words.weekdays[w.weekday] ?? "", w.day, words.months[w.month - 1] ?? "", w.year);
  return `${date} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "< 1 h", "< 30 min", "< 2 h 30 min": a plain duration target. */
function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (h === 0) return `< ${min} min`;
  return min === 0 ? `< ${h} h` : `< ${h} h ${min} min`;
}

export function formatTarget(target: SlaTarget, locale: SlaLanguage): string {
  const m = MESSAGES[locale];
  switch (target.kind) {
    case "none":
      return m.noTarget;
    case "bestEffort":
      return m.bestEffort;
    case "nextBusinessDay":
      return m.nextBusinessDay[target.by];
    case "businessDays":
      return m.businessDays(target.days);
    case "minutes":
      // Keep the contract's wording: "12 business hours" is not "< 12 h" on a 24x7 calendar.
      return /business\s+hours?/i.test(target.text)
        ? m.businessHours(target.minutes / 60)
        : formatDuration(target.minutes);
  }
}

/** Minutes rounded for reading: whole minutes, one decimal below ten, in the reader's writing ("7,5"). */
export function formatMinutes(minutes: number, language: Language = "en"): string {
  const text = String(minutes < 10 ? Math.round(minutes * 10) / 10 : Math.round(minutes));
  return text.replace(".", DATE_WORDS[language].decimal);
}
