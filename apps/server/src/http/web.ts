import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { styleNonceOf } from "./security-headers.js";

/** The portal built by `npm run build -w @guichet/web`. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/** A file of the build named by its content's hash (Vite: assets/name-<8 characters>.ext). */
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.(br|gz))?$/;

/** The word the build puts where each served copy of index.html carries its nonce (apps/web/vite.config.ts). */
const NONCE_PLACEHOLDER = /GUICHET_CSP_NONCE/g;

/**
 * What the portal needs before its first paint, written into the page (as `GET /api/contract`
 * answers it): without it the portal showed a spinner until that request came back (issue 13,
 * first load). The portal reads it in apps/web/src/session.ts.
 */
export interface InlinedData {
  contract: unknown;
}

/**
 * A JSON data block: never run by the browser, so outside the script policy. `<` is escaped so
 * that no text of the contract can close the element.
 */
function dataBlock(id: string, value: unknown): string {
  return `<script type="application/json" id="${id}">${JSON.stringify(value).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The page is made per answer (its nonce), so compressed per answer: about 12 KB with the
 * contract summary, 4 KB once compressed, and every other file of the portal waits for it (issue
 * 13, first load). A middle brotli level: a fraction of a millisecond for a page this size.
 */
const PAGE_COMPRESSORS = {
  br: (html: string) => brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (html: string) => gzipSync(html),
} as const;

/** The encoding of the page the browser takes (Accept-Encoding), brotli first; none refused by q=0. */
function pageEncoding(accepted: string | undefined): keyof typeof PAGE_COMPRESSORS | undefined {
  const taken = new Set(
    (accepted ?? "")
      .split(",")
      .map((entry) => entry.trim().split(/\s*;\s*q=/))
      .filter(([, q]) => q === undefined || Number(q) > 0)
      .map(([name]) => name?.toLowerCase()),
  );
  return taken.has("br") ? "br" : taken.has("gzip") ? "gzip" : undefined;
}

/**
 * Serves the React portal at `/` when it has been built. Addresses the portal's router owns
 * (any GET outside /api that accepts HTML, `/` and `/index.html` included) get index.html with
 * this answer's style nonce and the deployment's inlined data; everything else keeps the JSON 404.
 */
export async function registerWeb(
  app: FastifyInstance,
  inlined: InlinedData,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined> {
  if (!existsSync(`${WEB_DIST}index.html`)) return undefined;
  const page = readFileSync(`${WEB_DIST}index.html`, "utf8").replace(
    "</head>",
    `${dataBlock("guichet-contract", inlined.contract)}</head>`,
  );
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: "/",
    wildcard: false,
    // index.html is only served with its nonce filled in, below.
    index: false,
    globIgnore: ["index.html"],
    // The build's brotli and gzip copies (apps/web/vite.config.ts), sent to browsers that take them.
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Built files are named by their content's hash: a new build is a new name, so a browser
      // may keep them for a year without asking again (issue 13, first load).
      if (HASHED.test(path)) reply.header("cache-control", "public, max-age=31536000, immutable");
    },
  });
  const servePage = (request: FastifyRequest, reply: FastifyReply) => {
    const html = page.replace(NONCE_PLACEHOLDER, styleNonceOf(reply.raw));
    const encoding = pageEncoding(request.headers["accept-encoding"]);
    reply
      .type("text/html; charset=utf-8")
      // A copy carries the nonce of its own answer's policy: never reuse one without asking.
      .header("cache-control", "no-cache")
      .header("vary", "accept-encoding");
    if (!encoding) return reply.send(html);
    return reply.header("content-encoding", encoding).send(PAGE_COMPRESSORS[encoding](html));
  };
  for (const url of ["/", "/index.html"]) {
    app.get(url, { schema: { hide: true } }, (request, reply) => servePage(request, reply));
  }
  return (request, reply) => {
    const wantsPage =
      request.method === "GET" &&
      !request.url.startsWith("/api") &&
      (request.headers.accept ?? "").includes("text/html");
    return wantsPage ? servePage(request, reply) : undefined;
  };
}
