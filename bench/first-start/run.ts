/**
 * A deployment's first start, its database part: `npx tsx bench/first-start/run.ts [rounds]`
 * (or `npm run bench:first-start`).
 *
 * Opens a new embedded database (on disk, as `guichet start` does) three ways, alternately in the
 * same process: as every first start did before the migrated template (PGlite's initdb in
 * WebAssembly, then every migration), by loading the template's dump into the new directory, and
 * by copying the template's directory (what a first start does now). Prints the median wall and
 * CPU time of each and the ratios to the first. The template is made first, outside the timings
 * (once per machine and set of migrations). Numbers only; nothing fails on timing.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuUsage } from "node:process";
import {
  migrateDatabase,
  migratedTemplate,
  migratedTemplateDir,
  openDatabase,
} from "../../packages/db/src/index.js";

const rounds = Number(process.argv[2] ?? 3);
const dump = await migratedTemplate();
const templateDir = await migratedTemplateDir();
if (!dump || !templateDir) throw new Error("No template: node_modules/.cache is not writable here.");

type Way = "initdb" | "dump" | "copy";

async function firstOpen(way: Way): Promise<{ wallMs: number; cpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), "guichet-first-start-"));
  const dataDir = join(dir, "pglite");
  const started = performance.now();
  const cpu = cpuUsage();
  if (way === "copy") cpSync(templateDir as string, dataDir, { recursive: true });
  const database = await openDatabase({
    kind: "pglite",
    dataDir,
    ...(way === "dump" ? { loadDataDir: dump } : {}),
  });
  await migrateDatabase(database);
  const used = cpuUsage(cpu);
  const wallMs = performance.now() - started;
  await database.close();
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const runs: Record<Way, { wallMs: number; cpuMs: number }[]> = { initdb: [], dump: [], copy: [] };
// Warm-up: the WebAssembly module's compilation happens once per process, whichever way comes first.
await firstOpen("copy");
for (let round = 0; round < rounds; round += 1) {
  for (const way of ["initdb", "dump", "copy"] as const) runs[way].push(await firstOpen(way));
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const wall = (way: Way) => median(runs[way].map((r) => r.wallMs));
const cpuOf = (way: Way) => median(runs[way].map((r) => r.cpuMs));
const NAMES: Record<Way, string> = {
  initdb: "initdb + migrations (before)",
  dump: "loading the template's dump",
  copy: "copying the template's directory",
};
console.log(`New embedded database, median of ${rounds} rounds:`);
for (const way of ["initdb", "dump", "copy"] as const) {
  console.log(
    `${NAMES[way].padEnd(34)} wall ${wall(way).toFixed(0).padStart(6)} ms   CPU ${cpuOf(way).toFixed(0).padStart(6)} ms   ` +
      `(initdb/this: wall ${(wall("initdb") / wall(way)).toFixed(2)}x, CPU ${(cpuOf("initdb") / cpuOf(way)).toFixed(2)}x)`,
  );
}
