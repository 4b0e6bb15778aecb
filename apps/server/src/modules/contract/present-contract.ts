import {
  type Contract,
  contractLanguages,
  contractRules,
  customerWords,
  EMAIL_ACCEPT,
  formatTarget,
  LANGUAGES,
  type Language,
  SLA_LANGUAGES,
  type SlaTarget,
  sentenceWords,
  TICKET_STATUSES,
  TICKET_VOCABULARIES,
  textLanguage,
  WEEKDAYS,
} from "@guichet/domain";
import { z } from "zod";
import { ZCustomerRole, ZLabel, ZPriority, ZTicketStatus } from "../../http/api-schemas.js";

/** What a customer is told about each way of reaching support (MCR-SUP-03, MCR-SUP-09, DSN-SUP-08). */
const ZChannels = z
  .object({
    portal: z.boolean(),
    email: z.object({
      accept: z.enum(EMAIL_ACCEPT),
      /** Absent: the deployment's desk mailbox (`deskMailAddress`). */
      address: z.string().optional(),
      senderMustBe: z.enum(["account-administrator", "named-contact", "identifier-holder"]).optional(),
      /** The subject must read "[customer's own reference] description" (MCR-SUP-09). */
      subjectNeedsReference: z.boolean(),
      clause: z.string(),
    }),
    phone: z
      .object({
        priorities: z.array(ZPriority),
        requiresExistingTicket: z.boolean(),
        clause: z.string(),
      })
      .optional(),
    clause: z.string(),
  })
  .meta({ id: "PlanChannels" });

/** The ticket lifecycle's words: status labels, categories, out-of-scope reasons (MCR-SUP-10, MCR-SUP-11). */
const ZTicketWorkflowSummary = z.object({
  /** The longest a support access grant may last (MCR-ACC-05, MCR 8.4 "temporairement"; issue 14). */
  supportTenantAccess: z
    .object({
      expiresAfter: z.object({ amount: z.number(), unit: z.string(), text: z.string() }),
      clause: z.string(),
    })
    .optional(),
  referencePrefix: z.string(),
  /**
   * What the portal calls a ticket (issue 23): the shipped texts' wording ("requests", "reports",
   * DSN-SUP-01) or the contract's nouns in the portal's sentences ("contract"); `words` are what a
   * sentence needs in each language the portal may use (sentenceWords: the nouns, and in French
   * the articles and endings agreeing with them), French and English always.
   */
  vocabulary: z.object({
    wording: z.enum([...TICKET_VOCABULARIES, "contract"]),
    words: z.partialRecord(z.enum(LANGUAGES), z.record(z.string(), z.string())),
  }),
  statuses: z.array(z.object({ id: ZTicketStatus, label: ZLabel, clause: z.string() })),
  categories: z.array(
    z.object({ id: z.string(), label: ZLabel, slaApplies: z.boolean(), clause: z.string() }),
  ),
  closing: z.object({ mode: z.enum(["confirmation-or-auto-close", "on-resolution"]), clause: z.string() }),
  /** Absent: the contract states no out-of-scope rule (issue 23). */
  outOfScope: z
    .object({
      action: z.enum(["close-with-reason", "refuse-at-deposit"]),
      reasons: z.array(z.object({ id: z.string(), label: ZLabel })),
      clause: z.string(),
    })
    .optional(),
  /** Absent: the contract has no priority dispute (support sets priorities). */
  priorityDispute: z.object({ clause: z.string() }).optional(),
});

/**
 * A business calendar as people read it: the contract's name for it when it gives one, open hours
 * per weekday, closed on public holidays or not.
 */
const ZCalendarSummary = z
  .object({
    id: z.string(),
    /** Absent: the contract names the calendar by its id only. */
    label: ZLabel.optional(),
    timeZone: z.string(),
    days: z.array(z.object({ day: z.enum(WEEKDAYS), ranges: z.array(z.tuple([z.string(), z.string()])) })),
    closedOnHolidays: z.boolean(),
  })
  .meta({ id: "CalendarSummary" });

/**
 * The clause of each rule the portal shows, and what the contract offers (GEN-01, GEN-02): read
 * from the contract file alone (packages/domain/src/contract/rules.ts); "deployment-rule" where
 * the contract has no clause for a rule the deployment applies, absent where it lacks the feature.
 */
