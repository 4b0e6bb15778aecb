import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZInstant, ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { authorize } from "../../policies/authorize.js";
import { maintenancePolicy } from "../../policies/maintenance-policy.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { activePortalOutage } from "../desk/portal-outages.js";
import { declarePortalOutage } from "./declare-portal-outage.js";
import { endPortalOutage } from "./end-portal-outage.js";
import { presentOutage, ZOutageView } from "./present-outage.js";
import { refusalError } from "./refusal.js";

/** The portal declared unavailable by the provider (MCR-SUP-03, DSN-SUP-08). */
export function outageRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const timeZone = timeZoneOf(context.contract);

  return async (app) => {
    app.get(
      "/api/portal-outages/current",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "The portal outage declared and under way now, if any: meanwhile e-mail opens tickets (MCR-SUP-03, DSN-SUP-08)",
          response: { 200: z.object({ outage: ZOutageView.nullable() }) },
        },
      },
      async (request) => {
        authorize(request, maintenancePolicy.view);
        return { outage: await activePortalOutage(db, context.clock()) };
      },
    );

    app.post(
      "/api/portal-outages",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "Declare the portal unavailable, now or from/until given instants (MCR-SUP-03, DSN-SUP-08) — provider admin or support agent",
          body: z.strictObject({
            reason: ZText.trim().min(3).max(2_000),
            startsAt: ZInstant.nullable().default(null),
            endsAt: ZInstant.nullable().default(null),
          }),
          response: { 201: ZOutageView },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, maintenancePolicy.declareOutage);
        const { reason, startsAt, endsAt } = request.body;
        const result = await declarePortalOutage(
          db,
          context,
          {
            reason,
            startsAt: startsAt ? new Date(startsAt) : null,
            endsAt: endsAt ? new Date(endsAt) : null,
          },
          { userId: principal.userId, actor: actorOf(principal, request) },
          context.clock(),
        );
        if (!result.ok) throw refusalError(request, result, timeZone);
        reply.code(201);
        return presentOutage(result.outage);
      },
    );

    app.post(
      "/api/portal-outages/:outageId/end",
      {
        schema: {
          tags: ["maintenance"],
          summary:
            "The portal is reachable again: end the outage now (MCR-SUP-03, DSN-SUP-08) — provider admin or support agent",
          params: z.strictObject({ outageId: z.uuid() }),
          response: { 200: ZOutageView },
        },
      },
      async (request) => {
        const principal = authorize(request, maintenancePolicy.endOutage);
        const result = await endPortalOutage(
          db,
          context,
          request.params.outageId,
          actorOf(principal, request),
          context.clock(),
        );
        if (!result) throw notFound(request, "portal_outage");
        if (!result.ok) throw refusalError(request, result, timeZone);
        return presentOutage(result.outage);
      },
    );
  };
}
