import { contractRules } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { principalOf } from "../../auth/plugin.js";
import { sessionCookieOf } from "../../auth/session-cookie.js";
import { securityContactOf } from "../../contract/contacts.js";
import { ZNoContent, ZRole } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { RIGHTS, rightsOf } from "../../policies/rights.js";
import { PASSWORD_MAX_LENGTH } from "./passwords.js";
import { redeemLink } from "./redeem-link.js";
import { requestPasswordReset } from "./request-password-reset.js";
import { startTotpEnrolment, verifySecondFactor } from "./second-factor.js";
import { signIn } from "./sign-in.js";
import { signOut } from "./sign-out.js";

const ZEmail = z.email().max(254);
const ZRight = z.enum(RIGHTS).meta({ id: "Right" });
const ZPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const ZMe = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    organisationKind: z.enum(["provider", "customer"]),
    roles: z.array(ZRole),
    canInvite: z.boolean(),
    via: z.enum(["session", "api_token", "client_certificate"]),
    csrfToken: z.string().optional(),
    acting: z
      .object({ organisationId: z.string(), organisationName: z.string(), grantId: z.string() })
      .optional(),
    /** What the portal offers this person, answered by the server's policies (policies/rights.ts, issue 14). */
    rights: z.array(ZRight),
  })
  .meta({ id: "Me" });

const ZSecondFactorDone = z
  .object({
    /** Given once, when the code ends an enrolment; empty when it only completes a sign-in. */
    recoveryCodes: z.array(z.string()),
  })
  .meta({ id: "SecondFactorDone" });

/** Sign in and out, invitation and password links. */
export function authRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  const cookie = sessionCookieOf(context.config);
  return async (app) => {
    app.post(
      "/api/auth/sign-in",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary:
            "Sign in with e-mail and password (and, when enrolled, the TOTP code or one of the recovery codes)",
          body: z.strictObject({
            email: ZEmail,
            password: ZPassword,
            totpCode: z.string().max(12).optional(),
            recoveryCode: z.string().max(40).optional(),
          }),
          response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string() }) },
        },
      },
      async (request, reply) => {
        const locale = negotiateLocale(request.headers["accept-language"]);
        const result = await signIn(
          db,
          {
            ...request.body,
            ip: request.ip,
            userAgent: request.headers["user-agent"] ?? null,
            requestId: request.id,
            previousSessionToken: request.cookies[cookie.name],
            totpRequiredForProviderStaff: context.contract.identifierPolicy.totpRequiredForProviderStaff,
          },
          context.clock(),
        );
        if (!result.ok) {
          if (result.reason === "second_factor_required") {
            throw new AppError("unauthenticated", t(locale, "auth.second_factor_required"), {
              secondFactor: "totp",
            });
          }
          if (result.reason === "throttled") {
            reply.header("retry-after", String(result.retryAfterSeconds));
            throw new AppError(
              "rate_limited",
              t(locale, "auth.throttled", { seconds: result.retryAfterSeconds }),
              { retryAfterSeconds: result.retryAfterSeconds },
            );
          }
          if (result.reason === "second_factor_invalid")
            throw new AppError("unauthenticated", t(locale, "auth.totp_invalid"));
          if (result.reason === "suspended") {
            const contact = securityContactOf(context.contract);
            throw new AppError("forbidden", t(locale, "auth.suspended", { contact }), {
              reason: "organisation_suspended",
            });
          }
          throw new AppError("unauthenticated", t(locale, "auth.login_failed"));
        }
        reply.setCookie(cookie.name, result.sessionToken, { ...cookie.options, expires: result.expiresAt });
        return { csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
      },
    );

    app.post(
      "/api/auth/sign-out",
      { schema: { tags: ["auth"], summary: "End this session", response: { 204: ZNoContent } } },
      async (request, reply) => {
        await signOut(db, principalOf(request), request, context.clock());
        reply.clearCookie(cookie.name, cookie.options);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/auth/me",
      { schema: { tags: ["auth"], summary: "Who is signed in", response: { 200: ZMe } } },
      async (request) => {
        const p = principalOf(request);
        return { ...p, roles: [...p.roles], rights: rightsOf(p) };
      },
    );

    app.post(
      "/api/auth/links/redeem",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary:
            "Set a password from an invitation or reset link (single use, expiring — MCR-ACC-01, DSN-ID-02)",
          body: z.strictObject({ token: z.string().min(10).max(200), password: ZPassword }),
          response: { 200: z.object({ email: z.string(), strength: z.number() }) },
        },
      },
      async (request) => {
        const locale = negotiateLocale(request.headers["accept-language"]);
        const result = await redeemLink(context, request.body, request, context.clock());
        if (result.ok) return { email: result.email, strength: result.strength };
        if (result.reason === "too_weak") {
          throw new AppError(
            "contract_rule",
            t(locale, "auth.password_too_weak", { score: result.score, minimum: result.minimum }),
            {
              field: "password",
              strength: result.score,
              minimum: result.minimum,
              clause: contractRules(context.contract).password,
            },
          );
        }
        throw new AppError("not_found", t(locale, "auth.link_invalid"));
      },
    );

    app.post(
      "/api/auth/password-reset",
      {
        config: { public: true },
        schema: {
          tags: ["auth"],
          summary: "Ask for a password reset link by e-mail (same answer whether the account exists or not)",
          body: z.strictObject({ email: ZEmail }),
          response: { 202: ZNoContent },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(context, request.body.email, request, context.clock());
        return reply.code(202).send(null);
      },
    );

    app.post(
      "/api/auth/totp/enrol",
      {
        config: { secondFactorStep: true },
        schema: {
          tags: ["auth"],
          summary: "Enrol a TOTP second factor: returns the secret once, as an otpauth URI",
          response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
        },
      },
      async (request) => {
        const result = await startTotpEnrolment(
          db,
          principalOf(request),
          context.contract.provider.name,
          request,
          context.clock(),
        );
        if (!result.ok) {
          throw new AppError(
            "conflict",
            t(negotiateLocale(request.headers["accept-language"]), "auth.totp_already"),
          );
        }
        return { secret: result.secret, uri: result.uri };
      },
    );

    app.post(
      "/api/auth/totp/verify",
      {
        config: { secondFactorStep: true },
        schema: {
          tags: ["auth"],
          summary:
            "Finish signing in with a code from the authenticator app; the first code proves a pending enrolment and returns the recovery codes, once",
          body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
          response: { 200: ZSecondFactorDone },
        },
      },
      async (request) => {
        const result = await verifySecondFactor(
          db,
          principalOf(request),
          request.body.code,
          request,
          context.clock(),
        );
        if (!result.ok)
          throw new AppError(
            "unauthenticated",
            t(negotiateLocale(request.headers["accept-language"]), "auth.totp_invalid"),
          );
        return { recoveryCodes: result.recoveryCodes };
      },
    );
  };
}
