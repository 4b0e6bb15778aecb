/**
 * Words of SLA explanations, per locale. French is the default language of both contracts;
 * English is for the provider's international staff. Dates are written by hand from these
 * tables rather than by Intl so the text is identical on every runtime and ICU version.
 */

export type Locale = "fr" | "en";

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
}

export interface Messages {
  weekdays: readonly string[];
  months: readonly string[];
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
  weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
  months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
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
    `${p.metric} : escalade requise : l'objectif (${p.rule}) ne court qu'une fois la demande escaladée ${p.escalateBy} (${p.conditionClause}) — ${p.clause}`,
  autoCloseRunning: (p) => `${p.metric} : échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseMet: (p) =>
    `${p.metric} : sans objet, clôturé ${p.stopped} avant l'échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseBreached: (p) => `${p.metric} : à clôturer depuis ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
  autoCloseClosed: (p) =>
    `${p.metric} : clôturé ${p.stopped}, échéance ${p.due} (${p.zone}) : ${p.rule} — ${p.clause}`,
};

const en: Messages = {
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
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
    `${p.metric}: escalation required: the target (${p.rule}) runs only once the request is escalated ${p.escalateBy} (${p.conditionClause}) — ${p.clause}`,
  autoCloseRunning: (p) => `${p.metric}: due ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseMet: (p) =>
    `${p.metric}: not needed, closed ${p.stopped} before ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseBreached: (p) => `${p.metric}: to close since ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
  autoCloseClosed: (p) =>
    `${p.metric}: closed ${p.stopped}, due ${p.due} (${p.zone}): ${p.rule} — ${p.clause}`,
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { fr, en };

/** A clock's name inside a sentence ("délai de prise en charge", "its resolution target"). */
export function metricInSentence(metric: keyof Messages["metric"], locale: Locale): string {
  return MESSAGES[locale].metric[metric].toLocaleLowerCase(locale);
}
