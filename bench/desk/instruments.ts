/**
 * What bench/desk/run.ts measures with: PostgreSQL's CPU per backend, the load generator in its
 * own process, the server's CPU profile, the machine's perf samples, and the printed tables.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import inspector from "node:inspector/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadResult, LoadScenario } from "./load.js";

/**
 * CPU time (ms) used so far by each PostgreSQL backend serving the given database, read from
 * /proc: only when the server runs on this machine (the throwaway cluster, a local DATABASE_URL).
 */
export function postgresCpu(databaseName: string): Map<number, number> | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const usage = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.startsWith("postgres: ") || !cmdline.includes(` ${databaseName} `)) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      usage.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {
      // The process ended meanwhile.
    }
  }
  return usage.size ? usage : undefined;
}

export function postgresMs(before: Map<number, number> | undefined, after: Map<number, number> | undefined) {
  if (!before || !after) return Number.NaN;
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  return ms;
}

export class LoadGenerator {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly waiting = new Map<number, (m: { result?: LoadResult; error?: string }) => void>();

  constructor() {
    this.child = fork(fileURLToPath(new URL("./load.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
    });
    this.child.on("message", (m: { id: number; result?: LoadResult; error?: string }) => {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
    this.child.on("exit", (code) => {
      for (const answer of this.waiting.values()) answer({ error: `the load generator exited (${code})` });
      this.waiting.clear();
    });
  }

  run(scenario: LoadScenario): Promise<LoadResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (m) => (m.result ? resolve(m.result) : reject(new Error(m.error))));
      this.child.send({ id, scenario });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** The V8 profiler of this process (the server's), from now until stopInto writes the profile. */
export async function startProfiler() {
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stopInto(file: string) {
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * Linux perf sampling the whole machine (PostgreSQL's backends as well as the server) with call
 * stacks into `file`, from now until stop: `perf report -i <file> --comm postgres`.
 */
export function startPerf(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const recorder = spawn(
    "perf",
    ["record", "--all-cpus", "--call-graph=fp", "--freq=999", "--output", file],
    {
      stdio: "ignore",
    },
  );
  const exited = once(recorder, "exit");
  return {
    async stop() {
      recorder.kill("SIGINT");
      // perf writes its file on SIGINT, then ends by that signal.
      const [code, signal] = await exited;
      if (code !== 0 && signal !== "SIGINT")
        throw new Error(`perf record ended with ${code ?? signal}: is perf installed (linux-perf)?`);
    },
  };
}

/**
 * Several loads of one scenario as one: requests summed, the rate over their summed time, each
 * latency percentile the median of the loads', the maximum the highest.
 */
export function combined(loads: readonly LoadResult[]): LoadResult {
  const medianOf = (pick: (load: LoadResult) => number) => median(loads.map(pick));
  const requests = loads.reduce((total, load) => total + load.requests, 0);
  const seconds = loads.reduce(
    (total, load) => total + (load.perSecond ? load.requests / load.perSecond : 0),
    0,
  );
  const statusCodes: Record<string, number> = {};
  for (const load of loads)
    for (const [code, n] of Object.entries(load.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    requests,
    perSecond: seconds ? requests / seconds : 0,
    p50: medianOf((load) => load.p50),
    p90: medianOf((load) => load.p90),
    p99: medianOf((load) => load.p99),
    max: Math.max(...loads.map((load) => load.max)),
    non2xx: loads.reduce((total, load) => total + load.non2xx, 0),
    errors: loads.reduce((total, load) => total + load.errors, 0),
    statusCodes,
    bytesPerRequest: requests
      ? loads.reduce((total, load) => total + load.bytesPerRequest * load.requests, 0) / requests
      : 0,
  };
}

/** The middle value; the mean of the two middle ones when their number is even. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);

export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
}
