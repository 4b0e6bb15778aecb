import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf, tenantOf } from "../../auth/principal.js";
import { ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { authorize } from "../../policies/authorize.js";
import { securityPolicy } from "../../policies/security-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { confirmSecurityContact } from "./confirm-security-contact.js";
import { listSecurityContacts } from "./list-security-contacts.js";
import { presentContact, presentContacts, ZSecurityContact, ZSecurityContacts } from "./present-security.js";
import { saveSecurityContact } from "./save-security-contact.js";
import { securityAnnexOf } from "./security-annex.js";

const ZContactBody = z.strictObject({
  name: ZText.trim().min(2).max(200),
  email: z.email().max(254),
  phone: ZText.trim().max(40).nullable().default(null),
});

/** Security contacts (DSN-SEC-04, annex 2 §4 and §7): one per operator, one for the provider, kept current. */
export function securityContactRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/security/contacts",
      {
        schema: {
          tags: ["security"],
          summary:
            "The provider's security contact and the operators' (all for its security staff, its own for an operator), each with when it was last confirmed (DSN-SEC-04)",
          response: { 200: ZSecurityContacts },
        },
      },
      async (request) => {
        const principal = authorize(request, (p) => securityPolicy.view(p, tenantOf(p)));
        const annex = securityAnnexOf(request, context);
        const scope = securityPolicy.viewAll(principal) ? "all" : { organisationId: tenantOf(principal) };
        return presentContacts(await listSecurityContacts(db, context.contract, scope), annex.contacts);
      },
    );

    app.post(
      "/api/security/contacts/provider",
      {
        schema: {
          tags: ["security"],
          summary:
            "Set the provider's security contact, the one operators' incidents reach (DSN-SEC-04) — security staff",
          body: ZContactBody,
          response: { 200: ZSecurityContact },
        },
      },
      async (request) => {
        const principal = authorize(request, securityPolicy.keepProviderContact);
        const annex = securityAnnexOf(request, context);
        const saved = await saveSecurityContact(
          db,
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          {
            organisationId: principal.organisationId,
            side: "provider",
            contact: request.body,
            clause: annex.contacts,
          },
          context.clock(),
        );
        return presentContact(saved);
      },
    );

    app.post(
      "/api/organisations/:organisationId/security-contact",
      {
        schema: {
          tags: ["security"],
          summary:
            "Set an operator's security contact (DSN-SEC-04, annex 2 §4); a change is told to the provider's security contact by mail (annex 2 §7) — the operator's administrator",
          params: ZOrganisationParams,
          body: ZContactBody,
          response: { 200: ZSecurityContact },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        const principal = authorize(request, (p) => securityPolicy.keepOperatorContact(p, organisationId));
        const annex = securityAnnexOf(request, context);
        const saved = await saveSecurityContact(
          db,
          context,
          { ...actorOf(principal, request), userId: principal.userId },
          { organisationId, side: "operator", contact: request.body, clause: annex.contacts },
          context.clock(),
        );
        return presentContact(saved);
      },
    );

    for (const side of ["operator", "provider"] as const) {
      app.post(
        side === "operator"
          ? "/api/organisations/:organisationId/security-contact/confirmation"
          : "/api/security/contacts/provider/confirmation",
        {
          schema: {
            tags: ["security"],
            summary: `Confirm the ${side}'s security contact still current, unchanged (DSN-SEC-04)`,
            ...(side === "operator" ? { params: ZOrganisationParams } : {}),
            response: { 200: ZSecurityContact },
          },
        },
        async (request) => {
          const params = request.params as { organisationId?: string };
          const principal = authorize(request, (p) =>
            side === "operator"
              ? securityPolicy.keepOperatorContact(p, params.organisationId ?? "")
              : securityPolicy.keepProviderContact(p),
          );
          const annex = securityAnnexOf(request, context);
          const confirmed = await confirmSecurityContact(
            db,
            { ...actorOf(principal, request), userId: principal.userId },
            { organisationId: params.organisationId ?? principal.organisationId, clause: annex.contacts },
            context.clock(),
          );
          if (confirmed === "not_found") throw notFound(request, "organisation");
          return presentContact(confirmed);
        },
      );
    }
  };
}
