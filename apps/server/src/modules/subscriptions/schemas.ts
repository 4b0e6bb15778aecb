import { isCivilDate } from "@guichet/domain";
import { z } from "zod";
import { ZDate } from "../../http/input-schemas.js";

/** Boundary schemas of the subscriptions area (issue 16), every success and error body declared. */
export const ZOrganisationParams = z.strictObject({ organisationId: z.uuid() });
export const ZCivilDate = ZDate.refine(isCivilDate, { message: "expected a date such as 2026-01-10" });

const ZExplained = { clause: z.string(), explanation: z.string() };

export const ZCommitmentsView = z.object({
  today: z.string(),
  /** The contract's currency: prices, fees due and quotes are in it (issue 17). */
  currency: z.string(),
  termination: z.object({
    effectiveDateGiven: z.boolean(),
    vendorClause: z.string().nullable(),
    transferClause: z.string().nullable(),
  }),
  support: z.object({
    plan: z.string(),
    planName: z.string(),
    tenancy: z.enum(["single", "multi"]).nullable(),
    since: z.string().nullable(),
    commitmentEnd: z.string().nullable(),
    ...ZExplained,
  }),
  pendingChange: z
    .object({
      plan: z.string(),
      planName: z.string(),
      effectiveFrom: z.string(),
      commitmentEnd: z.string().nullable(),
      ...ZExplained,
    })
    .nullable(),
  planChoices: z.array(z.object({ plan: z.string(), name: z.string(), rank: z.number() })),
  subscriptions: z.array(
    z.object({
      id: z.string(),
      catalogueItemId: z.string(),
      name: z.string(),
      kind: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      status: z.enum(["active", "suspended", "terminated"]),
      endsFrom: z.string().nullable(),
      monthlyPrice: z.string().nullable(),
      minimumMonths: z.number().nullable(),
      noticeMonths: z.number().nullable(),
      commitmentEnd: z.string().nullable(),
    }),
  ),
  terminations: z.array(
    z.object({
      id: z.string(),
      scope: z.enum(["contract", "service", "vendor"]),
      subscriptionId: z.string().nullable(),
      noticeReceived: z.string(),
      effectiveDate: z.string(),
      feesDue: z.string().nullable(),
      ...ZExplained,
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      vendor: z.string().nullable(),
      clause: z.string(),
      createdAt: z.string(),
      doneAt: z.string().nullable(),
    }),
  ),
  transferRequests: z.array(
    z.object({
      id: z.string(),
      recipient: z.string(),
      requestedAt: z.string(),
      quote: z.string().nullable(),
      quoteText: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

/** A decision the domain took, as the API answers it (accepted; a refusal is a 422 error body). */
export const ZDecision = z.object({
  decision: z.enum(["accepted", "refused"]),
  effectiveDate: z.string().nullable(),
  commitmentEnd: z.string().nullable(),
  feesDue: z.string().nullable(),
  /** The currency of `feesDue`: the contract's (issue 17). */
  currency: z.string(),
  ...ZExplained,
});

export const ZTerminationRecorded = ZDecision.extend({ terminationId: z.string(), tasks: z.number() });

export const ZTerminationBody = z.strictObject({
  scope: z.enum(["contract", "service"]),
  subscriptionId: z.uuid().optional(),
  noticeReceived: ZCivilDate,
  effectiveDate: ZCivilDate.optional(),
});
