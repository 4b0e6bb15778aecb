import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { AppError } from "../../http/errors.js";
import { ZWritten } from "../../http/input-schemas.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { orderPolicy } from "../../policies/order-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import {
  decideQuotaRequest,
  listQuotas,
  type QuotaRefusal,
  requestQuotaIncrease,
  setQuota,
} from "./quotas.js";

const ZQuota = z
  .object({
    id: z.string(),
    catalogueItemId: z.string(),
    resource: z.string(),
    maximum: z.number(),
    setAt: z.string(),
    requests: z.array(
      z.object({
        id: z.string(),
        requestedMaximum: z.number(),
        reason: z.string(),
        status: z.enum(["pending", "accepted", "refused"]),
        requestedAt: z.string(),
        decidedAt: z.string().nullable(),
        decisionReason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ResourceQuota" });
const ZMaximum = z.number().int().min(0).max(1_000_000_000);
const ZCreated = z.object({ id: z.string() });

/** One clear refusal naming its field or clause (MCR-ORD-04). */
function quotaError(request: FastifyRequest, refused: QuotaRefusal): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  if (refused.reason === "not_found")
    return new AppError(
      "not_found",
      t(locale, "error.resource_not_found", { what: t(locale, "resource.quota") }),
      {
        resource: "quota",
      },
    );
  const { reason, ...params } = refused;
  const field = {
    not_a_vendor: "catalogueItemId",
    not_an_increase: "requestedMaximum",
    request_decided: "decision",
  }[reason];
  return new AppError(
    reason === "request_decided"
      ? "conflict"
      : reason === "not_a_vendor"
        ? "contract_rule"
        : "validation_failed",
    t(locale, `quota.${reason}`, params as Record<string, string>),
    { ...params, reason, field },
  );
}

/** Quotas of resources per customer and vendor, and the customer's requests to raise them (MCR 9.1, MCR-ORD-04). */
export function quotaRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/quotas",
      {
        schema: {
          tags: ["orders"],
          summary: "The customer's resource quotas per vendor, each with its increase requests (MCR-ORD-04)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZQuota) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        return listQuotas(db, organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/quotas",
      {
        schema: {
          tags: ["orders"],
          summary: "Set the maximum of a resource for the customer and a cloud vendor (MCR 9.1), audited",
          params: ZOrganisationParams,
          body: z.strictObject({
            catalogueItemId: ZWritten(100),
            resource: ZWritten(100),
            maximum: ZMaximum,
          }),
          response: { 201: ZCreated, 422: ZErrorBody },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, orderPolicy.setQuota);
        const set = await setQuota(
          db,
          context.contract,
          actorOf(principal, request),
          { organisationId: request.params.organisationId, ...request.body },
          context.clock(),
        );
        if (!set.ok) throw quotaError(request, set);
        return reply.code(201).send({ id: set.quotaId });
      },
    );

    app.post(
      "/api/organisations/:organisationId/quotas/:quotaId/requests",
      {
        schema: {
          tags: ["orders"],
          summary: "Ask the provider for a higher maximum (MCR 9.1 'à la demande du Client'), audited",
          params: ZOrganisationParams.extend({ quotaId: z.uuid() }),
          body: z.strictObject({ requestedMaximum: ZMaximum, reason: ZWritten(1000) }),
          response: { 201: ZCreated, 400: ZErrorBody, 404: ZErrorBody },
        },
      },
      async (request, reply) => {
        const { organisationId, quotaId } = request.params;
        const principal = authorize(request, (p) => orderPolicy.requestQuota(p, organisationId));
        const asked = await requestQuotaIncrease(
          db,
          context.contract,
          actorOf(principal, request),
          { organisationId, quotaId, ...request.body },
          context.clock(),
        );
        if (!asked.ok) throw quotaError(request, asked);
        return reply.code(201).send({ id: asked.requestId });
      },
    );

    app.post(
      "/api/quota-requests/:requestId/decision",
      {
        schema: {
          tags: ["orders"],
          summary:
            "Accept (the quota rises) or refuse a request, once (MCR 9.1 'sous réserve d'acceptation')",
          params: z.strictObject({ requestId: z.uuid() }),
          body: z.strictObject({ accept: z.boolean(), reason: ZWritten(1000) }),
          response: { 200: z.array(ZQuota), 404: ZErrorBody, 409: ZErrorBody },
        },
      },
      async (request) => {
        const principal = authorize(request, orderPolicy.setQuota);
        const decided = await decideQuotaRequest(
          db,
          context.contract,
          actorOf(principal, request),
          { requestId: request.params.requestId, ...request.body },
          context.clock(),
        );
        if (!decided.ok) throw quotaError(request, decided);
        return listQuotas(db, decided.organisationId);
      },
    );
  };
}
