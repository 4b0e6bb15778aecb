import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";

/**
 * The browser security headers of every answer, set here and nowhere else (OWASP ASVS V14.4,
 * issue 21). Each answer gets one of four policies:
 *
 * - `portal` (the default: the React portal's page, its scripts and styles, the 404 page);
 * - `api` (every /api route: JSON a browser never renders, so its policy allows nothing);
 * - `download` (a file handed back as it was received: `api` plus `sandbox`, so even a file a
 *   browser were to render runs no script and has an opaque origin);
 * - `docs` (the Swagger UI at /api/docs, a separate page with its own needs).
 *
 * A route chooses `download` with `config: { securityHeaders: "download" }`; the others follow
 * from the address.
 */
export type SecurityPolicyKind = "portal" | "api" | "download" | "docs";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Which security-header policy the route's answers carry (security-headers.ts); by address when unset. */
    securityHeaders?: SecurityPolicyKind;
  }
}

/** Where browsers send Content-Security-Policy violation reports (csp-reports.ts). */
export const CSP_REPORT_PATH = "/api/csp-reports";
/** The Reporting API endpoint's name (`report-to`), declared by the Reporting-Endpoints header. */
const REPORT_GROUP = "csp";

/**
 * Features the portal never uses, turned off for it and anything it might embed. Kept: the
 * clipboard (the copy buttons of API tokens and TOTP secrets write to it) and fullscreen.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

const styleNonces = new WeakMap<ServerResponse, string>();

/**
 * The nonce of this answer's style-src, made when the policy is written (on every portal answer,
 * as the page fallback is only decided later) and put into index.html by the page server.
 */
export function styleNonceOf(response: ServerResponse): string {
  let nonce = styleNonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString("base64");
    styleNonces.set(response, nonce);
  }
  return nonce;
}

type Directives = Record<string, Array<string | ((req: unknown, res: ServerResponse) => string)>>;

/** Every policy ends with these: nothing may frame an answer, and violations are reported. */
const COMMON: Directives = {
  "base-uri": ["'none'"],
  "object-src": ["'none'"],
  "frame-ancestors": ["'none'"],
  "report-uri": [CSP_REPORT_PATH],
  "report-to": [REPORT_GROUP],
};

/**
 * The portal's policy (the note of issue 21 gives the reason for each directive):
 * scripts only from its own origin (the Vite build has no inline script and no eval); styles from
 * its own origin plus the `<style>` elements Mantine writes at run time (its theme's CSS variables,
 * its breakpoint classes, responsive style props), which carry this answer's nonce: no
 * 'unsafe-inline'. Style attributes set by React go through the CSSOM, which CSP does not govern,
 * so none needs allowing. Images: its own and `data:` (the empty favicon). Fetches to itself only.
 */
function portalDirectives(https: boolean): Directives {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'", (_req, res) => `'nonce-${styleNonceOf(res)}'`],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'none'"],
    "frame-src": ["'none'"],
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    ...COMMON,
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/** JSON and files: nothing to load, run or submit. */
const API_DIRECTIVES: Directives = {
  "default-src": ["'none'"],
  "form-action": ["'none'"],
  ...COMMON,
};

/**
 * Swagger UI (@fastify/swagger-ui): its scripts and styles are files from /api/docs/static, and
 * its bundle writes one constant inline `<style>`, allowed by its hash (a new Swagger UI that
 * writes another fails the e2e test browser-security.e2e.test.ts, which names the new hash).
 * Its icons are `data:` SVG.
 */
const DOCS_DIRECTIVES: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "form-action": ["'self'"],
  ...COMMON,
};

function helmetOptions(directives: Directives, https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    // The portal opens no other window it must talk to, and nothing opened may reach it.
    crossOriginOpenerPolicy: { policy: "same-origin" },
    // Its files are for itself: no other site may load them as subresources.
    crossOriginResourcePolicy: { policy: "same-origin" },
    // Nothing cross-origin is embedded, but COEP would only add a failure mode without a gain here.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
    // One year, subdomains included, only once the portal is reached over https (PUBLIC_URL).
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** Registers helmet and the headers it does not set; call before any route is registered. */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.PUBLIC_URL.startsWith("https://");
  const policies: Record<Exclude<SecurityPolicyKind, "portal">, FastifyHelmetOptions> = {
    api: helmetOptions(API_DIRECTIVES, https),
    download: helmetOptions({ ...API_DIRECTIVES, sandbox: [] }, https),
    docs: helmetOptions(DOCS_DIRECTIVES, https),
  };
  // Routes take their policy as they are declared (helmet reads `config.helmet` per request).
  app.addHook("onRoute", (route) => {
    const kind: SecurityPolicyKind =
      route.config?.securityHeaders ??
      (route.url.startsWith("/api/docs")
        ? "docs"
        : route.url.startsWith("/api/") || route.url === "/health"
          ? "api"
          : "portal");
    if (kind !== "portal") route.config = { ...route.config, helmet: policies[kind] } as typeof route.config;
  });
  await app.register(fastifyHelmet, helmetOptions(portalDirectives(https), https));
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
    reply.header("reporting-endpoints", `${REPORT_GROUP}="${CSP_REPORT_PATH}"`);
  });
}
