import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { ZApiError } from "./api-schemas.js";

/**
 * Every answer a route may give besides its own: the error body of http/error-handler.ts, the
 * one place errors become answers. Added to each route declared after registerOpenApi, so the
 * document describes every error and the serializer holds each error to that shape.
 */
export const ERROR_RESPONSES = { "4xx": ZApiError, "5xx": ZApiError } as const;

/**
 * OpenAPI 3 generated from the routes' zod schemas, at /api/openapi.json, browsable at /api/docs.
 * Schemas named with `.meta({ id })` become components the portal's types are derived from
 * (`npm run api:generate`, apps/web/src/api/schema.d.ts).
 */
export async function registerOpenApi(app: FastifyInstance, portalName: string): Promise<void> {
  app.addHook("onRoute", (route) => {
    if (route.schema?.hide) return;
    const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = { ...route.schema, response: { ...ERROR_RESPONSES, ...declared } };
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: `Guichet API — ${portalName}`,
        description: "Portail client et centre de services, conduits par le contrat du fournisseur.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withoutUnusedInputs(jsonSchemaTransformObject(document)),
  });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  // No validator badge: it would send the document's address to validator.swagger.io (and its
  // image is outside the page's Content-Security-Policy, security-headers.ts).
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { validatorUrl: null } });
}

/**
 * fastify-type-provider-zod gives every named schema an input twin (`TicketInput`); only those a
 * request refers to are kept, so the document and the portal's types name what is used.
 */
function withoutUnusedInputs<T>(document: T): T {
  const doc = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = { ...doc.components?.schemas };
  for (;;) {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas } });
    const unused = Object.keys(schemas).filter(
      (name) => name.endsWith("Input") && !text.includes(`"#/components/schemas/${name}"`),
    );
    if (unused.length === 0) break;
    for (const name of unused) delete schemas[name];
  }
  return { ...doc, components: { ...doc.components, schemas } } as T;
}
