import type { ChangeNotice, ContractChange } from "@guichet/db";
import {
  CHANGE_KINDS,
  changeStanding,
  localDateIn,
  nextSignatureReminder,
  type PriceTerms,
  SIGNATURE_REMINDERS,
} from "@guichet/domain";
import { z } from "zod";
import type { Locale } from "../../i18n/index.js";
import type { PriceMove } from "./change-targets.js";
import type { ChangeWithRecipients } from "./list-changes.js";
import type { NoticeView } from "./list-notices.js";
import { priceWords } from "./price-words.js";

const ZDirection = z.enum(["increase", "decrease", "unchanged"]).meta({ id: "PriceDirection" });
export const ZChangeKind = z.enum(CHANGE_KINDS).meta({ id: "ChangeKind" });

const ZPriceTerms = z
  .object({
    monthlyCents: z.number().int().optional(),
    basisPoints: z.number().int().optional(),
    minimumCents: z.number().int().nullable().optional(),
  })
  .meta({ id: "PriceTerms" });

const ZPriceMove = z
  .object({
    priceKey: z.string(),
    label: z.string(),
    target: z.enum(["support", "e-service"]),
    before: ZPriceTerms,
    after: ZPriceTerms,
    /** "7,5 % … → 8,5 % …" in the reader's language. */
    words: z.string(),
    /** The currency of the amounts in `before`/`after`: the contract's (issue 17). */
    currency: z.string(),
  })
  .meta({ id: "PriceMove" });

export const ZContractChange = z
  .object({
    id: z.string(),
    kind: ZChangeKind,
    title: z.string(),
    body: z.string(),
    announcedOn: z.string(),
    effectiveFrom: z.string(),
    earliestAllowed: z.string(),
    clause: z.string(),
    announcedAt: z.string(),
    prices: z.array(ZPriceMove),
  })
  .meta({ id: "ContractChange" });

/**
 * Whether the change applies to this customer today (DSN 10.1: a version to sign binds only once
 * signed; changeStanding): "awaiting-signature" means it does not apply to it, whatever its date.
 */
const ZChangeStanding = z
  .object({
    state: z.enum(["awaiting-signature", "to-come", "in-force"]),
    /** The day it applies from for this customer: its date, or the signature's when later. */
    from: z.string().nullable(),
  })
  .meta({ id: "ChangeStanding" });

/** The deployment's day and zone, to say where each change stands for each customer. */
export interface StandingDay {
  today: string;
  timeZone: string;
}

const ZRecipient = z
  .object({
    noticeId: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    direction: ZDirection,
    clause: z.string(),
    channels: z.array(z.string()),
    earliestAllowed: z.string(),
    madeAvailableAt: z.string(),
    mailed: z.number(),
    letter: z.boolean(),
    readAt: z.string().nullable(),
    signatureRequired: z.boolean(),
    signedAt: z.string().nullable(),
    harmfulTermination: z.boolean(),
    standing: ZChangeStanding,
    /** Signature reminders mailed so far (DSN 10.1), and the last one's instant. */
    reminders: z.number(),
    lastRemindedAt: z.string().nullable(),
    /** When the next reminder will go, or null when none will (signed, nothing to sign, all sent). */
    nextReminderAt: z.string().nullable(),
  })
  .meta({ id: "ChangeRecipient" });

export const ZChangeListed = z
  .object({
    change: ZContractChange,
    recipients: z.array(ZRecipient),
    /** Recipients whose signature the change still waits for (DSN 10.1: a version signed by both parties). */
    awaitingSignatures: z.number(),
  })
  .meta({ id: "ChangeListed" });

export const ZNoticeView = z
  .object({
    id: z.string(),
    change: ZContractChange,
    direction: ZDirection,
    clause: z.string(),
    channels: z.array(z.string()),
    earliestAllowed: z.string(),
    madeAvailableAt: z.string(),
    /** The letter ("par écrit"): its fingerprint; downloaded at /api/notices/{noticeId}/letter. */
    letterSha256: z.string().nullable(),
    readAt: z.string().nullable(),
    signatureRequired: z.boolean(),
    signedAt: z.string().nullable(),
    harmfulTermination: z.boolean(),
    standing: ZChangeStanding,
    /** Services the customer may terminate without penalty today (DSN 10.2); empty when none or closed. */
    terminable: z.array(
      z.object({ subscriptionId: z.string(), catalogueItemId: z.string(), name: z.string() }),
    ),
    terminatedOn: z.string().nullable(),
  })
  .meta({ id: "ChangeNotice" });

function presentMove(move: PriceMove, locale: Locale, currency: string): z.infer<typeof ZPriceMove> {
  const words = `${priceWords(move.before, locale, currency)} → ${priceWords(move.after, locale, currency)}`;
  return { ...move, before: move.before as PriceTerms, after: move.after as PriceTerms, words, currency };
}

export function presentChange(
  change: ContractChange,
  locale: Locale,
  currency: string,
  onlyKeys?: readonly string[],
): z.infer<typeof ZContractChange> {
  const moves = (change.prices as PriceMove[]).filter((m) => !onlyKeys || onlyKeys.includes(m.priceKey));
  return {
    id: change.id,
    kind: change.kind,
    title: change.title,
    body: change.body,
    announcedOn: change.announcedOn,
    effectiveFrom: change.effectiveFrom,
    earliestAllowed: change.earliestAllowed,
    clause: change.clause,
    announcedAt: change.announcedAt.toISOString(),
    prices: moves.map((m) => presentMove(m, locale, currency)),
  };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

function noticeFields(n: Omit<ChangeNotice, "letterPdf">, change: ContractChange, day: StandingDay) {
  const signedOn = n.signedAt === null ? null : localDateIn(n.signedAt, day.timeZone);
  return {
    standing: changeStanding(
      { signatureRequired: n.signatureRequired, signedOn },
      change.effectiveFrom,
      day.today,
    ),
    direction: n.direction,
    clause: n.clause,
    channels: n.channels,
    earliestAllowed: n.earliestAllowed,
    madeAvailableAt: n.madeAvailableAt.toISOString(),
    readAt: iso(n.readAt),
    signatureRequired: n.signatureRequired,
    signedAt: iso(n.signedAt),
    harmfulTermination: n.harmfulTermination,
  };
}

export function presentListedChange(
  listed: ChangeWithRecipients,
  locale: Locale,
  currency: string,
  day: StandingDay,
): z.infer<typeof ZChangeListed> {
  return {
    change: presentChange(listed.change, locale, currency),
    recipients: listed.recipients.map((r) => ({
      noticeId: r.id,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      mailed: r.mailed,
      letter: r.letterSha256 !== null,
      reminders: r.reminders,
      lastRemindedAt: iso(r.lastRemindedAt),
      nextReminderAt: iso(nextSignatureReminder(r, SIGNATURE_REMINDERS)),
      ...noticeFields(r, listed.change, day),
    })),
    awaitingSignatures: listed.recipients.filter((r) => r.signatureRequired && r.signedAt === null).length,
  };
}

export function presentNotice(
  view: NoticeView,
  locale: Locale,
  currency: string,
  day: StandingDay,
): z.infer<typeof ZNoticeView> {
  return {
    id: view.notice.id,
    change: presentChange(view.change, locale, currency, view.notice.priceKeys),
    letterSha256: view.notice.letterSha256,
    terminable: view.terminable,
    terminatedOn: view.terminatedOn,
    ...noticeFields(view.notice, view.change, day),
  };
}
