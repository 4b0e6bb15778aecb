import { credentialRolesInForce } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZTokenRole } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { ZText, ZWritten } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { securityPolicy } from "../../policies/security-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import {
  type CertificateRefusal,
  type ListedCertificate,
  listClientCertificates,
  registerClientCertificate,
  revokeClientCertificate,
} from "./client-certificates.js";
import { securityAnnexOf } from "./security-annex.js";

const ZClientCertificate = z
  .object({
    id: z.string(),
    name: z.string(),
    ownerUserId: z.string(),
    fingerprint256: z.string(),
    subject: z.string().nullable(),
    notAfter: z.string().nullable(),
    /** The roles it was registered with. */
    roles: z.array(ZTokenRole),
    /**
     * The roles it acts with now: those of its own its owner still has, none once the owner is no
     * longer active (credentialRolesInForce, as authentication computes them; DSN-SEC-01/03).
     */
    rolesInForce: z.array(ZTokenRole),
    /** Fewer roles in force than registered: its owner's rights were lowered, or the owner left. */
    narrowed: z.boolean(),
    ownerActive: z.boolean(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ClientCertificate" });

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
function present({ certificate: row, owner }: ListedCertificate): z.infer<typeof ZClientCertificate> {
  // Written from validated roles only; the response schema checks each again on the way out.
  const made = row.roles as z.infer<typeof ZTokenRole>[];
  const rolesInForce = owner.active ? credentialRolesInForce(made, owner.roles) : [];
  return {
    id: row.id,
    name: row.name,
    ownerUserId: row.ownerUserId,
    fingerprint256: row.fingerprint256,
    subject: row.subject,
    notAfter: iso(row.notAfter),
    roles: made,
    rolesInForce: rolesInForce as z.infer<typeof ZTokenRole>[],
    narrowed: rolesInForce.length < made.length,
    ownerActive: owner.active,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

const ZRegisterBody = z
  .strictObject({
    name: ZText.trim().min(2).max(200),
    /** The person of the operator answerable for the machine's actions (DSN-SEC-01). */
    ownerUserId: z.uuid(),
    roles: z.array(ZTokenRole).min(1).max(3),
    /** The certificate itself (PEM), from which its fingerprint and expiry are read… */
    certificatePem: ZWritten(20_000).optional(),
    /** …or its SHA-256 fingerprint alone (hex pairs, colons optional). */
    fingerprint256: ZText.max(120).optional(),
  })
  .refine((body) => (body.certificatePem === undefined) !== (body.fingerprint256 === undefined), {
    message: "give the certificate (certificatePem) or its fingerprint (fingerprint256), one of the two",
    path: ["certificatePem"],
  });

function refusal(
  request: Parameters<typeof negotiateLocale>[0],
  refused: CertificateRefusal,
  clause: string,
) {
  const locale = negotiateLocale(request);
  switch (refused.refused) {
    case "unreadable":
      return new AppError("validation_failed", t(locale, "security.certificate_unreadable"), {
        field: "certificatePem",
      });
    case "expired":
      return new AppError(
        "contract_rule",
        t(locale, "security.certificate_expired", { notAfter: refused.notAfter.toISOString().slice(0, 10) }),
        { clause, field: "certificatePem" },
      );
    case "known":
      return new AppError(
        "conflict",
        t(locale, "security.certificate_known", { fingerprint: refused.fingerprint }),
        { clause },
      );
    case "owner":
      return new AppError("contract_rule", t(locale, "security.certificate_owner", { clause }), {
        clause,
        field: "ownerUserId",
      });
  }
}

/** Client certificates for the web services (DSN-SEC-03): registered and revoked by the provider's security staff. */
export function clientCertificateRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const clauseOf = (request: Parameters<typeof securityAnnexOf>[0]) => {
    const clause = securityAnnexOf(request, context).certificates;
    if (!clause)
      throw new AppError(
        "not_found",
        t(negotiateLocale(request.headers["accept-language"]), "security.certificates_not_in_contract"),
        { resource: "client_certificate" },
      );
    return clause;
  };

  /** One certificate as listed, once written: with its roles in force. */
  const presentOne = async (organisationId: string, certificateId: string) => {
    const [listed] = await listClientCertificates(db, organisationId, certificateId);
    if (!listed) throw new Error("a certificate just written is not listed");
    return present(listed);
  };

  return async (app) => {
    app.get(
      "/api/organisations/:organisationId/client-certificates",
      {
        schema: {
          tags: ["security"],
          summary: "An operator's client certificates for the web services (DSN-SEC-03)",
          params: ZOrganisationParams,
          response: { 200: z.array(ZClientCertificate) },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => securityPolicy.viewCertificates(p, organisationId));
        clauseOf(request);
        return (await listClientCertificates(db, organisationId)).map(present);
      },
    );

    app.post(
      "/api/organisations/:organisationId/client-certificates",
      {
        schema: {
          tags: ["security"],
          summary:
            "Register an operator's client certificate: a request over TLS presenting it acts as the operator with these roles, as an API token does (DSN-SEC-03) — security staff",
          params: ZOrganisationParams,
          body: ZRegisterBody,
          response: { 201: ZClientCertificate },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, securityPolicy.manageCertificates);
        const clause = clauseOf(request);
        const registered = await registerClientCertificate(
          db,
          { ...actorOf(principal, request), userId: principal.userId },
          { ...request.body, organisationId: request.params.organisationId, clause },
          context.clock(),
        );
        if ("refused" in registered) throw refusal(request.headers["accept-language"], registered, clause);
        reply.code(201);
        return presentOne(request.params.organisationId, registered.certificate.id);
      },
    );

    app.post(
      "/api/organisations/:organisationId/client-certificates/:certificateId/revocation",
      {
        schema: {
          tags: ["security"],
          summary:
            "Revoke a client certificate at once: the next request presenting it is refused — security staff",
          params: ZOrganisationParams.extend({ certificateId: z.uuid() }),
          response: { 200: ZClientCertificate },
        },
      },
      async (request) => {
        const principal = authorize(request, securityPolicy.manageCertificates);
        const clause = clauseOf(request);
        const revoked = await revokeClientCertificate(
          db,
          actorOf(principal, request),
          { ...request.params, clause },
          context.clock(),
        );
        if (revoked === "not_found") throw notFound(request, "client_certificate");
        return presentOne(request.params.organisationId, revoked.id);
      },
    );
  };
}
