import type { OrganisationKind, Role } from "@guichet/domain";
import type { AuditActor } from "../modules/audit/record-audit.js";

/** The person behind a request, resolved from a session cookie or an API token. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  /** The person's own organisation. */
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The roles in force for this request (a token's roles, or a support grant's). */
  roles: readonly Role[];
  canInvite: boolean;
  /** A machine is an API token's or a client certificate's (integrated mode, DSN-SEC-03). */
  via: "session" | "api_token" | "client_certificate";
  sessionTokenHash?: string;
  csrfToken?: string;
  apiTokenId?: string;
  clientCertificateId?: string;
  /** Set while a provider agent acts in a customer's tenant under a support grant (MCR-ACC-05). */
  acting?: { organisationId: string; organisationName: string; grantId: string };
}

/** The organisation whose data the request works on: the tenant of row-level security. */
export function tenantOf(principal: Principal): string {
  return principal.acting?.organisationId ?? principal.organisationId;
}

export function actorOf(
  principal: Principal,
  request: { ip?: string; id?: string; headers: Record<string, unknown> },
): AuditActor {
  return {
    userId: principal.userId,
    label: `${principal.displayName} <${principal.email}>`,
    organisationId: principal.organisationId,
    via: principal.via,
    apiTokenId: principal.apiTokenId ?? null,
    grantId: principal.acting?.grantId ?? null,
    actingForOrganisationId: principal.acting?.organisationId ?? null,
    ip: request.ip ?? null,
    userAgent: typeof request.headers["user-agent"] === "string" ? request.headers["user-agent"] : null,
    requestId: request.id ?? null,
  };
}
