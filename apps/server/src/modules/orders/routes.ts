import { randomUUID } from "node:crypto";
import { orderDocuments, orders } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { ZText, ZWritten } from "../../http/input-schemas.js";
import { authorize } from "../../policies/authorize.js";
import { orderPolicy } from "../../policies/order-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { listOrders, ZOrderView } from "./list-orders.js";
import { orderOptions, ZOrderOptions } from "./order-options.js";
import { orderError } from "./order-refusal.js";
import { type Signature, signOrder } from "./sign-order.js";
import { submitOrder } from "./submit-order.js";
import { listVendorAccounts } from "./vendor-accounts.js";

const ZVendorAccount = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    catalogueItemId: z.string(),
    vendorAccountId: z.string(),
    billingAccountId: z.string().nullable(),
    consoleUrl: z.string(),
    orderId: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "VendorAccount" });

export const ZOrderParams = z.strictObject({ orderId: z.uuid() });
const ZSigner = {
  signerName: ZWritten(200),
  signerRole: ZWritten(200),
};

/** Orders from the customer's side: ordering, the order form, signing it (issue 16). */
export function orderRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  /** The order's organisation, as the caller's tenant lets it be seen: others' orders are not found. */
  const organisationOf = async (request: FastifyRequest, orderId: string) => {
    const [order] = await db
      .select({ organisationId: orders.organisationId })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!order) throw orderError(request, { reason: "not_found" });
    return order.organisationId;
  };
  const present = async (request: FastifyRequest, orderId: string) => {
    const [view] = await listOrders(db, { orderId });
    if (!view) throw orderError(request, { reason: "not_found" });
    return view;
  };
  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/orders",
      {
        schema: {
          tags: ["orders"],
          summary: "An organisation's orders, newest first, with their state and what each step recorded",
          params: ZOrganisationParams,
          response: { 200: z.array(ZOrderView) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return listOrders(db, { organisationId });
      },
    );

    app.get(
      "/api/organisations/:organisationId/order-options",
      {
        schema: {
          tags: ["orders"],
          summary:
            "What the organisation may order today: cloud accounts and their vendor's conditions (MCR 7.1), or e-services with the wholesale contract allowing each (DSN-ORD-01) and their specific conditions",
          params: ZOrganisationParams,
          response: { 200: ZOrderOptions },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return orderOptions(context, organisationId, context.clock());
      },
    );

    app.get(
      "/api/organisations/:organisationId/vendor-accounts",
      {
        schema: {
          tags: ["orders"],
          summary: "The customer's cloud vendor accounts with their console links (MCR-ACC-04)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZVendorAccount) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return listVendorAccounts(db, organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/orders",
      {
        schema: {
          tags: ["orders"],
          summary:
            "Order a catalogue item: a cloud account with its vendor's conditions accepted (MCR), or an e-service by an order form to sign (DSN-ORD-01). Idempotency-Key: the same key answers the same order",
          params: ZOrganisationParams,
          headers: z.object({ "idempotency-key": ZWritten(200).min(8).optional() }),
          body: z.strictObject({
            catalogueItemId: ZWritten(100),
            supportPlan: ZWritten(50).optional(),
            tenancy: z.enum(["single", "multi"]).optional(),
            vendorTerms: z.strictObject({ accepted: z.boolean(), url: ZText.max(500) }).optional(),
            /** The same as the Idempotency-Key header, for clients that cannot set one (the portal). */
            idempotencyKey: ZWritten(200).min(8).optional(),
          }),
          response: { 200: ZOrderView, 201: ZOrderView, 403: ZErrorBody, 409: ZErrorBody, 422: ZErrorBody },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => orderPolicy.order(p, organisationId));
        const { idempotencyKey, ...body } = request.body;
        const outcome = await submitOrder(
          context,
          actorOf(principal, request),
          {
            organisationId,
            ...body,
            idempotencyKey: request.headers["idempotency-key"] ?? idempotencyKey ?? randomUUID(),
            orderedBy: { userId: principal.userId, name: principal.displayName },
          },
          context.clock(),
        );
        if (!outcome.ok) throw orderError(request, outcome);
        return reply.code(outcome.replayed ? 200 : 201).send(await present(request, outcome.orderId));
      },
    );

    app.get(
      "/api/orders/:orderId",
      {
        schema: {
          tags: ["orders"],
          summary: "One order",
          params: ZOrderParams,
          response: { 200: ZOrderView },
        },
      },
      async (request) => {
        const organisationId = await organisationOf(request, request.params.orderId);
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return present(request, request.params.orderId);
      },
    );

    app.get(
      "/api/orders/:orderId/order-form.pdf",
      {
        // Content-Security-Policy `sandbox` and nosniff (security-headers.ts): a document is never run.
        config: { securityHeaders: "download" },
        schema: {
          tags: ["orders"],
          summary:
            "The order form generated for this order, the exact bytes whose SHA-256 a signature covers",
          params: ZOrderParams,
          response: {
            200: {
              description: "The order form's PDF",
              content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
            },
          },
        },
      },
      async (request, reply) => {
        const organisationId = await organisationOf(request, request.params.orderId);
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        const [form] = await db
          .select()
          .from(orderDocuments)
          .where(
            and(eq(orderDocuments.orderId, request.params.orderId), eq(orderDocuments.kind, "order_form")),
          );
        if (!form) throw orderError(request, { reason: "not_an_order_form" });
        // Bytes go out as they are (Fastify serializes no Buffer): the route's schema documents them.
        const bytesReply: FastifyReply = reply;
        return bytesReply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="bon-de-commande-${request.params.orderId}.pdf"`)
          .header("x-content-sha256", form.sha256)
          .send(form.content);
      },
    );

    const sign = async (request: FastifyRequest, orderId: string, signature: Signature) => {
      const organisationId = await organisationOf(request, orderId);
      const principal = authorize(request, (p) => orderPolicy.sign(p, organisationId));
      const outcome = await signOrder(
        context,
        actorOf(principal, request),
        { orderId, signerUserId: principal.userId, ip: request.ip ?? null, signature },
        context.clock(),
      );
      if (!outcome.ok) throw orderError(request, outcome);
      return present(request, orderId);
    };

    app.post(
      "/api/orders/:orderId/signature",
      {
        schema: {
          tags: ["orders"],
          summary:
            "Sign the order form in the portal (a person with the right): name, role, instant, address and the SHA-256 of the exact PDF; it is received then (DSN-ORD-03, DSN-ID-02)",
          params: ZOrderParams,
          body: z.strictObject({ sha256: z.string().regex(/^[0-9a-fA-F]{64}$/), ...ZSigner }),
          response: { 200: ZOrderView, 400: ZErrorBody, 409: ZErrorBody },
        },
      },
      async (request) => sign(request, request.params.orderId, { kind: "portal", ...request.body }),
    );

    app.post(
      "/api/orders/:orderId/signed-scan",
      {
        schema: {
          tags: ["orders"],
          summary: "Upload the order form signed on paper, scanned as a PDF (base64); it is received then",
          params: ZOrderParams,
          body: z.strictObject({ pdfBase64: z.base64().min(8).max(980_000), ...ZSigner }),
          response: { 200: ZOrderView, 400: ZErrorBody, 409: ZErrorBody },
        },
      },
      async (request) =>
        sign(request, request.params.orderId, {
          kind: "scan",
          pdf: Buffer.from(request.body.pdfBase64, "base64"),
          signerName: request.body.signerName,
          signerRole: request.body.signerRole,
        }),
    );
  };
}
