import { type Database, migrationsApplied } from "@guichet/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { BACKGROUND_WORK_LEASE, leaseHolder, PROCESS_HOLDER_ID } from "../../jobs/work-lease.js";

const ZHealth = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgresql"]),
  contract: z.string(),
});

const ZLive = z.object({ status: z.literal("ok") }).meta({ id: "HealthLive" });

const ZReady = ZHealth.extend({
  migrations: z.literal("applied"),
  backgroundWork: z
    .object({
      holder: z.string().describe("The process running the sweeps and the desk's mailbox (host:pid:…)"),
      thisProcess: z.boolean(),
      until: z.iso.datetime(),
    })
    .nullable()
    .describe("Null while no process holds the lease: between a holder's death and its takeover"),
}).meta({ id: "HealthReady" });

/**
 * Health for a load balancer and an orchestrator (issue 19): `/health/live` says the process
 * answers (restart it otherwise), `/health/ready` that it can serve — the database answers and
 * holds every migration of this release — and who runs the once-only work. `/health` is the
 * readiness of earlier releases, kept for the probes already pointed at it. Public, read-only.
 */
export function healthRoutes(context: AppContext, root: Database): FastifyPluginAsyncZod {
  const unavailable = (request: { headers: Record<string, unknown> }) =>
    new AppError(
      "unavailable",
      t(negotiateLocale(request.headers["accept-language"] as string | undefined), "error.unavailable"),
    );
  const identity = () => ({
    status: "ok" as const,
    database: context.database.kind,
    contract: context.contract.id,
  });

  return async (app) => {
    app.get(
      "/health/live",
      {
        config: { public: true },
        schema: { tags: ["system"], summary: "The process answers", response: { 200: ZLive } },
      },
      async () => ({ status: "ok" as const }),
    );

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
          await root.ping();
        } catch (cause) {
          request.log.warn({ err: cause }, "database does not answer");
          throw unavailable(request);
        }
        return identity();
      },
    );

    app.get(
      "/health/ready",
      {
        config: { public: true },
        schema: {
          tags: ["system"],
          summary: "Ready to serve: database reachable, migrations applied; who runs the background work",
          response: { 200: ZReady },
        },
      },
      async (request) => {
        let applied: boolean;
        let lease: Awaited<ReturnType<typeof leaseHolder>>;
        try {
          applied = await migrationsApplied(root);
          lease = await leaseHolder(root.db, BACKGROUND_WORK_LEASE);
        } catch (cause) {
          request.log.warn({ err: cause }, "database does not answer");
          throw unavailable(request);
        }
        if (!applied) {
          request.log.warn("the database lacks this release's migrations");
          throw unavailable(request);
        }
        return {
          ...identity(),
          migrations: "applied" as const,
          backgroundWork: lease
            ? {
                holder: lease.holder,
                thisProcess: lease.holder === PROCESS_HOLDER_ID,
                until: lease.expiresAt.toISOString(),
              }
            : null,
        };
      },
    );
  };
}
