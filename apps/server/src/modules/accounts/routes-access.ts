import { addCalendarDuration, contractRules } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZNoContent, ZRole, ZTokenRole } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZInstant, ZText, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { organisationPolicy } from "../../policies/organisation-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.js";
import { timeZoneOf } from "./issue-link.js";
import { enterTenant, grantSupportAccess, listSupportGrants, revokeSupportGrant } from "./support-grants.js";

const ONE_YEAR_MS = 366 * 24 * 3600_000;

const ZApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    /** The roles it was made with. */
    roles: z.array(ZRole),
    /** The roles it acts with now: no more than its owner has now (issue 14, DSN-SEC-03, MCR-ACC-03). */
    rolesInForce: z.array(ZRole),
    /** Fewer roles in force than it was made with: its owner's rights were lowered, or she left. */
    narrowed: z.boolean(),
    owner: z.object({ name: z.string(), active: z.boolean() }),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ApiToken" });
const ZSupportGrant = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    agent: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    reason: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "SupportGrant" });

/** API tokens (DSN-SEC-03) and support access grants (MCR-ACC-05). */
export function accessRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/api-tokens",
      {
        schema: {
          tags: ["access"],
          summary: "API tokens of the organisation (never their secrets)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZApiToken) },
        },
      },
      async (request) => {
        authorize(request, (p) => organisationPolicy.manageApiTokens(p, request.params.organisationId));
        return listApiTokens(db, request.params.organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/api-tokens",
      {
        schema: {
          tags: ["access"],
          summary: "Create an API token for integrated mode; the secret is shown once (DSN-SEC-03)",
          params: ZOrganisationParams,
          body: z.strictObject({
            name: ZWritten(100),
            roles: z.array(ZTokenRole).min(1),
            expiresAt: ZInstant,
          }),
          response: { 201: z.object({ token: z.string(), apiToken: ZApiToken }) },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) =>
          organisationPolicy.manageApiTokens(p, request.params.organisationId),
        );
        const now = context.clock();
        const locale = negotiateLocale(request.headers["accept-language"]);
        // A token carries only roles the contract offers its customers.
        const rules = contractRules(context.contract);
        const extra = request.body.roles.filter((role) => !rules.customerRoles.includes(role));
        if (extra.length) {
          throw new AppError(
            "contract_rule",
            t(locale, "invite.role_not_offered", { roles: extra.join(", "), clause: rules.rights }),
            { field: "roles", clause: rules.rights },
          );
        }
        const expiresAt = new Date(request.body.expiresAt);
        if (expiresAt <= now || expiresAt.getTime() - now.getTime() > ONE_YEAR_MS) {
          throw new AppError("validation_failed", t(locale, "access.token_expiry"), { field: "expiresAt" });
        }
        const { token, view } = await createApiToken(
          db,
          {
            ...actorOf(principal, request),
            userId: principal.userId,
            owner: { name: principal.displayName, active: true, roles: principal.roles },
          },
          {
            organisationId: request.params.organisationId,
            name: request.body.name,
            roles: request.body.roles,
            expiresAt,
          },
          now,
        );
        return reply.code(201).send({ token, apiToken: view });
      },
    );

    app.post(
      "/api/organisations/:organisationId/api-tokens/:tokenId/revoke",
      {
        schema: {
          tags: ["access"],
          summary: "Revoke an API token at once",
          params: ZOrganisationParams.extend({ tokenId: z.uuid() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) =>
          organisationPolicy.manageApiTokens(p, request.params.organisationId),
        );
        const done = await revokeApiToken(
          db,
          actorOf(principal, request),
          request.params.organisationId,
          request.params.tokenId,
          context.clock(),
        );
        if (!done) throw notFound(request, "api_token");
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/organisations/:organisationId/support-grants",
      {
        schema: {
          tags: ["access"],
          summary: "Support access grants of the organisation (MCR-ACC-05)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZSupportGrant) },
        },
      },
      async (request) => {
        authorize(request, (p) => organisationPolicy.manageSupportGrants(p, request.params.organisationId));
        return listSupportGrants(db, request.params.organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/support-grants",
      {
        schema: {
          tags: ["access"],
          summary: "Let a named provider agent into the tenant until a date (MCR-ACC-05, MCR-SUP-13)",
          params: ZOrganisationParams,
          body: z.strictObject({
            agentEmail: z.email(),
            reason: ZText.trim().min(3).max(500),
            expiresAt: ZInstant,
          }),
          response: { 201: z.object({ grantId: z.string() }) },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) =>
          organisationPolicy.manageSupportGrants(p, request.params.organisationId),
        );
        const now = context.clock();
        // MCR-ACC-05: a grant ends by itself, at the latest after the contract's expiresAfter.
        const access = context.contract.ticketWorkflow.supportTenantAccess;
        const clause = contractRules(context.contract).supportGrants;
        const latestExpiry =
          access && addCalendarDuration(now, access.expiresAfter, timeZoneOf(context.contract));
        const result = await grantSupportAccess(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          {
            organisationId: request.params.organisationId,
            ...request.body,
            expiresAt: new Date(request.body.expiresAt),
          },
          now,
          clause && latestExpiry ? { clause, latestExpiry } : undefined,
        );
        if (!result.ok) {
          const locale = negotiateLocale(request.headers["accept-language"]);
          if (result.reason === "not_in_contract") {
            throw new AppError("contract_rule", t(locale, "access.grants_not_in_contract"), {
              reason: result.reason,
            });
          }
          const limit = { duration: access?.expiresAfter.text ?? "", clause: clause ?? "" };
          throw new AppError("validation_failed", t(locale, `access.${result.reason}`, limit), {
            field: result.reason === "agent_not_found" ? "agentEmail" : "expiresAt",
            ...(result.reason === "expiry_beyond_limit"
              ? { clause: limit.clause, latestExpiry: latestExpiry?.toISOString() }
              : {}),
          });
        }
        return reply.code(201).send({ grantId: result.grantId });
      },
    );

    app.post(
      "/api/organisations/:organisationId/support-grants/:grantId/revoke",
      {
        schema: {
          tags: ["access"],
          summary: "End a support access grant at once",
          params: ZOrganisationParams.extend({ grantId: z.uuid() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, (p) =>
          organisationPolicy.manageSupportGrants(p, request.params.organisationId),
        );
        const done = await revokeSupportGrant(
          db,
          actorOf(principal, request),
          request.params.organisationId,
          request.params.grantId,
          context.clock(),
        );
        if (!done) throw notFound(request, "support_grant");
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/auth/acting",
      {
        schema: {
          tags: ["access"],
          summary: "A provider agent enters a customer's tenant under a grant, or leaves it (grantId null)",
          body: z.strictObject({ grantId: z.uuid().nullable() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, organisationPolicy.actUnderGrant);
        const done = await enterTenant(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          principal.sessionTokenHash ?? "",
          request.body.grantId,
          context.clock(),
        );
        if (!done) throw notFound(request, "support_grant");
        return reply.code(204).send(null);
      },
    );
  };
}