const ZRules = z
  .object({
    invitation: z.string(),
    delegatedInvitation: z.string().optional(),
    rights: z.string(),
    customerRoles: z.array(ZCustomerRole),
    password: z.string(),
    revocation: z.object({
      clause: z.string(),
      reasons: z.array(z.object({ id: z.string(), label: ZLabel })),
      reissue: z.boolean(),
    }),
    supportGrants: z.string().optional(),
    namedContacts: z.string().optional(),
    apiTokens: z.string(),
    suspension: z.string(),
    audit: z.string(),
    maintenance: z.string().optional(),
    portalOutage: z.string().optional(),
    slaReport: z.string().optional(),
    quotas: z.string().optional(),
    securityAnnex: z
      .object({
        contacts: z.string(),
        remediationPlan: z.string().optional(),
        certificates: z.string().optional(),
      })
      .optional(),
    invoicing: z.string().optional(),
    billingSection: z.string(),
    cloudConsumption: z.string().optional(),
    invoicingFrom: z.string(),
    /** The clause the vendors' usage credits cite on their own invoice lines (MCR-BIL-03). */
    vendorCredits: z.string(),
    /** Absent: the contract states no ordering, the portal offers none (issue 23). */
    ordering: z.string().optional(),
  })
  .meta({ id: "ContractRules" });

/** The public face of the contract: what a customer may read before signing in. */
export const ZContractSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    /** The contract's own language, the portal's first (issue 23). */
    locale: z.enum(LANGUAGES),
    /** The languages the portal offers its readers: the contract's, its locale first (issue 23). */
    languages: z.array(z.enum(LANGUAGES)),
    /** The contract's billing currency (issue 17): forms asking for an amount name it. */
    currency: z.string(),
    title: ZLabel,
    provider: z.object({ name: z.string(), portalName: ZLabel, supportDeskName: ZLabel.optional() }),
    priorities: z.array(z.object({ id: ZPriority, label: ZLabel, definition: ZLabel.optional() })),
    prioritiesClause: z.string(),
    supportPlans: z.array(
      z.object({
        id: z.string(),
        name: ZLabel,
        initialResponse: z
          .array(z.object({ priority: ZPriority, target: ZLabel, calendar: z.string() }))
          .optional(),
        channels: ZChannels,
        clause: z.string(),
      }),
    ),
    calendars: z.array(ZCalendarSummary),
    ticketWorkflow: ZTicketWorkflowSummary,
    catalogue: z.array(z.object({ id: z.string(), kind: z.string(), name: ZLabel })),
    /** What the password form shows (DSN-ID-02: the strongest level recommended). */
    passwordPolicy: z.object({ minimumStrength: z.number(), recommendedStrength: z.number() }),
    /**
     * Where customers write to the desk when their plan allows e-mail: DESK_MAIL_ADDRESS, else the
     * contract's support address; null when neither is given (no address is made up).
     */
    deskMailAddress: z.string().nullable(),
    rules: ZRules,
    /** Where each clause id sits in the contract's text ("§ 8.4.3"), for the portal's clause tags. */
    clauses: z.record(z.string(), ZLabel),
  })
  .meta({ id: "ContractSummary" });

export type ContractSummary = z.infer<typeof ZContractSummary>;

function presentChannels(channels: Contract["supportPlans"][string]["channels"]) {
  const { phone } = channels;
  // No e-mail channel in the offer: shown as e-mail opening nothing, under the channels' clause.
  const email = channels.email ?? { accept: "never" as const, clause: channels.clause };
  return {
    portal: channels.portal,
    email: {
      accept: email.accept,
      address: email.address,
      senderMustBe: email.senderMustBe,
      subjectNeedsReference: email.subjectPattern?.includes("?<customerRef>") ?? false,
      clause: email.clause,
    },
    phone: phone && {
      priorities: phone.priorities,
      requiresExistingTicket: phone.requiresExistingTicket,
      clause: phone.clause,
    },
    clause: channels.clause,
  };
}

