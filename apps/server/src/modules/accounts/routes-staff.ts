import { organisations } from "@guichet/db";
import { PROVIDER_ROLES } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZLanguage, ZNoContent } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { staffPolicy } from "../../policies/staff-policy.js";
import { changeStaff, type StaffChange } from "./change-staff.js";
import { inviteUser } from "./invite-user.js";
import { listUsers } from "./list-users.js";
import { ZUserView } from "./present-user.js";
import { resetSecondFactor } from "./reset-second-factor.js";

const ZRoles = z.array(z.enum(PROVIDER_ROLES)).min(1).max(PROVIDER_ROLES.length);
const ZName = ZWritten(100);
const ZUserParams = z.strictObject({ userId: z.uuid() });

/**
 * The provider's staff in the back office (issue 22): its administrators list them, invite with
 * provider roles (a single-use link, MCR-ACC-01), change roles and remove them, each audited.
 */
export function staffRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  /** The provider's organisation is the caller's own (staffPolicy allows provider admins only). */
  const providerOf = async (request: FastifyRequest) => {
    const principal = authorize(request, staffPolicy.manage);
    const [provider] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, "provider"));
    if (!provider || provider.id !== principal.organisationId) throw notFound(request, "organisation");
    return { principal, providerId: provider.id };
  };
  const change = async (request: FastifyRequest, userId: string, staffChange: StaffChange) => {
    const { principal, providerId } = await providerOf(request);
    const result = await changeStaff(
      db,
      actorOf(principal, request),
      { providerId, userId, change: staffChange },
      context.clock(),
    );
    if (result.ok) return null;
    if (result.reason === "not_found") throw notFound(request, "user");
    const locale = negotiateLocale(request.headers["accept-language"]);
    throw new AppError("conflict", t(locale, "staff.last_administrator"), { reason: result.reason });
  };

  return async (app) => {
    app.get(
      "/api/staff",
      {
        schema: {
          tags: ["people"],
          summary: "The provider's staff — provider administrators",
          response: { 200: z.array(ZUserView) },
        },
      },
      async (request) => listUsers(db, (await providerOf(request)).providerId),
    );

    app.post(
      "/api/staff",
      {
        schema: {
          tags: ["people"],
          summary:
            "Invite a staff member with provider roles: a single-use link to set a password (MCR-ACC-01)",
          body: z.strictObject({
            email: z.email().max(254),
            firstName: ZName,
            lastName: ZName,
            roles: ZRoles,
            /** Absent: the contract's locale (issue 23). */
            locale: ZLanguage.optional(),
          }),
          response: { 201: z.object({ userId: z.string() }) },
        },
      },
      async (request, reply) => {
        const { principal, providerId } = await providerOf(request);
        const result = await inviteUser(
          context,
          actorOf(principal, request),
          {
            ...request.body,
            locale: request.body.locale ?? context.contract.locale,
            organisationId: providerId,
            canInvite: false,
          },
          context.clock(),
        );
        if (result.ok) return reply.code(201).send({ userId: result.userId });
        const locale = negotiateLocale(request.headers["accept-language"]);
        if (result.reason === "identifier_exists") {
          throw new AppError("conflict", t(locale, "invite.identifier_exists", { clause: result.clause }), {
            field: "email",
            clause: result.clause,
          });
        }
        throw new AppError("validation_failed", t(locale, "staff.invite_refused"), { reason: result.reason });
      },
    );

    app.post(
      "/api/staff/:userId/roles",
      {
        schema: {
          tags: ["people"],
          summary: "Change a staff member's provider roles; the last administrator keeps hers",
          params: ZUserParams,
          body: z.strictObject({ roles: ZRoles }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) =>
        reply
          .code(204)
          .send(await change(request, request.params.userId, { kind: "roles", roles: request.body.roles })),
    );

    app.post(
      "/api/staff/:userId/second-factor/reset",
      {
        schema: {
          tags: ["people"],
          summary:
            "Reset another staff member's second factor (lost phone): secret and recovery codes dropped, signed out everywhere, enrols again at the next sign-in; never one's own",
          params: ZUserParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const { principal, providerId } = await providerOf(request);
        const result = await resetSecondFactor(
          db,
          actorOf(principal, request),
          { providerId, userId: request.params.userId },
          context.clock(),
        );
        if (result.ok) return reply.code(204).send(null);
        if (result.reason === "not_found") throw notFound(request, "user");
        const locale = negotiateLocale(request.headers["accept-language"]);
        throw new AppError("forbidden", t(locale, "staff.reset_own_second_factor"), {
          reason: result.reason,
        });
      },
    );

    app.post(
      "/api/staff/:userId/remove",
      {
        schema: {
          tags: ["people"],
          summary: "Remove a staff member: deactivated and signed out at once; never the last administrator",
          params: ZUserParams,
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) =>
        reply.code(204).send(await change(request, request.params.userId, { kind: "remove" })),
    );
  };
}
