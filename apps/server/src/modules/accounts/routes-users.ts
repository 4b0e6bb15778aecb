import { ZKey } from "@guichet/domain";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZLanguage, ZNoContent, ZRole } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { organisationPolicy } from "../../policies/organisation-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { changeRights } from "./change-rights.js";
import { type InviteInput, type InviteRefusal, inviteUser } from "./invite-user.js";
import { listUsers } from "./list-users.js";
import { namedContactQuota } from "./named-contact-quota.js";
import { ZUserView } from "./present-user.js";
import { revokeIdentifier } from "./revoke-identifier.js";

const ZName = ZWritten(100);
const ZNamedContactDetails = z.strictObject({
  jobTitle: ZWritten(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,30}$/, "expected a phone number such as +33 5 49 00 00 00"),
  availability: ZWritten(200),
});
const ZInvitation = z.strictObject({
  email: z.email().max(254),
  firstName: ZName,
  lastName: ZName,
  roles: z.array(ZRole).min(1).max(9),
  canInvite: z.boolean().default(false),
  /** Absent: the contract's locale (issue 23: a German provider's people read German). */
  locale: ZLanguage.optional(),
  namedContact: ZNamedContactDetails.optional(),
});
const ZInvited = z.object({ userId: z.string(), identifierDueAt: z.string().nullable() });

/** Turns a refused invitation into one clear error that cites its clause. */
function refusal(request: FastifyRequest, refused: InviteRefusal): AppError {
  const locale = negotiateLocale(request.headers["accept-language"]);
  switch (refused.reason) {
    case "organisation_not_found":
      return notFound(request, "organisation");
    case "roles_do_not_fit":
      return new AppError(
        "validation_failed",
        t(locale, "invite.roles_do_not_fit", { roles: refused.roles.join(", ") }),
        {
          field: "roles",
        },
      );
    case "role_not_offered":
      return new AppError(
        "contract_rule",
        t(locale, "invite.role_not_offered", { roles: refused.roles.join(", "), clause: refused.clause }),
        { field: "roles", clause: refused.clause },
      );
    case "delegated_invitation_not_offered":
      return new AppError("contract_rule", t(locale, "invite.delegated_invitation_not_offered", refused), {
        field: "canInvite",
        clause: refused.clause,
      });
    case "named_contact_details_required":
      return new AppError("validation_failed", t(locale, "invite.named_contact_details_required", refused), {
        field: "namedContact",
        clause: refused.clause,
      });
    case "identifier_exists":
      return new AppError("conflict", t(locale, "invite.identifier_exists", refused), {
        field: "email",
        clause: refused.clause,
      });
    case "identifier_limit":
      return new AppError("contract_rule", t(locale, "invite.identifier_limit", refused), { ...refused });
    case "named_contacts_not_offered":
      return new AppError(
        "contract_rule",
        t(locale, "invite.named_contacts_not_offered", {
          plan: refused.planName[locale],
          clause: refused.clause,
        }),
        { field: "roles", plan: refused.plan, clause: refused.clause },
      );
    case "named_contact_limit":
      return new AppError(
        "contract_rule",
        t(locale, "invite.named_contact_limit", {
          plan: refused.planName[locale],
          limit: String(refused.limit),
          current: refused.current,
          clause: refused.clause,
        }),
        { ...refused },
      );
  }
}

