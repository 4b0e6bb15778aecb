import type { CookieSerializeOptions } from "@fastify/cookie";
import type { Config } from "../config.js";
import { SESSION_COOKIE } from "./authenticate.js";

export interface SessionCookie {
  name: string;
  /** Attributes it is set with; clearing it repeats them, or the browser keeps it. */
  options: CookieSerializeOptions;
}

/**
 * The session cookie (issue 21, OWASP ASVS V3.4). Behind https (PUBLIC_URL) it is `Secure` and
 * named with the `__Host-` prefix, which a browser accepts only from a secure origin, with
 * `Path=/` and no `Domain`: no sibling subdomain nor a plain-http answer can set or shadow it.
 *
 * `SameSite=Strict`: the portal is a single page whose HTML needs no cookie; every request that
 * needs the session is a fetch from the portal's own page, a same-site request that carries a
 * Strict cookie. A person following a link from a mail (an invitation, a ticket's address) lands
 * on the page without the cookie, and the page's first fetch then has it: nothing Lax would allow
 * is needed, and Strict keeps the cookie off every request another site starts.
 */
export function sessionCookieOf(config: Config): SessionCookie {
  const https = config.PUBLIC_URL.startsWith("https://");
  return {
    name: https ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { path: "/", httpOnly: true, secure: https, sameSite: "strict" },
  };
}
