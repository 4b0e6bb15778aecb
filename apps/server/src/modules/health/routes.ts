import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";

const ZHealth = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  contract: z.string(),
});

/** Liveness and readiness in one: 200 only when the database answers. Public, read-only. */
export function healthRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/health",
      {
        config: { public: true },
        schema: {
          tags: ["system"],
          summary: "Health of the server and its database",
          response: { 200: ZHealth },
        },
      },
      async (request) => {
        try {
          await context.database.ping();
        } catch (cause) {
          request.log.warn({ err: cause }, "database does not answer");
          throw new AppError(
            "unavailable",
            t(negotiateLocale(request.headers["accept-language"]), "error.unavailable"),
          );
        }
        return { status: "ok" as const, database: context.database.kind, contract: context.contract.id };
      },
    );
  };
}
