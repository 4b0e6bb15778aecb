import { localDateIn } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { principalOf } from "../../auth/plugin.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { ZNoContent } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { billingPolicy } from "../../policies/billing-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { ZVendorNames } from "./cost-vendors.js";
import { deleteBudget } from "./delete-budget.js";
import { listBudgets } from "./list-budgets.js";
import { saveBudget } from "./save-budget.js";

const ZPerson = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), email: z.string() });

const ZBudgets = z
  .object({
    month: z.string(),
    /** The contract's billing currency: budgets, consumption and alerts are in it (issue 17). */
    currency: z.string(),
    items: z.array(
      z.object({
        id: z.uuid(),
        vendor: z.string().nullable(),
        amount: z.string(),
        thresholds: z.array(z.number().int()),
        recipients: z.array(ZPerson),
        actual: z.string().nullable(),
        forecast: z.string().nullable(),
        alerts: z.array(
          z.object({
            month: z.string(),
            threshold: z.number().int(),
            basis: z.enum(["actual", "forecast"]),
            spent: z.string(),
            sentAt: z.string(),
          }),
        ),
      }),
    ),
    vendors: z.array(z.string()),
    vendorNames: ZVendorNames,
    people: z.array(ZPerson),
  })
  .meta({ id: "Budgets" });

const ZSaved = z.object({
  budgetId: z.uuid(),
  created: z.boolean(),
  alertsSent: z.array(
    z.object({
      threshold: z.number().int(),
      basis: z.enum(["actual", "forecast"]),
      recipients: z.number().int(),
    }),
  ),
});

/** "1000", "1000.5", "1000.50" of the contract's currency to cents, without a float. */
function centsOf(amount: string): number {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/**
 * Budgets and alerts (MCR 6.1.2 "gestion budgétaire (alertes)", MCR-BIL-04): the customer's
 * administrators set monthly budgets for the whole account or per vendor, with thresholds and the
 * people to warn; its billing readers and the provider's billing staff read them.
 */
export function budgetRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const currentMonth = () => localDateIn(context.clock(), timeZoneOf(context.contract)).slice(0, 7);

  return async (app) => {
    app.get(
      "/api/budgets",
      {
        schema: {
          tags: ["billing"],
          summary:
            "A customer's monthly budgets with this month's consumption and forecast they are compared with, the alerts sent (newest month first), " +
            "the vendors it has costs with and the people it may warn — customer administrator or billing reader, provider billing staff",
          querystring: z.strictObject({ organisationId: z.uuid().optional() }),
          response: { 200: ZBudgets },
        },
      },
      async (request) => {
        const organisationId = request.query.organisationId ?? tenantOf(principalOf(request));
        authorize(request, (p) => billingPolicy.viewCosts(p, organisationId));
        return listBudgets(context, db, organisationId, currentMonth());
      },
    );

    app.post(
      "/api/budgets",
      {
        schema: {
          tags: ["billing"],
          summary:
            "Set the monthly budget of a scope (the whole account when `vendor` is null, else one vendor), in the contract's currency excluding VAT, with thresholds in percent " +
            "and the customer's people to warn; saving a scope again replaces its budget. Checked at once against this month: alerts due are mailed — customer administrator",
          body: z.strictObject({
            vendor: z.string().min(1).max(100).nullable(),
            amount: z
              .string()
              .regex(/^\d{1,8}(\.\d{1,2})?$/)
              .refine((v) => Number(v) > 0, { error: "more than 0" }),
            thresholds: z.array(z.number().int().min(1).max(1000)).min(1).max(6),
            recipientUserIds: z.array(z.uuid()).min(1).max(20),
          }),
          response: { 200: ZSaved, 201: ZSaved },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const organisationId = tenantOf(principal);
        authorize(request, (p) => billingPolicy.manageBudgets(p, organisationId));
        const locale = negotiateLocale(request.headers["accept-language"]);
        const now = context.clock();
        const result = await saveBudget(
          context,
          db,
          organisationId,
          { ...request.body, amountCents: centsOf(request.body.amount) },
          currentMonth(),
          actorOf(principal, request),
          now,
        );
        if (!result.ok)
          throw new AppError("validation_failed", t(locale, "budgets.unknown_recipient"), {
            field: "recipientUserIds",
            userId: result.userId,
          });
        return reply.code(result.created ? 201 : 200).send({
          budgetId: result.budgetId,
          created: result.created,
          alertsSent: result.check.sent.map(({ threshold, basis, recipients }) => ({
            threshold,
            basis,
            recipients,
          })),
        });
      },
    );

    app.delete(
      "/api/budgets/:budgetId",
      {
        schema: {
          tags: ["billing"],
          summary: "Remove a budget: no more alerts for its scope — customer administrator",
          params: z.strictObject({ budgetId: z.uuid() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const organisationId = tenantOf(principal);
        authorize(request, (p) => billingPolicy.manageBudgets(p, organisationId));
        const removed = await deleteBudget(
          db,
          organisationId,
          request.params.budgetId,
          actorOf(principal, request),
          context.clock(),
        );
        if (!removed) throw notFound(request, "budget");
        return reply.code(204).send(null);
      },
    );
  };
}
