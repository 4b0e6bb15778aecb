import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, type Principal, tenantOf } from "../../auth/principal.js";
import { ZInstant, ZText, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { authorize } from "../../policies/authorize.js";
import { securityPolicy } from "../../policies/security-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { declareIncident, type IncidentDirection } from "./declare-incident.js";
import { listIncidents } from "./list-incidents.js";
import { presentIncident, ZIncidentKind, ZSecurityIncident } from "./present-security.js";
import { resolveIncident } from "./resolve-incident.js";
import { securityAnnexOf } from "./security-annex.js";

const ZIncidentBody = z.strictObject({
  kind: ZIncidentKind,
  /** "incident grave" (annex 2 §4): one that may justify suspending access without notice (DSN-SEC-02). */
  serious: z.boolean(),
  title: ZText.trim().min(3).max(200),
  description: ZWritten(10_000).min(3),
  detectedAt: ZInstant,
  /** The same key again answers the first declaration (a double click notifies once). */
  idempotencyKey: ZWritten(200).min(8).optional(),
});
const ZIncidentParams = z.strictObject({ incidentId: z.uuid() });

/** Security incidents notified both ways through the annex's form (DSN-SEC-04, annex 2 §4). */
export function securityIncidentRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;

  /** Records, mails and answers an incident: 201, or 200 with the first one for a key seen before. */
  async function declare(
    principal: Principal,
    request: FastifyRequest,
    body: z.infer<typeof ZIncidentBody>,
    reply: FastifyReply,
    organisationId: string,
    direction: IncidentDirection,
  ): Promise<z.infer<typeof ZSecurityIncident>> {
    const annex = securityAnnexOf(request, context);
    const { idempotencyKey, detectedAt, ...rest } = body;
    const result = await declareIncident(
      db,
      context,
      { ...actorOf(principal, request), userId: principal.userId },
      {
        ...rest,
        organisationId,
        direction,
        detectedAt: new Date(detectedAt),
        idempotencyKey: idempotencyKey ?? randomUUID(),
        clause: annex.contacts,
      },
      context.clock(),
    );
    if (result === "not_found") throw notFound(request, "organisation");
    const [listed] = await listIncidents(db, { incidentId: result.incident.id });
    if (!listed) throw notFound(request, "security_incident");
    reply.code(result.replayed ? 200 : 201);
    return presentIncident(listed);
  }

  return async (app) => {
    app.get(
      "/api/security/incidents",
      {
        schema: {
          tags: ["security"],
          summary:
            "Security incidents both ways, newest first: every operator's for the provider's security staff, its own for an operator (DSN-SEC-04)",
          response: { 200: z.array(ZSecurityIncident) },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => securityPolicy.view(p, tenantOf(p)));
        securityAnnexOf(request, context);
        const filter = securityPolicy.viewAll(principal) ? {} : { organisationId: tenantOf(principal) };
        return (await listIncidents(db, filter)).map(presentIncident);
      },
    );

    app.post(
      "/api/security/incidents",
      {
        schema: {
          tags: ["security"],
          summary:
            "An operator notifies the provider of a security incident, a vulnerability or malicious activity: recorded, audited and mailed at once to the provider's security contact (DSN-SEC-04, annex 2 §4)",
          body: ZIncidentBody,
          response: { 201: ZSecurityIncident, 200: ZSecurityIncident },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) => securityPolicy.declareIncident(p, tenantOf(p)));
        return declare(principal, request, request.body, reply, tenantOf(principal), "operator-to-provider");
      },
    );

    app.post(
      "/api/organisations/:organisationId/security-incidents",
      {
        schema: {
          tags: ["security"],
          summary:
            "The provider notifies an operator of a security incident that may affect its resources: recorded, audited and mailed at once to the operator's security contact (DSN-SEC-04) — security staff",
          params: ZOrganisationParams,
          body: ZIncidentBody,
          response: { 201: ZSecurityIncident, 200: ZSecurityIncident },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, securityPolicy.notifyOperator);
        return declare(
          principal,
          request,
          request.body,
          reply,
          request.params.organisationId,
          "provider-to-operator",
        );
      },
    );

    app.post(
      "/api/security/incidents/:incidentId/resolution",
      {
        schema: {
          tags: ["security"],
          summary:
            "Mark an incident resolved (annex 2 §4); a suspension made for it is lifted apart — security staff",
          params: ZIncidentParams,
          response: { 200: ZSecurityIncident },
        },
      },
      async (request) => {
        const principal = authorize(request, securityPolicy.resolveIncident);
        const annex = securityAnnexOf(request, context);
        const resolved = await resolveIncident(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { incidentId: request.params.incidentId, clause: annex.contacts },
          context.clock(),
        );
        if (resolved === "not_found") throw notFound(request, "security_incident");
        const [listed] = await listIncidents(db, { incidentId: resolved.id });
        if (!listed) throw notFound(request, "security_incident");
        return presentIncident(listed);
      },
    );
  };
}