/** People of an organisation: list, invite, named contacts (MCR-ACC-01..03, MCR-SUP-04, DSN-ID-01..02). */
export function userRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    const invite = async (
      request: FastifyRequest,
      organisationId: string,
      input: Omit<InviteInput, "organisationId" | "locale"> & { locale?: InviteInput["locale"] | undefined },
    ) => {
      const principal = authorize(request, (p) => organisationPolicy.invite(p, organisationId));
      const adminInviter = principal.roles.some((r) => r === "customer_admin" || r === "admin");
      // Only administrators hand out the right to invite or administrator roles (MCR-ACC-02).
      if (
        !adminInviter &&
        (input.canInvite || input.roles.some((r) => r === "customer_admin" || r === "admin"))
      ) {
        authorize(request, () => false);
      }
      const result = await inviteUser(
        context,
        actorOf(principal, request),
        { ...input, locale: input.locale ?? context.contract.locale, organisationId },
        context.clock(),
      );
      if (!result.ok) throw refusal(request, result);
      return { userId: result.userId, identifierDueAt: result.identifierDueAt?.toISOString() ?? null };
    };

    app.get(
      "/api/organisations/:organisationId/users",
      {
        schema: {
          tags: ["people"],
          summary: "People of an organisation, with status, roles and named-contact details",
          params: ZOrganisationParams,
          response: { 200: z.array(ZUserView) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => organisationPolicy.listUsers(p, organisationId));
        return listUsers(db, organisationId);
      },
    );

    app.post(
      "/api/organisations/:organisationId/users",
      {
        schema: {
          tags: ["people"],
          summary:
            "Invite a person: an identifier and a single-use link to set a password (MCR-ACC-01, DSN-ID-02)",
          params: ZOrganisationParams,
          body: ZInvitation,
          response: { 201: ZInvited },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await invite(request, request.params.organisationId, request.body)),
    );

    app.post(
      "/api/organisations/:organisationId/named-contacts",
      {
        schema: {
          tags: ["people"],
          summary: "Add a named contact, within the support plan's limit (MCR-SUP-04)",
          params: ZOrganisationParams,
          body: z.strictObject({
            email: z.email().max(254),
            firstName: ZName,
            lastName: ZName,
            locale: ZLanguage.optional(),
            ...ZNamedContactDetails.shape,
          }),
          response: { 201: ZInvited },
        },
      },
      async (request, reply) => {
        const { organisationId } = request.params;
        authorize(request, (p) => organisationPolicy.manageNamedContacts(p, organisationId));
        const { jobTitle, phone, availability, ...person } = request.body;
        const invited = await invite(request, organisationId, {
          ...person,
          roles: ["named_contact"],
          canInvite: false,
          namedContact: { jobTitle, phone, availability },
        });
        return reply.code(201).send(invited);
      },
    );

    app.post(
      "/api/organisations/:organisationId/users/:userId/rights",
      {
        schema: {
          tags: ["people"],
          summary:
            "Change a person's roles and right to invite (MCR-ACC-03, MCR 6.1.2); the last administrator keeps the administrator role",
          params: ZOrganisationParams.extend({ userId: z.uuid() }),
          body: z.strictObject({ roles: z.array(ZRole).min(1).max(9), canInvite: z.boolean() }),
          response: { 204: ZNoContent },
        },
      },
      async (request, reply) => {
        const { organisationId, userId } = request.params;
        const principal = authorize(request, (p) => organisationPolicy.changeRights(p, organisationId));
        const result = await changeRights(
          context,
          actorOf(principal, request),
          { organisationId, userId, ...request.body },
          context.clock(),
        );
        if (result.ok) return reply.code(204).send(null);
        if (result.reason === "not_found") throw notFound(request, "user");
        const locale = negotiateLocale(request.headers["accept-language"]);
        switch (result.reason) {
          case "role_not_offered":
          case "delegated_invitation_not_offered":
            throw refusal(request, result);
          default:
            throw new AppError(
              result.reason === "last_administrator" ? "conflict" : "contract_rule",
              t(locale, `rights.${result.reason}`, { clause: result.clause }),
              { field: "roles", reason: result.reason, clause: result.clause },
            );
        }
      },
    );

    app.post(
      "/api/organisations/:organisationId/users/:userId/revoke",
      {
        schema: {
          tags: ["people"],
          summary:
            "Revoke a lost or compromised identifier at once and, where the contract says so, issue a new one (DSN-ID-04)",
          params: ZOrganisationParams.extend({ userId: z.uuid() }),
          // The reasons are the contract's (identifierPolicy.revocation); none asked where it gives none.
          body: z.strictObject({ reason: ZKey.optional() }),
          response: { 201: z.object({ newUserId: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const { organisationId, userId } = request.params;
        const principal = authorize(request, (p) => organisationPolicy.revokeIdentifier(p, organisationId));
        const result = await revokeIdentifier(
          context,
          actorOf(principal, request),
          { organisationId, userId, reason: request.body.reason },
          context.clock(),
        );
        if (result.ok) return reply.code(201).send({ newUserId: result.newUserId });
        if (result.reason === "not_found") throw notFound(request, "user");
        const locale = negotiateLocale(request.headers["accept-language"]);
        if (result.reason === "last_administrator") {
          throw new AppError("conflict", t(locale, "revoke.last_administrator", { clause: result.clause }), {
            reason: "last_administrator",
            clause: result.clause,
          });
        }
        throw new AppError(
          "validation_failed",
          t(locale, "revoke.reason_not_offered", {
            reasons: result.reasons.join(", ") || "—",
            clause: result.clause,
          }),
          { field: "reason", reasons: result.reasons, clause: result.clause },
        );
      },
    );

    app.get(
      "/api/organisations/:organisationId/named-contacts",
      {
        schema: {
          tags: ["people"],
          summary: "The support plan's named-contact limit and its use (MCR-SUP-04)",
          params: ZOrganisationParams,
          response: {
            200: z.object({
              plan: z.string(),
              planName: z.object({ fr: z.string(), en: z.string() }),
              limit: z.union([z.number(), z.literal("unlimited")]),
              /** False where the plan has no named contacts (MCR 8.2.1 table: "N/A" for Basic). */
              applies: z.boolean(),
              current: z.number(),
              clause: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => organisationPolicy.manageNamedContacts(p, organisationId));
        return namedContactQuota(
          db,
          context.contract,
          organisationId,
          context.clock().toISOString().slice(0, 10),
        );
      },
    );
  };
}
