import { availableParallelism, loadavg } from "node:os";
import { fixed, median, table } from "./instruments.js";
import type { LoadResult } from "./load.js";
import type { tableCounts } from "./seed.js";

/** The reference helpdesk (tickets created, and pages of 50 listed, per second), and our aim. */
const REFERENCE = { creation: 86, queue: 153 };
const AIM = 20;

type Scenario = "creation" | "baseline" | "queue";

export interface BenchReport {
  results: Partial<Record<Scenario, LoadResult>>;
  connections: Record<Scenario, number>;
  /** One request at a time: the queries each sends, the time they wait on the database, the time in all. */
  work: { label: string; queries: number; dbMs: number; ms: number }[];
  /** CPU per request under load: the server's, and PostgreSQL's when it runs on this machine. */
  cpu: Partial<Record<Scenario, { server: number; postgres: number | undefined }>>;
  /** Rows in the desk's tables before and after the sequential requests (30 creations). */
  before: Awaited<ReturnType<typeof tableCounts>>;
  after: Awaited<ReturnType<typeof tableCounts>>;
  /** Creation's throughput over the baseline's, round by round. */
  roundRatios: number[];
}

/** Prints the loads, the work per request, and each target's verdict. */
export function printReport({
  results,
  connections,
  work,
  cpu,
  before,
  after,
  roundRatios,
}: BenchReport): void {
  const created = after.tickets - before.tickets;
  const each = (table: keyof typeof after) => fixed((after[table] - before[table]) / created);
  const labels = {
    creation: "POST /api/tickets",
    baseline: "POST /api/bench/baseline (1 insert)",
    queue: "GET /api/tickets?open&urgency (50)",
  };
  const names = (["creation", "baseline", "queue"] as const).filter((name) => results[name]);
  table(
    ["", "conns", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-2xx", "KiB/req"],
    names.map((name) => {
      const r = results[name] as LoadResult;
      return [
        labels[name],
        String(connections[name]),
        fixed(r.perSecond),
        String(r.p50),
        String(r.p90),
        String(r.p99),
        String(r.max),
        String(r.non2xx + r.errors),
        fixed(r.bytesPerRequest / 1024),
      ];
    }),
  );
  console.log("\nwork per request: alone (30 sequential requests), and CPU under the load above");
  table(
    ["", "queries", "DB wait ms", "alone ms", "server CPU ms", "PostgreSQL CPU ms"],
    names.map((name, i) => {
      const w = work.find((x) => x.label === name) ?? work[i];
      return [
        labels[name],
        fixed(w?.queries ?? 0),
        fixed(w?.dbMs ?? 0, 2),
        fixed(w?.ms ?? 0, 2),
        fixed(cpu[name]?.server ?? 0, 2),
        Number.isNaN(cpu[name]?.postgres) ? "n/a" : fixed(cpu[name]?.postgres ?? 0, 2),
      ];
    }),
  );
  console.log(
    `each creation wrote ${each("tickets")} ticket, ${each("events")} event, ${each("audit")} audit entry, ${each("outbox")} mail; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (${availableParallelism()} CPUs)`,
  );

  const { creation, queue } = results;
  const verdict = (ok: boolean) => (ok ? "MET" : "MISSED");
  if (creation) {
    const ratio = median(roundRatios);
    console.log(
      `\ncreation / baseline by round: ${roundRatios.map((r) => fixed(r, 2)).join(", ")}` +
        `\ncreation / baseline, median of the rounds: ${fixed(ratio, 2)}x (target >= 0.50x): ${verdict(ratio >= 0.5)}` +
        `\ncreation vs the reference helpdesk's ${REFERENCE.creation}/s: ${fixed(creation.perSecond / REFERENCE.creation)}x (aim >= ${AIM}x): ${verdict(creation.perSecond >= AIM * REFERENCE.creation)}`,
    );
  }
  if (queue)
    console.log(
      `queue p99 at 50 connections: ${queue.p99} ms (target < 50 ms): ${verdict(queue.p99 < 50)}` +
        `\nqueue vs the reference helpdesk's ${REFERENCE.queue}/s: ${fixed(queue.perSecond / REFERENCE.queue)}x (aim >= ${AIM}x): ${verdict(queue.perSecond >= AIM * REFERENCE.queue)}`,
    );
  for (const [name, r] of Object.entries(results))
    if (r.non2xx + r.errors > 0)
      console.log(
        `warning: ${name} had ${r.non2xx} non-2xx answers (${JSON.stringify(r.statusCodes)}) and ${r.errors} errors`,
      );
}
