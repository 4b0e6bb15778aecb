import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context.js";
import { negotiateLocale } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { orderPolicy } from "../../policies/order-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { listDocuments, ZDocuments } from "./list-documents.js";

/** A customer's documents, with versions and order of precedence (GEN-03). */
export function documentRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/documents",
      {
        schema: {
          tags: ["documents"],
          summary:
            "A customer's contractual documents with their versions, in the order of precedence (GEN-03, DSN art. 3), and the contract file's versions it is bound by with what changed (GEN-01)",
          params: ZOrganisationParams,
          response: { 200: ZDocuments },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => orderPolicy.view(p, organisationId));
        const locale = negotiateLocale(request.headers["accept-language"]);
        return listDocuments(context, organisationId, context.clock(), locale);
      },
    );
  };
}
