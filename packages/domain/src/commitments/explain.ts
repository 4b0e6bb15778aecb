import type { Language } from "../contract/primitives.js";
import { formatMoney } from "../money/format-money.js";
import type { CivilDate } from "./civil-date.js";
import type { CommitmentDecision, ServiceFees } from "./decision.js";

/**
 * Sentences explaining a commitment decision, French first, English second. Dates and amounts
 * are written by hand ("10/04/2026", formatMoney's "325,00 €") so the text is the same on every ICU version.
 */
export type CommitmentLocale = "fr" | "en";

/** A plan's name in the reader's language, from the contract; its id when unknown. */
export type PlanNameOf = (plan: string) => string;

const MONTHS_FR = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A day as its reader writes it (issue 23: dates follow the reader's language, whatever the text's):
 * 06/12/2026 in French and Italian, 06.12.2026 in German, 06-12-2026 in Dutch, 2026-12-06 in English.
 */
export function formatCivilDate(date: CivilDate, locale: CommitmentLocale | Language): string {
  const [y, m, d] = date.split("-");
  switch (locale) {
    case "en":
      return `${y}-${m}-${d}`;
    case "de":
      return `${d}.${m}.${y}`;
    case "nl":
      return `${d}-${m}-${y}`;
    default:
      return `${d}/${m}/${y}`;
  }
}

/** An amount of the contract's currency (issue 17: never assumed EUR), by the one formatter. */
export function formatCents(cents: number, locale: CommitmentLocale, currency: string): string {
  return formatMoney(cents, locale, currency);
}

function monthName(month: string, locale: CommitmentLocale): string {
  const [y, m] = month.split("-");
  return `${(locale === "fr" ? MONTHS_FR : MONTHS_EN)[Number(m) - 1]} ${y}`;
}

function feesText(fees: readonly ServiceFees[], locale: CommitmentLocale, currency: string): string {
  const d = (date: CivilDate) => formatCivilDate(date, locale);
  return fees
    .map((f) => {
      if (f.minimumEnd === null)
        return locale === "fr"
          ? `${f.service} : pas de période minimale, rien à payer`
          : `${f.service}: no minimum period, nothing due`;
      if (f.months.length === 0)
        return locale === "fr"
          ? `${f.service} : période minimale finie le ${d(f.minimumEnd)}, rien à payer`
          : `${f.service}: minimum period over on ${d(f.minimumEnd)}, nothing due`;
      const parts = f.months
        .map(
          (m) =>
            `${monthName(m.month, locale)} ${m.days}/${m.daysInMonth} ${locale === "fr" ? "j" : "d"} = ${formatCents(m.cents, locale, currency)}`,
        )
        .join(" + ");
      return locale === "fr"
        ? `${f.service} : période minimale jusqu'au ${d(f.minimumEnd)}, restent dus ${parts} = ${formatCents(f.cents, locale, currency)}`
        : `${f.service}: minimum period until ${d(f.minimumEnd)}, still due ${parts} = ${formatCents(f.cents, locale, currency)}`;
    })
    .join(locale === "fr" ? " ; " : "; ");
}

