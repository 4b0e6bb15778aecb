import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * The process's own measurements (issue 19), counted as things happen: requests, sweeps, desk
 * mail, failed sign-ins, and Node's own (memory, event loop, garbage collection). What the
 * database holds (outbox, open tickets, SLA states) is read at each scrape instead (metrics.ts).
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: "guichet_" });

export const httpDuration = new Histogram({
  name: "guichet_http_request_duration_seconds",
  help: "HTTP requests by route template, method and status code",
  labelNames: ["method", "route", "status_code"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const loginFailures = new Counter({
  name: "guichet_login_failures_total",
  help: "Refused sign-ins (wrong credentials or second factor: 401; throttled: 429)",
  labelNames: ["status_code"] as const,
  registers: [processRegistry],
});

export const sweepRuns = new Histogram({
  name: "guichet_sweep_duration_seconds",
  help: "Runs of the background sweeps by outcome, and how long each took",
  labelNames: ["sweep", "outcome"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
  registers: [processRegistry],
});

export const deskMailReceived = new Counter({
  name: "guichet_desk_mail_received_total",
  help: "Mail taken by the desk, by what became of it (opened, joined, refused, dropped)",
  labelNames: ["outcome"] as const,
  registers: [processRegistry],
});

export const databaseQueries = new Histogram({
  name: "guichet_db_query_duration_seconds",
  help: "PostgreSQL queries, from sending to answer",
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [processRegistry],
});
