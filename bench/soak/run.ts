/**
 * `npm run bench:soak` (issue 19): a mixed, realistic load on two `guichet start` processes over
 * one PostgreSQL for SOAK_MINUTES (10 by default): customers open, reply, list and read; provider
 * staff work the queue (take, answer); mail arrives at the desk's SMTP receiver; the sweeps run
 * in whichever process holds the lease. Reports errors (target 0), p99 per route, each process's
 * resident memory over time with its slope after warm-up (target: flat), and the outbox's lag,
 * read from the processes' own /metrics. Not in CI: numbers for the closing note.
 */

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { findPostgresBinaries, startPostgresCluster } from "@guichet/db/testing";
import nodemailer from "nodemailer";
import pg from "pg";
import { totpCodeAt } from "../../apps/server/src/modules/accounts/totp.js";
import { DEMO_PASSWORD } from "../../apps/server/src/seed/demo-data.js";
import { freePort } from "../../apps/server/test/helpers/free-port.js";
import { GUICHET_BIN, REPO_ROOT, waitForOk } from "../../apps/server/test/helpers/run-cli.js";
import { startSmtpSink } from "../../apps/server/test/helpers/smtp-sink.js";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WARMUP_MS = Math.min(60_000, (MINUTES * 60_000) / 5);
const CUSTOMERS = Number(process.env.SOAK_CUSTOMERS ?? 6);
const METRICS_TOKEN = randomBytes(24).toString("hex");

type Session = { cookie: string; headers: Record<string, string> };
type Process = { name: string; base: string; memory: { at: number; rss: number }[] };

const binDir = findPostgresBinaries();
if (!binDir) throw new Error("PostgreSQL's initdb is needed (Debian package postgresql)");
const cluster = await startPostgresCluster(binDir);
const children: ReturnType<typeof spawn>[] = [];
let stopped = false;
const stopAll = () => {
  if (stopped) return;
  stopped = true;
  for (const child of children) child.kill("SIGTERM");
  cluster.stop();
};
process.on("exit", stopAll);

const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query("create database soak");
const url = new URL(cluster.url);
url.pathname = "/soak";
const smtpPort = await freePort();
// A real SMTP server takes what the outbox delivers, so its lag is a delivery lag.
const sink = await startSmtpSink();

