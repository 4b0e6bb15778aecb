import type { Language } from "../contract/primitives.js";

/**
 * Words of SLA explanations, per catalogue: French, English and German (issue 23); a reader of
 * another language reads the first of these the fallback order gives (`textLanguage`), with the
 * dates in their own language (`DATE_WORDS`). Dates are written by hand from tables rather than by
 * Intl so the text is identical on every runtime and ICU version.
 */

export type Locale = "fr" | "en";
/** The languages SLA explanations are written in. */
export const SLA_LANGUAGES = ["fr", "en", "de"] as const;
export type SlaLanguage = (typeof SLA_LANGUAGES)[number];

/**
 * The contract's noun for a ticket and the words that agree with it, in the explanation's
 * language (`sentenceWords`): `ticket`, and `la`/`e` in French, `der` in German.
 */
export type TicketWordsOf = Readonly<Record<string, string>>;

/** The pieces a sentence is made of, already formatted. */
export interface Parts {
  metric: string;
  due: string;
  stopped: string;
  zone: string;
  rule: string;
  /** Business time used, from `usage`, or "". */
  usage: string;
  clause: string;
  /** "; escalated by phone Tue 3 Mar 2026 10:30 (ALP-SUP-06)" once a required escalation came, or "". */
  escalated: string;
  /** For "conditional": the channel the customer escalates by and the condition's clause. */
  escalateBy: string;
  conditionClause: string;
  /** The contract's noun and its agreeing words, in this language (GEN-01, issue 23). */
  words: TicketWordsOf;
}

export interface Messages {
  metric: Record<"initialResponse" | "resolution" | "autoClose", string>;
  /** "< 12 business hours" */
  businessHours(n: number): string;
  businessDays(n: number): string;
  noTarget: string;
  bestEffort: string;
  /** "next business day opening" / "end of next business day" (issue 23). */
  nextBusinessDay: Record<"opening" | "end", string>;
  /** "by phone", "through the portal". */
  escalationChannel: Record<"phone" | "email" | "portal", string>;
  /** "; escalated by phone on …" */
  escalatedOn(channel: string, at: string, clause: string): string;
  /** `calendar`: the contract's label of the calendar in this language, else its id. */
  autoCloseRule(target: string, calendar: string): string;
  /** Business minutes used of the target, and paused minutes when there were any. */
  usage(elapsed: string, target: string, percent: string, paused: string | undefined): string;
  running(p: Parts): string;
  paused(p: Parts): string;
  met(p: Parts): string;
  breached(p: Parts): string;
  none(p: Parts): string;
  /** "best effort": no target, said as such. */
  bestEffortNone(p: Parts): string;
  /** The target requires an escalation the customer has not made yet. */
  conditional(p: Parts): string;
  autoCloseRunning(p: Parts): string;
  autoCloseMet(p: Parts): string;
  /** The deadline passed and the ticket is not closed yet: the sweep is about to close it. */
  autoCloseBreached(p: Parts): string;
  /** The deadline passed and the ticket was closed at or after it (by the sweep, or confirmed late). */
  autoCloseClosed(p: Parts): string;
}

