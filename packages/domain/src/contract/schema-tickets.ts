import { z } from "zod";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZCalendarDuration, ZTerm } from "./duration.js";
import { expecting, LANGUAGES, type Language, ZKey, ZLabel, ZText } from "./primitives.js";

/**
 * How tickets live: statuses and their labels, categories, closing, notifications, scope
 * refusals, priority disputes, scheduled maintenance. Deadlines themselves are in `sla`.
 */

const ZStatus = z.strictObject({ label: ZLabel, clause: ZClauseId });

/** Status ids are fixed (the SLA engine pauses on them); the contract gives their labels. */
export const ZStatuses = z.strictObject({
  new: ZStatus,
  in_progress: ZStatus,
  on_hold: ZStatus.optional(),
  resolved: ZStatus,
  closed: ZStatus,
});

export const ZTicketCategory = z.strictObject({
  label: ZLabel,
  /** Whether the plan's SLA targets run for tickets of this category. */
  slaApplies: z.boolean(),
  clause: ZClauseId,
});

export const ZClosing = z.strictObject({
  /**
   * "confirmation-or-auto-close": resolved, then closed when the customer confirms or by
   * sla.autoClose (MCR-SUP-10). "on-resolution": the resolution report closes the ticket.
   */
  mode: z.enum(["confirmation-or-auto-close", "on-resolution"]),
  clause: ZClauseId,
});

/** E-mails the desk sends on ticket events, each with the clause that asks for it. */
export const ZEmailNotifications = z.strictObject({
  created: ZClauseId.optional(),
  infoRequested: ZClauseId.optional(),
  statusChanged: ZClauseId.optional(),
  resolved: ZClauseId.optional(),
});

export const ZOutOfScope = z.strictObject({
  /** "close-with-reason": closed automatically, reason given (MCR-SUP-11); "refuse-at-deposit": not created. */
  action: z.enum(["close-with-reason", "refuse-at-deposit"]),
  reasons: z.record(ZKey, ZLabel),
  clause: ZClauseId,
});

export const ZPriorityDispute = z.strictObject({
  /** Status while the customer justifies its priority (clocks pause per sla.clockPolicy). */
  holdStatus: z.literal("on_hold"),
  directions: z.array(z.enum(["lower", "raise"])).min(1),
  /** Who decides in the end. */
  finalSay: z.literal("provider"),
  clause: ZClauseId,
});

export const ZMaintenance = z.strictObject({
  notice: ZTerm,
  channels: z.array(z.enum(["portal", "email"])).min(1),
  announces: z.array(z.enum(["dates", "times", "expected-durations"])).min(1),
  /** Scheduled maintenance is not an incident (DSN-SUP-07). */
  countsAsIncident: z.boolean(),
  clause: ZClauseId,
});

export const NAMED_CONTACT_FIELDS = [
  "lastName",
  "firstName",
  "function",
  "email",
  "phone",
  "availability",
] as const;

/**
 * The two wordings the shipped contracts' texts use: "demandes" one opens (MCR-POR-01), or
 * "signalisations" one deposits on e-soutien (DSN-SUP-01), each with its own verbs.
 */
export const TICKET_VOCABULARIES = ["requests", "reports"] as const;
export type TicketVocabulary = (typeof TICKET_VOCABULARIES)[number];

const ZNouns = z.strictObject({ singular: ZText, plural: ZText });
/** French nouns carry their gender: the portal's sentences agree with it ("Nouveau dossier"). */
export const ZFrenchNouns = ZNouns.extend({ gender: z.enum(["feminine", "masculine"]) });
export { ZNouns };

const ZGenderedNouns = ZNouns.extend({ gender: z.enum(["feminine", "masculine", "neuter"]).optional() });

/** What a ticket is called in one language. */
export type TicketNouns = { singular: string; plural: string; gender?: "feminine" | "masculine" | "neuter" };

/** The portal's own words where a contract gives none in a language: "demande", "request". */
const DEFAULT_NOUNS = {
  fr: { singular: "demande", plural: "demandes", gender: "feminine" },
  en: { singular: "request", plural: "requests" },
} as const satisfies Record<"fr" | "en", TicketNouns>;

