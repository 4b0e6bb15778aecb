import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { type Database, migrateDatabase, openDatabase, rowsOf, tickets } from "@guichet/db";
import { findPostgresBinaries, type PostgresCluster, startPostgresCluster } from "@guichet/db/testing";
import { count, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../../apps/server/src/app.js";
import type { AppContext } from "../../apps/server/src/app-context.js";
import { readConfig } from "../../apps/server/src/config.js";
import { loadContract } from "../../apps/server/src/contract/load-contract.js";
import { bindDeployment } from "../../apps/server/src/runtime/bind-deployment.js";
import { type SignedIn, signInAs } from "../../apps/server/test/helpers/session.js";
import { baselineRoute, createBaselineTable } from "./baseline.js";
import {
  combined,
  fixed,
  LoadGenerator,
  postgresCpu,
  postgresMs,
  startPerf,
  startProfiler,
} from "./instruments.js";
import type { LoadResult, LoadScenario } from "./load.js";
import { printReport } from "./report.js";
import { OPEN_TICKETS, seedPeople, seedTickets, tableCounts } from "./seed.js";
import { compareSpread, printSpread, type SpreadRound, signInSpreadCustomers } from "./spread.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_SECONDS = 3;

// ---------------------------------------------------------------- database and server

/** Every query the process sends, and the time summed from sending each to its answer. */
const queries = { count: 0, ms: 0 };
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  queries.count++;
  const start = performance.now();
  const done = () => {
    queries.ms += performance.now() - start;
  };
  const callback = args[args.length - 1];
  if (typeof callback === "function") {
    args[args.length - 1] = (...answer: unknown[]) => {
      done();
      return callback(...answer);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  if (result instanceof Promise) result.then(done, done);
  return result;
} as typeof pg.Client.prototype.query;

const cleanups: (() => Promise<void> | void)[] = [];
/** Runs the cleanups in reverse order; one that hangs (a request stuck in the server) is left after 10 s. */
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) {
    const timer = new AbortController();
    try {
      await Promise.race([
        step(),
        delay(10_000, undefined, { signal: timer.signal }).then(
          () => console.error("cleanup: a step took over 10 s, skipped"),
          () => {}, // cancelled: the step ended in time
        ),
      ]);
    } catch (error) {
      console.error("cleanup:", error);
    } finally {
      timer.abort();
    }
  }
}
process.once("SIGINT", () => {
  void cleanUp().then(() => process.exit(130));
});

async function serverUrl(): Promise<string> {
  const given = process.argv[2] ?? process.env.DATABASE_URL;
  if (given) return given;
  const binDir = findPostgresBinaries();
  if (!binDir)
    throw new Error("PostgreSQL not found (no initdb): pass a postgresql:// URL or set DATABASE_URL");
  const cluster: PostgresCluster = await startPostgresCluster(binDir);
  cleanups.push(() => cluster.stop());
  return cluster.url;
}