const fr: Messages = {
  metric: { initialResponse: "Prise en charge", resolution: "Résolution", autoClose: "Clôture automatique" },
  businessHours: (n) => `< ${n} heure${n > 1 ? "s" : ""} ouvrée${n > 1 ? "s" : ""}`,
  businessDays: (n) => `${n} jour${n > 1 ? "s" : ""} ouvré${n > 1 ? "s" : ""}`,
  noTarget: "sans objectif",
  bestEffort: "au mieux, sans délai garanti",
  nextBusinessDay: {
    opening: "à l'ouverture du jour ouvré suivant",
    end: "d'ici la fin du jour ouvré suivant",
  },
  escalationChannel: { phone: "par téléphone", email: "par e-mail", portal: "par le portail" },
  escalatedOn: (channel, at, clause) => ` ; escalade ${channel} le ${at} (${clause})`,
  autoCloseRule: (target, calendar) => `${target} après la résolution sans confirmation, ${calendar}`,
  usage: (elapsed, target, percent, paused) =>
    ` ; ${elapsed} min ouvrées consommées sur ${target} (${percent} %)` +
    (paused ? `, ${paused} min ouvrées de pause non décomptées` : ""),
  running: (p) =>
    `${p.metric} : échéance ${p.due} (${p.zone}) : ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  paused: (p) =>
    `${p.metric} : en pause ; échéance ${p.due} (${p.zone}) si elle reprenait maintenant : ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  met: (p) =>
    `${p.metric} : respecté, arrêté le ${p.stopped}, échéance ${p.due} (${p.zone}) : ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  breached: (p) =>
    `${p.metric} : dépassé depuis ${p.due} (${p.zone}) : ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  none: (p) => `${p.metric} : sans objectif pour ${p.rule} — ${p.clause}`,
  bestEffortNone: (p) => `${p.metric} : au mieux, sans délai garanti, pour ${p.rule} — ${p.clause}`,
  conditional: (p) =>
    `${p.metric} : escalade requise : l'objectif (${p.rule}) ne court qu'une fois ${p.words.la ?? "la "}${p.words.ticket ?? "demande"} escaladé${p.words.e ?? "e"} ${p.escalateBy} (${p.conditionClause}) — ${p.clause}`,
  autoCloseRunning: (p) => `${p.metric} : échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseMet: (p) =>
    `${p.metric} : sans objet, clôturé ${p.stopped} avant l'échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseBreached: (p) => `${p.metric} : à clôturer depuis ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseClosed: (p) =>
    `${p.metric} : clôturé ${p.stopped}, échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
};

const en: Messages = {
  metric: { initialResponse: "Initial response", resolution: "Resolution", autoClose: "Auto-close" },
  businessHours: (n) => `< ${n} business hour${n > 1 ? "s" : ""}`,
  businessDays: (n) => `${n} business day${n > 1 ? "s" : ""}`,
  noTarget: "no target",
  bestEffort: "best effort, no guaranteed time",
  nextBusinessDay: {
    opening: "at the next business day's opening",
    end: "by the end of the next business day",
  },
  escalationChannel: { phone: "by phone", email: "by e-mail", portal: "through the portal" },
  escalatedOn: (channel, at, clause) => `; escalated ${channel} ${at} (${clause})`,
  autoCloseRule: (target, calendar) => `${target} after resolution without confirmation, ${calendar}`,
  usage: (elapsed, target, percent, paused) =>
    `; ${elapsed} of ${target} business minutes used (${percent} %)` +
    (paused ? `, ${paused} business minutes on pause not counted` : ""),
  running: (p) => `${p.metric}: due ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  paused: (p) =>
    `${p.metric}: paused; due ${p.due} (${p.zone}) if resumed now: ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  met: (p) =>
    `${p.metric}: met, stopped ${p.stopped}, due ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  breached: (p) =>
    `${p.metric}: breached since ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  none: (p) => `${p.metric}: no target for ${p.rule} — ${p.clause}`,
  bestEffortNone: (p) => `${p.metric}: best effort, no guaranteed time, for ${p.rule} — ${p.clause}`,
  conditional: (p) =>
    `${p.metric}: escalation required: the target (${p.rule}) runs only once the ${p.words.ticket ?? "request"} is escalated ${p.escalateBy} (${p.conditionClause}) — ${p.clause}`,
  autoCloseRunning: (p) => `${p.metric}: due ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseMet: (p) =>
    `${p.metric}: not needed, closed ${p.stopped} before ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseBreached: (p) => `${p.metric}: to close since ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseClosed: (p) =>
    `${p.metric}: closed ${p.stopped}, due ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
};

const de: Messages = {
  metric: { initialResponse: "Erstreaktion", resolution: "Lösung", autoClose: "Automatischer Abschluss" },
  businessHours: (n) => `< ${n} Geschäftsstunde${n > 1 ? "n" : ""}`,
  businessDays: (n) => `${n} Geschäftstag${n > 1 ? "e" : ""}`,
  noTarget: "ohne Zielvorgabe",
  bestEffort: "nach bestem Bemühen, ohne garantierte Frist",
  nextBusinessDay: {
    opening: "bei Öffnung am nächsten Geschäftstag",
    end: "bis Ende des nächsten Geschäftstags",
  },
  escalationChannel: { phone: "telefonisch", email: "per E-Mail", portal: "über das Portal" },
  escalatedOn: (channel, at, clause) => `; ${channel} eskaliert am ${at} (${clause})`,
  autoCloseRule: (target, calendar) => `${target} nach der Lösung ohne Bestätigung, ${calendar}`,
  usage: (elapsed, target, percent, paused) =>
    `; ${elapsed} von ${target} Geschäftsminuten verbraucht (${percent} %)` +
    (paused ? `, ${paused} pausierte Geschäftsminuten nicht gezählt` : ""),
  running: (p) => `${p.metric}: fällig ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  paused: (p) =>
    `${p.metric}: pausiert; fällig ${p.due} (${p.zone}) bei Wiederaufnahme jetzt: ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  met: (p) =>
    `${p.metric}: eingehalten, gestoppt ${p.stopped}, fällig ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  breached: (p) =>
    `${p.metric}: überschritten seit ${p.due} (${p.zone}): ${p.rule}${p.usage}${p.escalated} — ${p.clause}`,
  none: (p) => `${p.metric}: ohne Zielvorgabe für ${p.rule} — ${p.clause}`,
  bestEffortNone: (p) =>
    `${p.metric}: nach bestem Bemühen, ohne garantierte Frist, für ${p.rule} — ${p.clause}`,
  conditional: (p) =>
    `${p.metric}: Eskalation erforderlich: die Zielvorgabe (${p.rule}) läuft erst, wenn ${p.words.der ?? "die"} ${p.words.ticket ?? "Anfrage"} ${p.escalateBy} eskaliert wurde (${p.conditionClause}) — ${p.clause}`,
  autoCloseRunning: (p) => `${p.metric}: fällig ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseMet: (p) =>
    `${p.metric}: nicht nötig, geschlossen ${p.stopped} vor ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseBreached: (p) => `${p.metric}: zu schließen seit ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseClosed: (p) =>
    `${p.metric}: geschlossen ${p.stopped}, fällig ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
};

