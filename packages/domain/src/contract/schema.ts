import { z } from "zod";
import { ZCalendarSpec } from "../calendar/spec.js";
import { ZAutoClose, ZClockPolicy } from "../sla/policy-schema.js";
import { checkCrossReferences } from "./cross-references.js";
import {
  fillLabels,
  LANGUAGES,
  type Language,
  ZCurrency,
  ZEmailAddress,
  ZKey,
  ZLabel,
  ZText,
  ZWebAddress,
} from "./primitives.js";
import { ZIdentifierPolicy, ZSecurity } from "./schema-accounts.js";
import { ZCatalogue, ZPrice } from "./schema-catalogue.js";
import { ZInvoicing } from "./schema-invoicing.js";
import { ZPriorities, ZSupportPlan } from "./schema-support.js";
import { ZCommitments, ZLiability, ZNews, ZNotices } from "./schema-terms.js";
import { ZFrenchNouns, ZNouns, ZTicketWorkflow } from "./schema-tickets.js";

/**
 * A contract file (GEN-01): one provider's relationship, written once, run by Guichet.
 * Every object refuses unknown keys, so a misspelt key is an error and not a silent default.
 * After the shape is valid, a cross-reference pass checks that every name used is defined
 * (calendars, plans, prices, categories, catalogue items) — see cross-references.ts.
 */

export const ZProvider = z.strictObject({
  name: ZText,
  legalName: ZText.optional(),
  registrationNumber: ZText.optional(),
  /** The customer portal's name, as customers know it. */
  portalName: ZLabel,
  /** The support desk's name, where it has one (DSN "e-soutien"). */
  supportDeskName: ZLabel.optional(),
  website: ZWebAddress.optional(),
  /**
   * What the text calls the provider's customer (issue 13): "le Client" (MCR), "l'Opérateur"
   * (DSN). Staff views name that side by it ("Hugo Bernard (Opérateur)"); absent: client, customer.
   */
  customerNouns: z.strictObject({ fr: ZFrenchNouns.optional(), en: ZNouns.optional() }).optional(),
  contacts: z.strictObject({
    supportEmail: ZEmailAddress.optional(),
    securityEmail: ZEmailAddress.optional(),
    supportUrl: ZWebAddress.optional(),
  }),
});

export const ZContractSla = z.strictObject({
  clockPolicy: ZClockPolicy.prefault({}),
  /** Required when ticketWorkflow.closing.mode is "confirmation-or-auto-close". */
  autoClose: ZAutoClose.optional(),
});

export const ZContractShape = z.strictObject({
  /** Stable id of the deployment, e.g. "acme-cloud"; the database is bound to it. */
  id: ZKey,
  /** Version of this contract file. */
  version: ZText,
  /** Title of the contractual text the file is written from, and that text's own edition. */
  title: ZLabel,
  edition: ZText.optional(),
  /**
   * The contract's own language (issue 23): every label is written in it at least; the portal
   * opens in it, the start-up banner and the provider's names read in it.
   */
  locale: z.enum(LANGUAGES).default("fr"),
  /** The main currency (invoices, reports); every amount carries its own currency ("149 CHF"). */
  currency: ZCurrency.default("EUR"),
  /** Other currencies the provider bills in (issue 23: CHF and EUR…); absent: `currency` only. */
  currencies: z.array(ZCurrency).min(1).optional(),
  /**
   * The languages the contract's texts are written in, its `locale` first (issue 23), the ones the
   * portal offers its readers; absent: the locale only. A label is required in the locale only.
   */
  languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  provider: ZProvider,
  calendars: z.record(ZKey, ZCalendarSpec),
  sla: ZContractSla,
  priorities: ZPriorities,
  /** The plan a customer has when it subscribes to none. */
  defaultSupportPlan: ZKey,
  supportPlans: z.record(ZKey, ZSupportPlan),
  ticketWorkflow: ZTicketWorkflow,
  identifierPolicy: ZIdentifierPolicy,
  security: ZSecurity.optional(),
  /**
   * Where each clause id the file cites sits in the contract's text ("§ 8.4.3", "annexe 3 § 1a"),
   * shown to customers in place of the bare id (issue 13); absent: the id is shown.
   */
  clauses: z.record(z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/), ZLabel).optional(),
  catalogue: ZCatalogue,
  prices: z.record(ZKey, ZPrice),
  notices: ZNotices,
  /** The news page and incidents announced (DSN-POR-01, MCR 8.2.4); absent: the deployment's rule. */
  news: ZNews.optional(),
  commitments: ZCommitments,
  /** Absent: the contract text sets no ceiling. */
  liability: ZLiability.optional(),
  /** The seller's identity and payment terms on invoices; absent: no invoice is issued. */
  invoicing: ZInvoicing.optional(),
});

export type ContractShape = z.infer<typeof ZContractShape>;

/**
 * Cross-references are checked only once every value has the right form: a misspelt id is
 * then reported once (as malformed), not a second time as undefined.
 */
export const ZContract = ZContractShape.superRefine(checkCrossReferences, {
  when: (payload) => payload.issues.length === 0,
}).transform((contract) => {
  fillLabels(contract, contractLanguages(contract));
  return contract;
});

/** The languages a contract speaks, its locale first (issue 23). */
export function contractLanguages(contract: Pick<ContractShape, "locale" | "languages">): Language[] {
  return contract.languages ?? [contract.locale];
}

/** A validated contract, durations, amounts and targets parsed. */
export type Contract = z.output<typeof ZContract>;
/** A contract as written in the file. */
export type ContractInput = z.input<typeof ZContract>;
