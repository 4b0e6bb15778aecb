import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The portal built by `npm run build -w @guichet/web`. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/**
 * Serves the React portal at `/` when it has been built. Addresses the portal's router owns
 * (any GET outside /api that accepts HTML) get index.html; everything else keeps the JSON 404.
 */
export async function registerWeb(
  app: FastifyInstance,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined> {
  if (!existsSync(`${WEB_DIST}index.html`)) return undefined;
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: "/", wildcard: false, index: ["index.html"] });
  return (request, reply) => {
    const wantsPage =
      request.method === "GET" &&
      !request.url.startsWith("/api") &&
      (request.headers.accept ?? "").includes("text/html");
    return wantsPage ? reply.type("text/html; charset=utf-8").sendFile("index.html") : undefined;
  };
}