export const MESSAGES: Readonly<Record<SlaLanguage, Messages>> = { fr, en, de };

/** Weekday and month names, and how a date is written, in every language a reader may read. */
export interface DateWords {
  weekdays: readonly string[];
  months: readonly string[];
  /** "mar. 3 mars 2026", "Di., 3. März 2026". */
  date(weekday: string, day: number, month: string, year: number): string;
  /** The decimal separator of numbers: "7,5" in French and German, "7.5" in English. */
  decimal: string;
}

const dayMonthYear = (weekday: string, day: number, month: string, year: number) =>
  `${weekday} ${day} ${month} ${year}`;

export const DATE_WORDS: Readonly<Record<Language, DateWords>> = {
  fr: {
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    months: [
      "janv.",
      "févr.",
      "mars",
      "avr.",
      "mai",
      "juin",
      "juil.",
      "août",
      "sept.",
      "oct.",
      "nov.",
      "déc.",
    ],
    date: dayMonthYear,
    decimal: ",",
  },
  en: {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    date: dayMonthYear,
    decimal: ".",
  },
  de: {
    weekdays: ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
    months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    date: (weekday, day, month, year) => `${weekday}, ${day}. ${month} ${year}`,
    decimal: ",",
  },
  it: {
    weekdays: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
    months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
    date: dayMonthYear,
    decimal: ",",
  },
  nl: {
    weekdays: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    months: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    date: dayMonthYear,
    decimal: ",",
  },
};

/** A clock's name inside a sentence ("délai de prise en charge", "its resolution target"). */
export function metricInSentence(metric: keyof Messages["metric"], locale: SlaLanguage): string {
  return MESSAGES[locale].metric[metric].toLocaleLowerCase(locale);
}
