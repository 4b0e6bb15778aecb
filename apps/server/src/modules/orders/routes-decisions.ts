import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { AppError } from "../../http/errors.js";
import { ZDate, ZWritten } from "../../http/input-schemas.js";
import { authorize } from "../../policies/authorize.js";
import { orderPolicy } from "../../policies/order-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { acceptOrder } from "./accept-order.js";
import { activateOrder } from "./activate-order.js";
import { listOrders, ZOrderView } from "./list-orders.js";
import { orderError } from "./order-refusal.js";
import { markIdentifiersSent, refuseOrder } from "./refuse-order.js";
import { ZOrderParams } from "./routes.js";
import { listWholesaleContracts, recordWholesaleContract } from "./wholesale-contracts.js";

const ZWholesaleContract = z
  .object({
    id: z.string(),
    title: z.string(),
    reference: z.string(),
    allowsItems: z.array(z.string()),
    signedOn: z.string(),
    endsOn: z.string().nullable(),
  })
  .meta({ id: "WholesaleContract" });

/** The provider's side of orders: the list, deciding, identifiers, wholesale contracts (issue 16). */
export function orderDecisionRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/orders",
      {
        schema: {
          tags: ["orders"],
          summary: "Every customer's orders, newest first (provider staff)",
          response: { 200: z.array(ZOrderView) },
        },
      },
      async (request) => {
        authorize(request, orderPolicy.listAll);
        return listOrders(db);
      },
    );

    const decision = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      decide: (
        actor: ReturnType<typeof actorOf>,
        orderId: string,
        input: z.infer<B>,
      ) => Promise<{ ok: true } | ({ ok: false } & Parameters<typeof orderError>[1])>,
    ) =>
      app.post(
        `/api/orders/:orderId/${path}`,
        {
          schema: {
            tags: ["orders"],
            summary,
            params: ZOrderParams,
            body,
            response: { 200: ZOrderView, 404: ZErrorBody, 409: ZErrorBody, 422: ZErrorBody },
          },
        },
        async (request) => {
          const principal = authorize(request, orderPolicy.decide);
          const outcome = await decide(
            actorOf(principal, request),
            request.params.orderId,
            request.body as z.infer<B>,
          );
          if (!outcome.ok) throw orderError(request, outcome);
          const [view] = await listOrders(db, { orderId: request.params.orderId });
          if (!view) throw orderError(request, { reason: "not_found" });
          return view;
        },
      );

    decision(
      "accept",
      "Accept an MCR order: the vendor account created is recorded with its console link (MCR-ACC-04); the administrators get the confirmation with the password link (MCR-ACC-01). Once: a second acceptance is refused",
      z.strictObject({
        vendorAccountId: ZWritten(200),
        billingAccountId: ZWritten(200).optional(),
        consoleUrl: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .optional(),
      }),
      (actor, orderId, body) => acceptOrder(context, actor, { orderId, ...body }, context.clock()),
    );
    decision(
      "activate",
      "Sign a received order form and set the activation date: the contract takes effect at the last signature (DSN-ORD-02)",
      z.strictObject({ activationOn: ZDate }),
      (actor, orderId, body) => activateOrder(context, actor, { orderId, ...body }, context.clock()),
    );
    decision(
      "refuse",
      "Refuse an order not yet accepted or activated, with the reason",
      z.strictObject({ reason: ZWritten(1000) }),
      (actor, orderId, body) =>
        refuseOrder(context, actor, { orderId, reason: body.reason }, context.clock()),
    );
    decision(
      "identifiers-sent",
      "Record that the identifiers of the people designated were sent (DSN-ID-02)",
      z.strictObject({}),
      (actor, orderId) => markIdentifiersSent(context, actor, orderId, context.clock()),
    );

    app.get(
      "/api/organisations/:organisationId/wholesale-contracts",
      {
        schema: {
          tags: ["orders"],
          summary:
            "The wholesale contracts an operator holds, which make it eligible to e-services (DSN-ORD-01)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZWholesaleContract) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return listWholesaleContracts(context, organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/wholesale-contracts",
      {
        schema: {
          tags: ["orders"],
          summary: "Record a wholesale contract an operator holds and the e-services it allows (DSN-ORD-01)",
          params: ZOrganisationParams,
          body: z.strictObject({
            title: ZWritten(200),
            reference: ZWritten(100),
            allowsItems: z.array(ZWritten(100)).min(1).max(50),
            signedOn: ZDate,
            endsOn: ZDate.nullable().default(null),
          }),
          response: { 201: z.object({ id: z.string() }), 400: ZErrorBody },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, orderPolicy.recordWholesaleContract);
        const outcome = await recordWholesaleContract(
          context,
          actorOf(principal, request),
          { organisationId: request.params.organisationId, ...request.body },
          context.clock(),
        );
        if (!outcome.ok) {
          throw new AppError("validation_failed", `allowsItems: ${outcome.unknownItems.join(", ")}`, {
            field: "allowsItems",
            unknownItems: outcome.unknownItems,
          });
        }
        return reply.code(201).send({ id: outcome.id });
      },
    );
  };
}
