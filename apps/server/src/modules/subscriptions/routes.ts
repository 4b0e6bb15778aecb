import { organisations, subscriptions } from "@guichet/db";
import { localDateIn } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { commitmentPolicy } from "../../policies/commitment-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { cancelPlanChange } from "./cancel-plan-change.js";
import { commitmentsView } from "./commitments-view.js";
import { presentDecision, refusedDecision } from "./present-decision.js";
import { requestPlanChange } from "./request-plan-change.js";
import { ZCommitmentsView, ZDecision, ZOrganisationParams } from "./schemas.js";
import { terminationLetter } from "./termination-letter.js";

/** A customer's plan, its changes and its subscriptions in time (issue 16, MCR-SUP-02). */
export function commitmentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const { contract } = context;
  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/commitments",
      {
        schema: {
          tags: ["subscriptions"],
          summary:
            "The plan in force, the change to come, the commitment's end, subscriptions and terminations, explained",
          params: ZOrganisationParams,
          response: { 200: ZCommitmentsView },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => commitmentPolicy.view(p, organisationId));
        const [organisation] = await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "customer")));
        if (!organisation) throw notFound(request, "organisation");
        const locale = negotiateLocale(request.headers["accept-language"]);
        return commitmentsView(
          db,
          contract,
          organisationId,
          context.clock(),
          locale,
          commitmentPolicy.viewTasks(principal),
        );
      },
    );

    app.post(
      "/api/organisations/:organisationId/plan-change",
      {
        schema: {
          tags: ["subscriptions"],
          summary:
            "Change the support plan from the next calendar month (MCR-SUP-02); a refusal cites the clause and the earliest date",
          params: ZOrganisationParams,
          body: z.strictObject({ to: ZText.min(1).max(64) }),
          response: { 200: ZDecision },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => commitmentPolicy.changePlan(p, organisationId));
        const decision = await requestPlanChange(
          db,
          contract,
          actorOf(principal, request),
          { organisationId, to: request.body.to },
          context.clock(),
        );
        if (decision.decision !== "accepted") throw refusedDecision(request, contract, decision);
        return presentDecision(request, contract, decision);
      },
    );

    app.post(
      "/api/organisations/:organisationId/plan-change/cancellation",
      {
        schema: {
          tags: ["subscriptions"],
          summary:
            "Cancel the support plan change to come, before its effective date (issue 16, MCR-SUP-02): the plan in force and its commitment go on, audited; " +
            "refused once the change is in force, naming since when — the customer with the right to change its plan, or staff for it",
          params: ZOrganisationParams,
          response: { 200: ZDecision },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => commitmentPolicy.changePlan(p, organisationId));
        const decision = await cancelPlanChange(
          db,
          contract,
          actorOf(principal, request),
          organisationId,
          context.clock(),
        );
        if (decision.decision !== "accepted") throw refusedDecision(request, contract, decision);
        return presentDecision(request, contract, decision);
      },
    );

    app.get(
      "/api/organisations/:organisationId/termination-letter",
      {
        schema: {
          tags: ["subscriptions"],
          summary:
            "The registered letter terminating the contract or one e-service, for the customer to send (DSN-ORD-04)",
          params: ZOrganisationParams,
          querystring: z.strictObject({ subscriptionId: z.uuid().optional() }),
          response: { 200: z.string() },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        authorize(request, (p) => commitmentPolicy.letter(p, organisationId));
        const [organisation] = await db
          .select({ name: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "customer")));
        if (!organisation) throw notFound(request, "organisation");
        let serviceName: string | undefined;
        if (request.query.subscriptionId) {
          const [held] = await db
            .select({ item: subscriptions.catalogueItemId })
            .from(subscriptions)
            .where(
              and(
                eq(subscriptions.id, request.query.subscriptionId),
                eq(subscriptions.organisationId, organisationId),
              ),
            );
          if (!held) throw notFound(request, "subscription");
          serviceName = contract.catalogue.items.find((i) => i.id === held.item)?.name.fr ?? held.item;
        }
        const letter = terminationLetter(contract, {
          customerName: organisation.name,
          scope: serviceName ? "service" : "contract",
          serviceName,
          today: localDateIn(context.clock(), timeZoneOf(contract)),
        });
        return reply
          .header("content-type", "text/plain; charset=utf-8")
          .header("content-disposition", 'attachment; filename="lettre-resiliation.txt"')
          .send(letter);
      },
    );
  };
}
