import { wholesaleContracts } from "@guichet/db";
import { DEPLOYMENT_RULE, decideEligibility, decimalOf, localDateIn } from "@guichet/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { supportPlanHeld } from "./support-plan-held.js";

export const ZOrderOptions = z
  .object({
    /** Null where the contract states no ordering (issue 23): nothing is ordered through the portal. */
    requires: z.enum(["signed-order-form", "accepted-order-form"]).nullable(),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name: z.object({ fr: z.string(), en: z.string() }),
        vendor: z
          .object({ name: z.string(), termsUrl: z.string(), consoleUrl: z.string().nullable() })
          .nullable(),
        eligible: z.boolean(),
        eligibleBy: z.string().nullable(),
        conditions: z
          .object({
            documentTitle: z.string(),
            documentVersion: z.string(),
            monthlyPrice: z.string(),
            /** The price's currency: the contract's (issue 17). */
            currency: z.string(),
            minimumMonths: z.number(),
            terminationNoticeMonths: z.number(),
            demo: z.boolean(),
          })
          .nullable(),
      }),
    ),
    supportPlans: z.array(z.object({ id: z.string(), name: z.object({ fr: z.string(), en: z.string() }) })),
    defaultSupportPlan: z.string(),
    /** MCR: the plan the customer already has, which a new order keeps (MCR-SUP-02 changes it). */
    supportPlanHeld: z.string().nullable(),
    /** Who may order: anyone, or by the wholesale contracts the provider records (DSN-ORD-01). */
    eligibility: z.enum(["any", "wholesale-contracts"]).nullable(),
    clause: z.string(),
  })
  .meta({ id: "OrderOptions" });

/**
 * What an organisation may order today (issue 16): the catalogue's cloud accounts (MCR 7.1) with
 * their vendor's conditions to accept, or its e-services (DSN annex 1) with the wholesale contract
 * that allows each (DSN-ORD-01) and the specific conditions in force; the support plans to choose.
 */
export async function orderOptions(
  context: AppContext,
  organisationId: string,
  now: Date,
): Promise<z.infer<typeof ZOrderOptions>> {
  const { contract } = context;
  const { db } = context.database;
  const today = localDateIn(now, timeZoneOf(contract));
  const { ordering } = contract.catalogue;
  if (!ordering) {
    // The offer says nothing of ordering: the portal offers none, rather than inventing a way.
    return {
      requires: null,
      items: [],
      supportPlans: [],
      defaultSupportPlan: contract.defaultSupportPlan,
      supportPlanHeld: null,
      eligibility: null,
      clause: DEPLOYMENT_RULE,
    };
  }
  const orderForm = ordering.requires === "signed-order-form";
  const contracts = await db
    .select()
    .from(wholesaleContracts)
    .where(eq(wholesaleContracts.organisationId, organisationId));
  const items = [];
  for (const item of contract.catalogue.items) {
    if (item.included || item.kind !== (orderForm ? "e-service" : "cloud")) continue;
    const eligibility = decideEligibility(ordering.eligibility, contracts, item.id, today, ordering.clause);
    const conditions = orderForm ? await readConditionsInForce(db, item.id, today) : null;
    items.push({
      id: item.id,
      kind: item.kind,
      name: item.name,
      vendor: item.vendor
        ? {
            name: item.vendor.name,
            termsUrl: item.vendor.termsUrl,
            consoleUrl: item.vendor.consoleUrl ?? null,
          }
        : null,
      eligible: eligibility.eligible,
      eligibleBy:
        eligibility.eligible && eligibility.basis !== "any"
          ? `${eligibility.basis.title} (${eligibility.basis.reference})`
          : null,
      conditions: conditions
        ? {
            documentTitle: conditions.documentTitle,
            documentVersion: conditions.documentVersion,
            monthlyPrice: decimalOf(conditions.monthlyPriceCents),
            currency: contract.currency,
            minimumMonths: conditions.minimumMonths,
            terminationNoticeMonths: conditions.terminationNoticeMonths,
            demo: conditions.demo,
          }
        : null,
    });
  }
  return {
    requires: ordering.requires,
    items,
    supportPlans: orderForm
      ? []
      : Object.entries(contract.supportPlans).map(([id, plan]) => ({ id, name: plan.name })),
    defaultSupportPlan: contract.defaultSupportPlan,
    supportPlanHeld: orderForm ? null : await supportPlanHeld(db, contract, organisationId, today),
    eligibility: ordering.eligibility,
    clause: ordering.clause,
  };
}
