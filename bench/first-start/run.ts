/**
 * A deployment's first start, its database part: `npx tsx bench/first-start/run.ts [rounds]`
 * (or `npm run bench:first-start`).
 *
 * Opens a new embedded database (on disk, as `guichet start` does) the way every first start did
 * before the migrated template (PGlite's initdb in WebAssembly, then every migration) and from the
 * template, alternately in the same process, and prints the wall and CPU time of each and their
 * ratio. The template is made first, outside the timings (once per machine and set of migrations).
 * Numbers only; nothing fails on timing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuUsage } from "node:process";
import { migrateDatabase, migratedTemplate, openDatabase } from "../../packages/db/src/index.js";

const rounds = Number(process.argv[2] ?? 3);
const template = await migratedTemplate();
if (!template) throw new Error("No template: node_modules/.cache is not writable here.");

async function firstOpen(loadDataDir: Blob | undefined): Promise<{ wallMs: number; cpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), "guichet-first-start-"));
  const started = performance.now();
  const cpu = cpuUsage();
  const database = await openDatabase({
    kind: "pglite",
    dataDir: join(dir, "pglite"),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  await migrateDatabase(database);
  const used = cpuUsage(cpu);
  const wallMs = performance.now() - started;
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const before: { wallMs: number; cpuMs: number }[] = [];
const after: { wallMs: number; cpuMs: number }[] = [];
// Warm-up: the WebAssembly module's compilation happens once per process, whichever way comes first.
await firstOpen(template);
for (let round = 0; round < rounds; round += 1) {
  before.push(await firstOpen(undefined));
  after.push(await firstOpen(template));
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const row = (name: string, runs: typeof before) =>
  `${name.padEnd(34)} wall ${median(runs.map((r) => r.wallMs))
    .toFixed(0)
    .padStart(6)} ms   CPU ${median(runs.map((r) => r.cpuMs))
    .toFixed(0)
    .padStart(6)} ms`;
console.log(`New embedded database, median of ${rounds} rounds:`);
console.log(row("initdb + migrations (before)", before));
console.log(row("from the migrated template", after));
console.log(
  `Ratio before/after: wall ${(median(before.map((r) => r.wallMs)) / median(after.map((r) => r.wallMs))).toFixed(2)}x, CPU ${(median(before.map((r) => r.cpuMs)) / median(after.map((r) => r.cpuMs))).toFixed(2)}x`,
);