async function startProcess(name: string, extra: Record<string, string>): Promise<Process> {
  const port = await freePort();
  const child = spawn(process.execPath, [GUICHET_BIN, "start"], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: url.toString(),
      PORT: String(port),
      METRICS_TOKEN,
      SMTP_URL: sink.url,
      LOG_LEVEL: "warn",
      ...extra,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  // The processes' warnings and errors (pino, on stdout) kept for reading after the run.
  child.stdout?.pipe(createWriteStream(join(tmpdir(), `guichet-soak-${name}.log`)));
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/health/ready`, 180_000);
  return { name, base, memory: [] };
}

const a = await startProcess("a", { GUICHET_DEMO_DATA: "always", DESK_SMTP_PORT: String(smtpPort) });
const b = await startProcess("b", { GUICHET_DEMO_DATA: "never" });
const processes = [a, b];

// ---------------------------------------------------------------- people

async function signIn(base: string, email: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" } };
}

/** Provider staff enrol their second factor at first sign-in (the contract requires it). */
async function staffSession(base: string, email: string): Promise<Session> {
  const session = await signIn(base, email);
  const enrol = await fetch(`${base}/api/auth/totp/enrol`, {
    method: "POST",
    headers: session.headers,
    body: "{}",
  });
  if (!enrol.ok) throw new Error(`enrol ${email}: ${enrol.status} ${await enrol.text()}`);
  const { secret } = (await enrol.json()) as { secret: string };
  const verify = await fetch(`${base}/api/auth/totp/verify`, {
    method: "POST",
    headers: session.headers,
    body: JSON.stringify({ code: totpCodeAt(secret, new Date()) }),
  });
  if (!verify.ok) throw new Error(`verify ${email}: ${verify.status} ${await verify.text()}`);
  return session;
}

const customerEmail = "exploitation@transports-garnier.demo";
const customers = await Promise.all(
  Array.from({ length: CUSTOMERS }, (_, i) => signIn((processes[i % 2] as Process).base, customerEmail)),
);
const staff = await staffSession(b.base, "support@multicloud-ready.demo");

// ---------------------------------------------------------------- measures

const latencies = new Map<string, number[]>();
const errors = new Map<string, number>();
let requests = 0;

async function call(route: string, base: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const start = performance.now();
  requests++;
  try {
    const response = await fetch(`${base}${path}`, init);
    const body = response.headers.get("content-type")?.includes("json")
      ? await response.json()
      : await response.text();
    if (response.status >= 400)
      errors.set(`${route} ${response.status}`, (errors.get(`${route} ${response.status}`) ?? 0) + 1);
    return body;
  } catch (error) {
    errors.set(
      `${route} ${(error as Error).message}`,
      (errors.get(`${route} ${(error as Error).message}`) ?? 0) + 1,
    );
    return undefined;
  } finally {
    const list = latencies.get(route) ?? [];
    list.push(performance.now() - start);
    latencies.set(route, list);
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const known: { id: string; reference: string }[] = [];

async function customerStep(session: Session, base: string, n: number) {
  const roll = Math.random();
  if (roll < 0.1 || known.length === 0) {
    const ticket = (await call("POST /api/tickets", base, "/api/tickets", {
      method: "POST",
      headers: session.headers,
      body: JSON.stringify({
        category: "incident",
        priority: "P3",
        title: `Soak ${n}`,
        description: "Charge continue.",
      }),
    })) as { id?: string; reference?: string } | undefined;
    if (ticket?.id && ticket.reference) known.push({ id: ticket.id, reference: ticket.reference });
  } else if (roll < 0.35) {
    await call("POST /api/tickets/:id/messages", base, `/api/tickets/${pick(known).id}/messages`, {
      method: "POST",
      headers: session.headers,
      body: JSON.stringify({ body: `Complément ${n}` }),
    });
  } else if (roll < 0.75) {
    await call("GET /api/tickets", base, "/api/tickets", { headers: { cookie: session.cookie } });
  } else {
    await call("GET /api/tickets/:id", base, `/api/tickets/${pick(known).id}`, {
      headers: { cookie: session.cookie },
    });
  }
}

async function staffStep(n: number) {
  const base = pick(processes).base;
  if (Math.random() < 0.6 || known.length === 0) {
    await call("GET /api/tickets (queue)", base, "/api/tickets", { headers: { cookie: staff.cookie } });
  } else {
    await call("POST /api/tickets/:id/messages (staff)", base, `/api/tickets/${pick(known).id}/messages`, {
      method: "POST",
      headers: staff.headers,
      body: JSON.stringify({ body: `Réponse du support ${n}` }),
    });
  }
}

const mailer = nodemailer.createTransport({
  host: "127.0.0.1",
  port: smtpPort,
  secure: false,
  ignoreTLS: true,
});
let mails = 0;
async function mailStep() {
  if (known.length === 0) return;
  const ticket = pick(known);
  try {
    await mailer.sendMail({
      from: customerEmail,
      to: "support@localhost",
      subject: `Re: [${ticket.reference}] suite`,
      text: `Réponse par courriel ${mails++}`,
    });
  } catch (error) {
    errors.set(`mail ${(error as Error).message}`, (errors.get(`mail ${(error as Error).message}`) ?? 0) + 1);
  }
}

const outboxLag: number[] = [];
async function sample() {
  for (const proc of processes) {
    const text = await (
      await fetch(`${proc.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const rss = Number(/^guichet_process_resident_memory_bytes (\d+(?:\.\d+)?)/m.exec(text)?.[1]);
    proc.memory.push({ at: Date.now(), rss });
    if (proc === a) outboxLag.push(Number(/^guichet_outbox_oldest_pending_seconds (\S+)/m.exec(text)?.[1]));
  }
}

// ---------------------------------------------------------------- run

const started = Date.now();
const end = started + MINUTES * 60_000;
console.log(
  `soak: ${MINUTES} min, ${CUSTOMERS} customers, 1 agent, mail every 2 s, 2 processes on PostgreSQL`,
);
const loops = [
  ...customers.map(async (session, i) => {
    const base = (processes[i % 2] as Process).base;
    for (let n = 0; Date.now() < end; n++) await customerStep(session, base, n);
  }),
  (async () => {
    for (let n = 0; Date.now() < end; n++) {
      await staffStep(n);
      await delay(200);
    }
  })(),
  (async () => {
    while (Date.now() < end) {
      await mailStep();
      await delay(2_000);
    }
  })(),
  (async () => {
    while (Date.now() < end) {
      await sample().catch(() => {});
      await delay(10_000);
    }
  })(),
];
await Promise.all(loops);
await sample();

// ---------------------------------------------------------------- report

const p = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
/** Least-squares slope of resident memory after warm-up, in MiB per hour. */
const slope = (points: { at: number; rss: number }[]) => {
  const after = points.filter((point) => point.at - started >= WARMUP_MS);
  if (after.length < 3) return Number.NaN;
  const xs = after.map((point) => (point.at - started) / 3_600_000);
  const ys = after.map((point) => point.rss / 2 ** 20);
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
};

console.log(`\n${requests} requests, ${mails} mails, ${known.length} tickets opened in ${MINUTES} min`);
console.log(`(the processes' logs: ${join(tmpdir(), "guichet-soak-{a,b}.log")})`);
console.log(`errors: ${[...errors.values()].reduce((s, n) => s + n, 0)}`, Object.fromEntries(errors));
console.log("\nroute                                   count     p50 ms    p99 ms");
for (const [route, values] of [...latencies.entries()].sort()) {
  console.log(
    `${route.padEnd(38)} ${String(values.length).padStart(6)} ${p(values, 0.5).toFixed(1).padStart(10)} ${p(values, 0.99).toFixed(1).padStart(9)}`,
  );
}
for (const proc of processes) {
  const mib = proc.memory.map((point) => Math.round(point.rss / 2 ** 20));
  console.log(`\nprocess ${proc.name}: RSS MiB every 10 s: ${mib.join(" ")}`);
  console.log(
    `process ${proc.name}: slope after ${WARMUP_MS / 1000} s warm-up: ${slope(proc.memory).toFixed(1)} MiB/h`,
  );
}
const lags = outboxLag.filter(Number.isFinite);
console.log(
  `\noutbox: ${sink.received.length} mails delivered; oldest unsent at each sample: p50 ${p(lags, 0.5).toFixed(1)} s, max ${Math.max(0, ...lags).toFixed(1)} s`,
);
await admin.end();
mailer.close();
await sink.stop();
stopAll();
process.exit(0);
