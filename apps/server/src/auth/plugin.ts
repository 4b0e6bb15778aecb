import type { TLSSocket } from "node:tls";
import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../app-context.js";
import { securityContactOf, suspensionClauseOf } from "../contract/contacts.js";
import { AppError } from "../http/errors.js";
import { negotiateLocale, t } from "../i18n/index.js";
import { sameSecret } from "../modules/accounts/secrets.js";
import { recordAudit } from "../modules/audit/record-audit.js";
import { type PresentedCertificate, resolveCredentials } from "./authenticate.js";
import { actorOf, type Principal } from "./principal.js";
import { sessionCookieOf } from "./session-cookie.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set on every route that is not public; routes read it through `principalOf`. */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** A route anyone may call (sign in, health, accept an invitation). Every other route requires a principal. */
    public?: boolean;
    /** A route a session may call before its second factor is done: TOTP enrolment and verification. */
    secondFactorStep?: boolean;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The principal of an authenticated route (the hook guarantees it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("unauthenticated", "no principal on an authenticated route");
  return request.principal;
}

/** The client certificate of a TLS connection, when the client presented one (DSN-SEC-03). */
function certificateOf(request: FastifyRequest): PresentedCertificate | undefined {
  const socket = request.raw.socket as Partial<TLSSocket>;
  if (!socket.encrypted || typeof socket.getPeerCertificate !== "function") return undefined;
  const peer = socket.getPeerCertificate();
  if (!peer?.fingerprint256) return undefined;
  return {
    fingerprint256: peer.fingerprint256,
    validFrom: new Date(peer.valid_from),
    validTo: new Date(peer.valid_to),
  };
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
}

/**
 * Authentication on every route that does not declare `config: { public: true }`:
 * credentials are re-checked on each request, cookie-authenticated writes need the CSRF
 * header, and every use of an API token is in the audit trail (DSN-SEC-01).
 */
export async function registerAuth(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(fastifyCookie);
  const cookie = sessionCookieOf(context.config);
  app.decorateRequest("principal", undefined);
  app.addHook("preHandler", async (request) => {
    const url = request.routeOptions.url;
    // Outside /api are the portal's static files (public by nature); unmatched routes fall through
    // to the JSON 404; the API documentation is public.
    if (request.routeOptions.config?.public || !url?.startsWith("/api/") || url.startsWith("/api/docs"))
      return;
    const locale = negotiateLocale(request.headers["accept-language"]);
    const now = context.clock();
    const resolution = await resolveCredentials(
      context.database.db,
      {
        bearer: bearerOf(request),
        sessionToken: request.cookies[cookie.name],
        certificate: certificateOf(request),
      },
      now,
    );
    switch (resolution.kind) {
      case "anonymous":
      case "invalid":
        throw new AppError("unauthenticated", t(locale, "auth.unauthenticated"));
      case "second_factor_pending":
        if (request.routeOptions.config?.secondFactorStep) {
          request.principal = resolution.principal;
          return;
        }
        throw new AppError("unauthenticated", t(locale, "auth.second_factor_required"), {
          secondFactor: "totp",
        });
      case "suspended": {
        const contact = securityContactOf(context.contract);
        throw new AppError("forbidden", t(locale, "auth.suspended", { contact }), {
          reason: "organisation_suspended",
          contact,
          clause: suspensionClauseOf(context.contract),
        });
      }
      case "principal":
        break;
    }
    const principal = resolution.principal;
    if (principal.via === "session" && UNSAFE_METHODS.has(request.method)) {
      const given = request.headers["x-csrf-token"];
      if (typeof given !== "string" || !principal.csrfToken || !sameSecret(given, principal.csrfToken)) {
        throw new AppError("forbidden", t(locale, "auth.csrf"), { reason: "csrf" });
      }
    }
    if (principal.via !== "session") {
      await recordAudit(
        context.database.db,
        actorOf(principal, request),
        {
          action: principal.via === "api_token" ? "api_token.use" : "client_certificate.use",
          ...(principal.clientCertificateId
            ? { targetType: "client_certificate", targetId: principal.clientCertificateId }
            : {}),
          data: { method: request.method, route: request.routeOptions.url },
        },
        now,
      );
    }
    request.principal = principal;
  });
}
