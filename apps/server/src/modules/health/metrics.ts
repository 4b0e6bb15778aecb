import { timingSafeEqual } from "node:crypto";
import { type Database, rowsOf } from "@guichet/db";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Gauge, Registry } from "prom-client";
import type { AppContext } from "../../app-context.js";
import { databaseQueries, httpDuration, loginFailures, processRegistry } from "./instruments.js";

/** Where a sign-in is refused: the password step, and the second factor's. */
const SIGN_IN_ROUTES = new Set(["/api/auth/sign-in", "/api/auth/totp/verify"]);

/** Times every answered request by its route template (never the raw URL: ids would explode the series). */
export function instrumentRequests(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const status = String(reply.statusCode);
    httpDuration.observe({ method: request.method, route, status_code: status }, reply.elapsedTime / 1000);
    if (SIGN_IN_ROUTES.has(route) && (reply.statusCode === 401 || reply.statusCode === 429)) {
      loginFailures.inc({ status_code: status });
    }
  });
}

/**
 * What the database holds, read at each scrape (so every process reports the same, and a restart
 * loses nothing): the outbox's depth and oldest age, open tickets per priority and plan, and the
 * SLA states from the queue's stored sort keys (breached: an open ticket past its next SLA
 * instant; at risk: past its warning threshold, not yet due).
 */
function databaseGauges(database: Database, clock: () => Date): Registry {
  const registry = new Registry();
  const db = database.db;
  new Gauge({
    name: "guichet_outbox_pending",
    help: "Messages waiting in the outbox (pending or being sent)",
    registers: [registry],
    async collect() {
      const [row] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from outbox where status in ('pending', 'sending')`),
      );
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: "guichet_outbox_oldest_pending_seconds",
    help: "Age of the oldest message not yet sent (0 when none)",
    registers: [registry],
    async collect() {
      const [row] = rowsOf<{ oldest: string | null }>(
        await db.execute(
          sql`select min(created_at)::text as oldest from outbox where status in ('pending', 'sending')`,
        ),
      );
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : undefined;
      this.set(oldest === undefined ? 0 : Math.max(0, (clock().getTime() - oldest) / 1000));
    },
  });
  new Gauge({
    name: "guichet_open_tickets",
    help: "Tickets not yet resolved, by priority and support plan",
    labelNames: ["priority", "plan"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = rowsOf<{ priority: string; plan: string; n: number }>(
        await db.execute(sql`select priority, plan_key as plan, count(*)::int as n from tickets
          where status in ('new', 'in_progress', 'on_hold') group by 1, 2`),
      );
      for (const row of rows) this.set({ priority: row.priority, plan: row.plan }, row.n);
    },
  });
  new Gauge({
    name: "guichet_sla_clocks",
    help: "Open tickets under SLA by plan and state (breached, at_risk)",
    labelNames: ["plan", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const now = clock().toISOString();
      const rows = rowsOf<{ plan: string; breached: number; at_risk: number }>(
        await db.execute(sql`select plan_key as plan,
            count(*) filter (where sla_due_at < ${now}::timestamptz)::int as breached,
            count(*) filter (where sla_due_at >= ${now}::timestamptz and sla_warn_at <= ${now}::timestamptz)::int as at_risk
          from tickets where sla_applies and status in ('new', 'in_progress') group by 1`),
      );
      for (const row of rows) {
        this.set({ plan: row.plan, state: "breached" }, row.breached);
        this.set({ plan: row.plan, state: "at_risk" }, row.at_risk);
      }
    },
  });
  const pool = database.pool;
  if (pool) {
    new Gauge({
      name: "guichet_db_pool_connections",
      help: "PostgreSQL connections of this process's pool, by state",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }
  return registry;
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `/metrics` in Prometheus text format, only when METRICS_TOKEN is set and only to a bearer of
 * it: counts of tickets and mail are the provider's business, never public. Outside /api and the
 * OpenAPI document (it is the operator's, not the product's).
 */
export function registerMetrics(app: FastifyInstance, context: AppContext, root: Database): void {
  const token = context.config.METRICS_TOKEN;
  if (token === undefined) return;
  const registry = Registry.merge([processRegistry, databaseGauges(root, context.clock)]);
  root.observeQueries?.((seconds) => databaseQueries.observe(seconds));
  app.get("/metrics", { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    if (!sameToken(given, token)) {
      return reply.code(401).header("www-authenticate", 'Bearer realm="metrics"').send();
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