function presentWorkflow(contract: Contract, languages: Language[]): ContractSummary["ticketWorkflow"] {
  const workflow = contract.ticketWorkflow;
  const spoken = [...new Set<Language>(["fr", "en", ...languages])];
  return {
    ...(workflow.supportTenantAccess ? { supportTenantAccess: workflow.supportTenantAccess } : {}),
    referencePrefix: workflow.referencePrefix,
    vocabulary: {
      wording: workflow.vocabulary.wording,
      words: Object.fromEntries(
        // The customer's word with the ticket's: staff views name the other side as the text does (issue 13).
        spoken.map((language) => [
          language,
          { ...sentenceWords(workflow.vocabulary, language), ...customerWords(contract, language) },
        ]),
      ),
    },
    statuses: TICKET_STATUSES.flatMap((id) => {
      const status = workflow.statuses[id];
      return status ? [{ id, label: status.label, clause: status.clause }] : [];
    }),
    categories: Object.entries(workflow.categories).map(([id, category]) => ({
      id,
      label: category.label,
      slaApplies: category.slaApplies,
      clause: category.clause,
    })),
    closing: workflow.closing,
    outOfScope: workflow.outOfScope && {
      action: workflow.outOfScope.action,
      reasons: Object.entries(workflow.outOfScope.reasons).map(([id, label]) => ({ id, label })),
      clause: workflow.outOfScope.clause,
    },
    priorityDispute: workflow.priorityDispute && { clause: workflow.priorityDispute.clause },
  };
}

function presentCalendars(calendars: Contract["calendars"]): ContractSummary["calendars"] {
  return Object.entries(calendars).map(([id, calendar]) => ({
    id,
    label: calendar.label,
    timeZone: calendar.timeZone,
    days: WEEKDAYS.flatMap((day) => {
      const ranges = calendar.week[day] ?? [];
      return ranges.length ? [{ day, ranges }] : [];
    }),
    closedOnHolidays: calendar.holidayRegions.length > 0 || calendar.holidays.length > 0,
  }));
}

/**
 * A target as the plan matrix says it, in French, English and each of the contract's languages
 * (issue 23, GEN-01): in the SLA engine's words for that language, else by the fallback order.
 */
function targetLabel(contract: Contract, target: SlaTarget | undefined): z.infer<typeof ZLabel> {
  const spoken = contractLanguages(contract);
  const languages = [...new Set<Language>(["fr", "en", ...spoken])];
  // A language the contract does not speak (French or English in every label) reads its locale's.
  const reader = (language: Language) => (spoken.includes(language) ? language : (spoken[0] ?? language));
  const say = (language: Language) =>
    target ? formatTarget(target, textLanguage(reader(language), spoken, SLA_LANGUAGES)) : "";
  return {
    ...Object.fromEntries(languages.map((language) => [language, say(language)])),
    fr: say("fr"),
    en: say("en"),
  };
}

export function presentContract(contract: Contract, deskMailAddress: string | null): ContractSummary {
  return {
    id: contract.id,
    version: contract.version,
    locale: contract.locale,
    languages: contractLanguages(contract),
    currency: contract.currency,
    title: contract.title,
    provider: {
      name: contract.provider.name,
      portalName: contract.provider.portalName,
      supportDeskName: contract.provider.supportDeskName,
    },
    priorities: Object.entries(contract.priorities.levels).map(([id, level]) => ({
      id,
      label: level.label,
      definition: level.definition,
    })),
    prioritiesClause: contract.priorities.clause,
    supportPlans: Object.entries(contract.supportPlans)
      .sort(([, a], [, b]) => a.rank - b.rank)
      .map(([id, plan]) => ({
        id,
        name: plan.name,
        clause: plan.clause,
        initialResponse: plan.sla.initialResponse
          ? Object.keys(contract.priorities.levels).map((priority) => {
              const target = plan.sla.initialResponse?.targets[priority];
              return {
                priority,
                calendar: target?.calendar ?? "",
                target: targetLabel(contract, target?.target),
              };
            })
          : undefined,
        channels: presentChannels(plan.channels),
      })),
    calendars: presentCalendars(contract.calendars),
    ticketWorkflow: presentWorkflow(contract, contractLanguages(contract)),
    catalogue: contract.catalogue.items.map((item) => ({ id: item.id, kind: item.kind, name: item.name })),
    passwordPolicy: {
      minimumStrength: contract.identifierPolicy.password.minimumStrength,
      recommendedStrength: contract.identifierPolicy.password.recommendedStrength,
    },
    deskMailAddress,
    rules: contractRules(contract),
    clauses: contract.clauses ?? {},
  };
}
