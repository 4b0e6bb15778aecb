import type { FastifyRequest } from "fastify";
import { principalOf } from "../auth/plugin.js";
import type { Principal } from "../auth/principal.js";
import { AppError } from "../http/errors.js";
import { negotiateLocale, t } from "../i18n/index.js";

/**
 * Runs one policy check for the request's principal; refuses with 403 when it fails.
 * Routes call it right after validation, before any use case.
 */
export function authorize(request: FastifyRequest, allowed: (principal: Principal) => boolean): Principal {
  const principal = principalOf(request);
  if (!allowed(principal)) {
    throw new AppError("forbidden", t(negotiateLocale(request.headers["accept-language"]), "auth.forbidden"));
  }
  return principal;
}
