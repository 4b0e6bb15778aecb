import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** OpenAPI 3 generated from the routes' zod schemas, at /api/openapi.json, browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, portalName: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: `Guichet API — ${portalName}`,
        description: "Portail client et centre de services, conduits par le contrat du fournisseur.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  // No validator badge: it would send the document's address to validator.swagger.io (and its
  // image is outside the page's Content-Security-Policy, security-headers.ts).
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
}