/** The decision as a sentence, ending with its clause. */
export function explainCommitment(
  decision: CommitmentDecision,
  locale: CommitmentLocale,
  planName: PlanNameOf,
  /** The contract's currency (`contract.currency`): fees due are written in it. */
  currency: string,
): string {
  const d = (date: CivilDate | null) => (date === null ? "—" : formatCivilDate(date, locale));
  const fr = locale === "fr";
  const r = decision.reason;
  const text = (() => {
    switch (r.code) {
      case "plan-change-accepted": {
        const end = decision.commitmentEnd
          ? fr
            ? `, engagement de ${planName(r.to)} jusqu'au ${d(decision.commitmentEnd)}`
            : `, ${planName(r.to)} committed until ${d(decision.commitmentEnd)}`
          : fr
            ? ", sans engagement"
            : ", no commitment";
        return fr
          ? `Passage de ${planName(r.from)} à ${planName(r.to)} accepté${r.inCommitment ? " (montée de gamme pendant l'engagement)" : ""} : effet le ${d(decision.effectiveDate)}, début du mois calendaire suivant${end}`
          : `Change from ${planName(r.from)} to ${planName(r.to)} accepted${r.inCommitment ? " (an upgrade during the commitment)" : ""}: effective ${d(decision.effectiveDate)}, the start of the next calendar month${end}`;
      }
      case "plan-change-downgrade-in-commitment":
        return fr
          ? `Passage de ${planName(r.from)} à ${planName(r.to)} refusé : pendant l'engagement (jusqu'au ${d(r.commitmentEnd)}), l'offre ne peut que monter en gamme ; ce changement pourra prendre effet au plus tôt le ${d(decision.effectiveDate)}`
          : `Change from ${planName(r.from)} to ${planName(r.to)} refused: during the commitment (until ${d(r.commitmentEnd)}) the plan can only move up; this change can take effect on ${d(decision.effectiveDate)} at the earliest`;
      case "plan-change-same-plan":
        return fr
          ? `${planName(r.plan)} est déjà l'offre en vigueur`
          : `${planName(r.plan)} is already the plan in force`;
      case "plan-change-unknown-plan":
        return fr
          ? `Le contrat ne propose pas d'offre « ${r.plan} »`
          : `The contract offers no plan "${r.plan}"`;
      case "plan-change-pending":
        return fr
          ? `Un changement vers ${planName(r.pendingPlan)} prend déjà effet le ${d(r.pendingFrom)}`
          : `A change to ${planName(r.pendingPlan)} already takes effect on ${d(r.pendingFrom)}`;
      case "plan-change-commitment-elsewhere":
        return fr
          ? `L'engagement de ${planName(r.plan)} est fixé par un autre document que le contrat`
          : `The commitment of ${planName(r.plan)} is set by another document than the contract`;
      case "plan-change-cancelled":
        return fr
          ? `Le passage à ${planName(r.plan)} prévu le ${d(r.effective)} est annulé : ${planName(r.restored)} reste en vigueur${decision.commitmentEnd ? `, engagé jusqu'au ${d(decision.commitmentEnd)}` : ""}`
          : `The change to ${planName(r.plan)} due on ${d(r.effective)} is cancelled: ${planName(r.restored)} stays in force${decision.commitmentEnd ? `, committed until ${d(decision.commitmentEnd)}` : ""}`;
      case "plan-change-cancel-effective":
        return fr
          ? `Le passage à ${planName(r.plan)} est en vigueur depuis le ${d(r.effective)} : il ne peut plus être annulé (aujourd'hui : ${d(r.today)}) ; un nouveau changement suit les règles de l'engagement`
          : `The change to ${planName(r.plan)} has been in force since ${d(r.effective)}: it can no longer be cancelled (today: ${d(r.today)}); a new change follows the commitment's rules`;
      case "plan-change-cancel-none":
        return fr ? "Aucun changement d'offre n'est prévu" : "No plan change is due";
      case "termination-accepted": {
        const ends = fr
          ? `${r.scope === "contract" ? "le contrat et tous ses services prennent" : "le service prend"} fin le ${d(decision.effectiveDate)}`
          : `${r.scope === "contract" ? "the contract and every service end" : "the service ends"} on ${d(decision.effectiveDate)}`;
        const head = r.dateGiven
          ? fr
            ? `Résiliation notifiée le ${d(r.noticeReceived)}, date d'effet fixée par le prestataire selon les Conditions Générales : ${ends}`
            : `Termination notified on ${d(r.noticeReceived)}, effective date set by the provider under the general conditions: ${ends}`
          : fr
            ? `Lettre reçue le ${d(r.noticeReceived)}, préavis de ${r.noticeMonths} mois de quantième à quantième : ${ends}`
            : `Letter received on ${d(r.noticeReceived)}, ${r.noticeMonths} months' notice counted to the same day of the month: ${ends}`;
        if (decision.feesDueCents === null) return head;
        const total = formatCents(decision.feesDueCents, locale, currency);
        return fr
          ? `${head}. ${feesText(r.fees, locale, currency)}. Total dû : ${total}`
          : `${head}. ${feesText(r.fees, locale, currency)}. Total due: ${total}`;
      }
      case "termination-notice-in-future":
        return fr
          ? `La date de réception de la lettre (${d(r.noticeReceived)}) est après aujourd'hui (${d(r.today)})`
          : `The letter's reception date (${d(r.noticeReceived)}) is after today (${d(r.today)})`;
      case "termination-harmful-change":
        return fr
          ? `Résiliation demandée le ${d(r.requestedOn)} suite au changement « ${r.changeTitle} » : le service prend fin le ${d(decision.effectiveDate)}, jour d'entrée en vigueur du changement, sans pénalité, y compris pendant la période minimale. Total dû : ${formatCents(0, locale, currency)}`
          : `Termination asked on ${d(r.requestedOn)} after the change "${r.changeTitle}": the service ends on ${d(decision.effectiveDate)}, the day the change takes effect, without penalty, even within the minimum period. Total due: ${formatCents(0, locale, currency)}`;
      case "termination-harmful-change-closed":
        return fr
          ? `Le changement « ${r.changeTitle} » est en vigueur depuis le ${d(r.changeEffective)} : la résiliation sans pénalité n'était ouverte que jusqu'à cette date (aujourd'hui : ${d(r.today)})`
          : `The change "${r.changeTitle}" has been in force since ${d(r.changeEffective)}: termination without penalty was open until that date only (today: ${d(r.today)})`;
      case "termination-notice-elsewhere":
        return fr
          ? `Lettre reçue le ${d(r.noticeReceived)} : le préavis est fixé par les Conditions Générales, la date d'effet est donnée par le prestataire`
          : `Letter received on ${d(r.noticeReceived)}: the notice is set by the general conditions, the provider gives the effective date`;
    }
  })();
  return `${text} (${decision.clause}).`;
}