const PRESET_NOUNS: Record<TicketVocabulary, Record<"fr" | "en", TicketNouns>> = {
  requests: DEFAULT_NOUNS,
  reports: {
    fr: { singular: "signalisation", plural: "signalisations", gender: "feminine" },
    en: { singular: "report", plural: "reports" },
  },
};

/**
 * What the contract calls a ticket, read (issue 23): `wording` is "requests" or "reports" for the
 * shipped texts' own sentences, "contract" for the contract's nouns in the portal's sentences;
 * `nouns` has French and English always (the portal's default words where the contract gives
 * none) and the contract's other languages; `written` the languages the contract wrote.
 */
export interface TicketWords {
  wording: TicketVocabulary | "contract";
  nouns: { fr: TicketNouns; en: TicketNouns } & Partial<Record<Language, TicketNouns>>;
  written: Language[];
}

/**
 * A ticket's name as the contract says it, in each of its languages (issue 23): `{ fr: { singular:
 * dossier, plural: dossiers, gender: masculine }, en: { singular: case, plural: cases } }`,
 * required in the contract's locale; or one of the shipped wordings, "requests" or "reports".
 */
export const ZVocabulary = z
  .union([
    z.enum(TICKET_VOCABULARIES),
    z.strictObject({
      fr: ZFrenchNouns.optional(),
      en: ZNouns.optional(),
      de: ZGenderedNouns.optional(),
      it: ZGenderedNouns.optional(),
      nl: ZGenderedNouns.optional(),
    }),
  ])
  .transform((vocabulary): TicketWords => {
    if (typeof vocabulary === "string") {
      return { wording: vocabulary, nouns: { ...PRESET_NOUNS[vocabulary] }, written: ["fr", "en"] };
    }
    return {
      wording: "contract",
      nouns: { ...vocabulary, fr: vocabulary.fr ?? DEFAULT_NOUNS.fr, en: vocabulary.en ?? DEFAULT_NOUNS.en },
      written: LANGUAGES.filter((language) => vocabulary[language] !== undefined),
    };
  });

export const ZTicketWorkflow = z.strictObject({
  /** Prefix of ticket numbers shown to customers, e.g. "MCR" in "MCR-000123". */
  referencePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, {
    error: expecting('expected 2 to 8 capital letters or digits such as "MCR"'),
  }),
  /**
   * What the portal and the desk's mails call a ticket (issue 23): the contract's nouns, or one of
   * the shipped wordings; absent: "demande" / "request".
   */
  vocabulary: ZVocabulary.prefault("requests"),
  statuses: ZStatuses,
  categories: z.record(ZKey, ZTicketCategory),
  closing: ZClosing,
  /** Absent: the offer promises no e-mail on ticket events, and none is sent (issue 23). */
  emailNotifications: ZEmailNotifications.prefault({}),
  /** An e-mail answering a ticket joins it (MCR-SUP-03, DSN-SUP-03). */
  emailReplies: z.strictObject({ joinTicket: z.boolean(), clause: ZClauseId }).optional(),
  /**
   * Absent where the offer states no out-of-scope rule (issue 23): a ticket outside a plan's scope
   * is refused at deposit, citing the plan's scope, and support closes with no listed reason.
   */
  outOfScope: ZOutOfScope.optional(),
  priorityDispute: ZPriorityDispute.optional(),
  maintenance: ZMaintenance.optional(),
  /** What a named contact's record must hold (MCR-SUP-04). */
  namedContactFields: z
    .strictObject({ required: z.array(z.enum(NAMED_CONTACT_FIELDS)).min(1), clause: ZClauseId })
    .optional(),
  /** A support engineer invited into the customer's tenant loses the access by itself after this (MCR-ACC-05). */
  supportTenantAccess: z.strictObject({ expiresAfter: ZCalendarDuration, clause: ZClauseId }).optional(),
});

export type TicketWorkflow = z.infer<typeof ZTicketWorkflow>;