/** A fresh database on the server, dropped at the end; the pool is the server's default one. */
async function freshDatabase(url: string): Promise<{ database: Database; name: string; url: string }> {
  const name = `guichet_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgresql", url: target.toString() });
  cleanups.push(() => database.close());
  await migrateDatabase(database);
  return { database, name, url: target.toString() };
}

/** Sequential requests: the queries each one sends and the time they wait on the database. */
async function workOf(
  label: string,
  n: number,
  send: (i: number) => Promise<Response>,
): Promise<{ label: string; queries: number; dbMs: number; ms: number }> {
  for (let i = 0; i < 3; i++) await (await send(-1 - i)).arrayBuffer(); // warm-up
  const before = { ...queries };
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const response = await send(i);
    await response.arrayBuffer();
    if (response.status >= 300) throw new Error(`${label}: HTTP ${response.status}`);
  }
  const ms = (performance.now() - start) / n;
  return { label, queries: (queries.count - before.count) / n, dbMs: (queries.ms - before.ms) / n, ms };
}

async function main(): Promise<void> {
  const url = await serverUrl();
  const { database, name: databaseName, url: databaseUrl } = await freshDatabase(url);
  const contract = loadContract("multicloud-ready");
  await bindDeployment(database.db, contract.id);
  await createBaselineTable(database.db);
  const context: AppContext = {
    config: readConfig({ GUICHET_CONTRACT: contract.id }),
    contract,
    database,
    clock: () => new Date(),
  };
  const app: FastifyInstance = await buildApp(context, {
    extraRoutes: async (instance) => {
      await instance.register(baselineRoute(database));
    },
  });
  cleanups.push(() => app.close());
  const address = await app.listen({ host: "127.0.0.1", port: 0 });

  const seedStart = performance.now();
  const { agent, customers } = await seedPeople(database.db);
  await seedTickets(database, context, customers, new Date());
  // As autovacuum would have by now: planner statistics and visibility map for the seeded rows.
  await database.db.execute(sql`vacuum analyze`);
  const seeded = await tableCounts(database.db);
  const [open] = await database.db
    .select({ n: count() })
    .from(tickets)
    .where(sql`${tickets.status} in ('new', 'in_progress', 'on_hold') and ${tickets.slaDueAt} is not null`);
  const version = rowsOf<{ server_version: string }>(await database.db.execute(sql`show server_version`))[0];
  console.log(
    `database: PostgreSQL ${version?.server_version}, pool of 10 (the server's default); ` +
      `seeded ${seeded.tickets} open tickets (${open?.n} with an SLA due date), ${seeded.events} events, ` +
      `${seeded.audit} audit entries, ${seeded.outbox} mails in ${fixed((performance.now() - seedStart) / 1000)} s`,
  );

  const contact = customers[0]?.contacts[0];
  if (!contact) throw new Error("no contact");
  const now = new Date();
  const customer: SignedIn = await signInAs(app, contact.user, now);
  const support: SignedIn = await signInAs(app, agent, now);
  const spreadPeople = await signInSpreadCustomers(database.db, app, now);

  const queueUrl = `${address}/api/tickets?open=true&order=urgency&limit=50`;
  const ticketBody = (title: string) =>
    JSON.stringify({
      category: "incident",
      priority: "P2",
      title,
      description: "La console renvoie une erreur 503 depuis ce matin.",
    });
  const writeHeaders = { ...customer.headers, "content-type": "application/json" };
  const scenarios = {
    creation: {
      url: `${address}/api/tickets`,
      method: "POST",
      headers: writeHeaders,
      body: ticketBody("Console inaccessible [<id>]"),
      connections: 10,
    },
    baseline: {
      url: `${address}/api/bench/baseline`,
      method: "POST",
      headers: writeHeaders,
      body: ticketBody("Console inaccessible [<id>]"),
      connections: 10,
    },
    queue: { url: queueUrl, method: "GET", headers: support.headers, connections: 50 },
  } satisfies Record<string, Omit<LoadScenario, "seconds">>;

  // A first page must be the queue the issue describes: 50 open tickets with their SLA state.
  const firstPage = (await (await fetch(queueUrl, { headers: support.headers })).json()) as {
    total: number;
    items: { sla: { state: string }[] }[];
  };
  if (firstPage.total !== OPEN_TICKETS || firstPage.items.length !== 50)
    throw new Error(
      `queue: expected 50 of ${OPEN_TICKETS}, got ${firstPage.items.length} of ${firstPage.total}`,
    );
  const states = new Map<string, number>();
  for (const item of firstPage.items)
    for (const clock of item.sla) states.set(clock.state, (states.get(clock.state) ?? 0) + 1);
  console.log(`first page of the queue: ${[...states].map(([s, n]) => `${n} ${s}`).join(", ")} SLA clocks`);

  const load = new LoadGenerator();
  cleanups.push(() => load.stop());
  const results: Record<string, LoadResult> = {};
  const cpu: Record<string, { server: number; postgres: number | undefined }> = {};
  // autocannon stops with requests in flight, which the server still finishes: let them.
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const settle = async () => {
    for (let waited = 0; waited < 30; waited++) {
      await delay(500);
      if (pool.waitingCount === 0 && pool.idleCount === pool.totalCount) return;
    }
    throw new Error("the server is still busy 15 s after the load stopped");
  };
  const only = process.env.BENCH_ONLY;
  const onlyThese = only?.split(",") ?? [];
  const wanted = (name: keyof typeof scenarios | "spread") =>
    !only || onlyThese.includes(name) || (onlyThese.includes("creation") && name === "baseline");
  /** One load of a scenario, with the server's and PostgreSQL's CPU per request under it. */
  const loadOnce = async (name: keyof typeof scenarios, seconds: number) => {
    const scenario = scenarios[name];
    const profiler = process.env.BENCH_PROFILE ? await startProfiler() : undefined;
    const perf = process.env.BENCH_PERF ? startPerf(`${process.env.BENCH_PERF}/${name}.data`) : undefined;
    const serverBefore = process.cpuUsage();
    const postgresBefore = postgresCpu(databaseName);
    const result = await load.run({ ...scenario, seconds });
    const server = process.cpuUsage(serverBefore);
    await perf?.stop();
    await profiler?.stopInto(`${process.env.BENCH_PROFILE}/${name}.cpuprofile`);
    const postgresAfter = postgresCpu(databaseName);
    await settle();
    return {
      result,
      serverMs: (server.user + server.system) / 1000,
      postgresMs: postgresMs(postgresBefore, postgresAfter),
    };
  };
  const warmUp = async (name: keyof typeof scenarios) => {
    await load.run({ ...scenarios[name], seconds: WARMUP_SECONDS });
    await settle();
  };
  const record = (name: keyof typeof scenarios, loads: Awaited<ReturnType<typeof loadOnce>>[]) => {
    const result = combined(loads.map((l) => l.result));
    results[name] = result;
    const sum = (pick: (l: (typeof loads)[number]) => number) =>
      loads.reduce((total, l) => total + pick(l), 0);
    cpu[name] = {
      server: sum((l) => l.serverMs) / result.requests,
      postgres: sum((l) => l.postgresMs) / result.requests,
    };
    console.log(`  ${name}: ${fixed(result.perSecond)} req/s`);
  };
  console.log(
    `autocannon in its own process, ${WARMUP_SECONDS} s warm-up each; the queue for ${SECONDS} s, then baseline and creation ` +
      `in turn, ${ROUNDS} rounds of ${SECONDS / ROUNDS} s each; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (${availableParallelism()} CPUs):`,
  );
  // The queue first, on exactly 10,000 open tickets; then the writes, baseline and creation.
  if (wanted("queue")) {
    await warmUp("queue");
    record("queue", [await loadOnce("queue", SECONDS)]);
  }
  // One of each write first: a server that does not answer them fails here, not in autocannon.
  for (const name of ["baseline", "creation"] as const) {
    const scenario = scenarios[name];
    const response = await fetch(scenario.url, {
      method: "POST",
      headers: scenario.headers,
      body: ticketBody("Preflight"),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new Error(`${name}: no answer within 10 s (${String(error)})`);
    });
    if (response.status !== 201) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
  }
  // Baseline and creation take turns, so that a change in the machine's load (it is shared) falls
  // on both: the ratio is judged on the median of the rounds' ratios.
  const roundRatios: number[] = [];
  if (wanted("creation")) {
    await warmUp("baseline");
    await warmUp("creation");
    type Load = Awaited<ReturnType<typeof loadOnce>>;
    const rounds = {
      baseline: [] as Load[],
      creation: [] as Load[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await loadOnce("baseline", SECONDS / ROUNDS);
      const creation = await loadOnce("creation", SECONDS / ROUNDS);
      rounds.baseline.push(baseline);
      rounds.creation.push(creation);
      roundRatios.push(creation.result.perSecond / baseline.result.perSecond);
    }
    record("baseline", rounds.baseline);
    record("creation", rounds.creation);
  }

  // The same creation, from one customer and spread over ten, in turns, with pg_locks sampled.
  let spread: SpreadRound[] = [];
  if (wanted("spread")) {
    const people = {
      one: writeHeaders,
      spread: spreadPeople.map((person) => ({ ...person.headers, "content-type": "application/json" })),
    };
    const { headers: _, ...creation } = scenarios.creation;
    await warmUp("creation");
    await load.run({ ...creation, headers: {}, people: people.spread, seconds: WARMUP_SECONDS });
    await settle();
    spread = await compareSpread(
      (s) => load.run(s),
      settle,
      creation,
      people,
      databaseUrl,
      ROUNDS,
      SECONDS / ROUNDS,
    );
  }

  // Per-request work, one request at a time; the rows each creation wrote, counted around it.
  const beforeSequential = await tableCounts(database.db);
  const post = (name: "creation" | "baseline") =>
    workOf(name, 30, (i) =>
      fetch(scenarios[name].url, {
        method: "POST",
        headers: writeHeaders,
        body: ticketBody(`Sequential ${i}`),
      }),
    );
  const work = [
    await post("creation"),
    await post("baseline"),
    await workOf("queue", 30, () => fetch(queueUrl, { headers: support.headers })),
  ];
  const afterSequential = await tableCounts(database.db);

  printReport({
    results,
    connections: {
      creation: scenarios.creation.connections,
      baseline: scenarios.baseline.connections,
      queue: scenarios.queue.connections,
    },
    work,
    cpu,
    before: beforeSequential,
    after: afterSequential,
    roundRatios,
  });
  if (spread.length) printSpread(spread);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
  // A request stuck in the server would keep the process alive.
  process.exit();
}
