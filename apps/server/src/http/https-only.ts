import { isIP } from "node:net";
import type { Contract } from "@guichet/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.js";
import { negotiateLocale, t } from "../i18n/index.js";
import { AppError } from "./errors.js";

/** Loopback: 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (::ffff:127.x). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}

/**
 * HTTPS only, where the contract says so (DSN-SEC-03 `integratedMode.httpsOnly`, DSN art. 1; the
 * reading is in the contract file): a request is taken when it came over TLS to this server, or
 * through a proxy TRUST_PROXY names that says `X-Forwarded-Proto: https` (Fastify reads that
 * header only from a trusted peer). Plain HTTP is refused before any authentication, so no
 * credential is read from it, except:
 * - from a loopback client when PLAIN_HTTP_LOOPBACK is `allow` (the default: the demo, the tests,
 *   a browser on the same machine); the client address is the proxy's X-Forwarded-For one when
 *   the proxy is trusted, so a remote client behind a local proxy is not exempt;
 * - the health probes (/health…), which load balancers call on the inside.
 * A page asked for by GET over plain HTTP is redirected to https; anything else is refused (403,
 * `reason: https_required`) rather than redirected, as the request already crossed in clear.
 */
export function registerHttpsOnly(app: FastifyInstance, contract: Contract, config: Config): void {
  const mode = contract.security?.integratedMode;
  if (!mode?.httpsOnly) return;
  const clause = mode.clause;
  app.addHook("onRequest", async (request: FastifyRequest, reply) => {
    if (request.protocol === "https") return;
    if (request.url.startsWith("/health")) return;
    if (config.PLAIN_HTTP_LOOPBACK === "allow" && isLoopback(request.ip)) return;
    if ((request.method === "GET" || request.method === "HEAD") && !request.url.startsWith("/api/"))
      return reply.redirect(`https://${request.host}${request.url}`, 308);
    throw new AppError(
      "forbidden",
      t(negotiateLocale(request.headers["accept-language"]), "security.https_required", { clause }),
      { reason: "https_required", clause },
    );
  });
}
