import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { suspensionClauseOf } from "../../contract/contacts.js";
import { ZNoContent } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { organisationPolicy } from "../../policies/organisation-policy.js";
import { listOrganisations } from "./list-organisations.js";
import { setSuspension } from "./set-suspension.js";

export const ZOrganisationParams = z.strictObject({ organisationId: z.uuid() });

const ZOrganisation = z
  .object({
    id: z.string(),
    kind: z.enum(["provider", "customer"]),
    slug: z.string(),
    name: z.string(),
    status: z.enum(["active", "suspended"]),
    /** The security incident the suspension was made for (DSN-SEC-02, annex 2 §4), while suspended. */
    suspensionIncidentId: z.string().nullable(),
    subscriptions: z.array(
      z.object({ catalogueItemId: z.string(), startsOn: z.string(), endsOn: z.string().nullable() }),
    ),
  })
  .meta({ id: "Organisation" });

/** Organisations and their suspension (DSN-SEC-02, MCR-ACC-06). */
export function organisationRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const clause = suspensionClauseOf(context.contract);
  return async (app) => {
    app.get(
      "/api/organisations",
      {
        schema: {
          tags: ["organisations"],
          summary: "Every organisation with what it holds (provider staff)",
          response: { 200: z.array(ZOrganisation) },
        },
      },
      async (request) => {
        authorize(request, organisationPolicy.listAll);
        return listOrganisations(db);
      },
    );

    app.get(
      "/api/organisations/:organisationId",
      {
        schema: {
          tags: ["organisations"],
          summary: "One organisation and what it holds",
          params: ZOrganisationParams,
          response: { 200: ZOrganisation },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => organisationPolicy.view(p, organisationId));
        const [organisation] = await listOrganisations(db, organisationId);
        if (!organisation) throw notFound(request, "organisation");
        return organisation;
      },
    );

    for (const suspended of [true, false]) {
      app.route({
        method: "POST",
        url: `/api/organisations/:organisationId/suspension${suspended ? "" : "/lift"}`,
        schema: {
          tags: ["organisations"],
          summary: suspended
            ? `Suspend an organisation's access at once, without notice (${clause}) — security officer`
            : "Lift a suspension: every access works again, nothing was lost — security officer",
          params: ZOrganisationParams,
          body: z.strictObject({
            reason: ZText.trim().min(3).max(1000),
            ...(suspended
              ? {
                  /** The security incident it is made for (DSN-SEC-02): shown with the incident and the organisation. */
                  incidentId: z.uuid().optional(),
                }
              : {}),
          }),
          response: { 204: ZNoContent },
        },
        handler: async (request, reply) => {
          const principal = authorize(request, organisationPolicy.suspend);
          const outcome = await setSuspension(
            db,
            actorOf(principal, request),
            {
              organisationId: request.params.organisationId,
              suspended,
              reason: request.body.reason,
              clause,
              incidentId:
                "incidentId" in request.body ? (request.body.incidentId as string | undefined) : undefined,
            },
            context.clock(),
          );
          if (outcome === "not_found") throw notFound(request, "organisation");
          if (outcome === "incident_not_found") throw notFound(request, "security_incident");
          if (outcome === "incident_elsewhere")
            throw new AppError(
              "contract_rule",
              t(negotiateLocale(request.headers["accept-language"]), "security.incident_elsewhere", {
                clause,
              }),
              { clause, field: "incidentId" },
            );
          return reply.code(204).send(null);
        },
      });
    }
  };
}
