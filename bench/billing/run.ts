/**
 * `npm run bench:billing [-- ROWS]`: importing a generated 1,000,000-line FOCUS CSV (MCR-BIL-01)
 * against DuckDB's own read_csv + group-by of the same file, in the same run. Target: the import
 * within 2x the baseline's time. Each measurement runs in a process of its own, so its peak RSS
 * (reported) is its own: the import streams through DuckDB (memory limit 512 MB, spilling to
 * disk), never the whole file in JavaScript. The import's critical path is the whole of
 * `importCosts`: DuckDB's one pass over the file with every rule checked and the daily sums made,
 * their bulk load (COPY) into an embedded PGlite with the import records and the audit entry, the
 * file kept for later. Its deferred step, the detailed lines' Parquet (writePendingDetailedLines,
 * run by the background work after the commit), is timed on its own, in the same process.
 * A second reference, the floor: DuckDB alone reading every column of the file, writing it as
 * Parquet and grouping that by day, which any import that keeps the detailed lines must do at least.
 * The import runs in a deployment whose customers hold 9 in 10 of the file's sub-accounts
 * (phases.ts); `-- --unmatched`: in an empty one, every account unmatched.
 * `npm run bench:billing -- --postgres`: the same, the import writing to PostgreSQL (a throwaway cluster).
 * `npm run bench:billing -- --invoices [CUSTOMERS]`: the month's invoice run instead (invoice-run.ts).
 * `npm run bench:billing -- --explorer [LINES]`: the cost explorer's query over 10,000,000 lines (explorer.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBinaries, startPostgresCluster } from "@guichet/db/testing";
import { FOCUS_SAMPLE } from "../../apps/server/src/modules/billing/focus-files.test-helper.js";
import { benchExplorer } from "./explorer.js";
import { generateFocusCsv } from "./generate.js";
import { benchInvoiceRun } from "./invoice-run.js";
import { type Measure, type Phase, runPhase } from "./phases.js";

const [, , first, second] = process.argv;
if (first === "--phase") {
  process.stdout.write(`${JSON.stringify(await runPhase(second as Phase, process.argv[4] as string))}\n`);
  process.exit(0);
}

if (first === "--explorer") {
  await benchExplorer(Number(second ?? 10_000_000));
  process.exit(0);
}

if (first === "--invoices") {
  await benchInvoiceRun(Number(second ?? 1_000));
  process.exit(0);
}

// `--postgres`: the import writes to a PostgreSQL server (a throwaway cluster) instead of PGlite.
const onPostgres = process.argv.includes("--postgres");
const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const binaries = onPostgres ? findPostgresBinaries() : undefined;
if (onPostgres && !binaries) throw new Error("--postgres: no PostgreSQL found (Debian's postgresql package)");
const cluster = binaries ? await startPostgresCluster(binaries) : undefined;
const dir = mkdtempSync(join(tmpdir(), "guichet-bench-billing-"));
const file = join(dir, "focus.csv");
const self = fileURLToPath(import.meta.url);
const measure = (phase: string): Measure =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", self, "--phase", phase, file], {
      env: {
        ...process.env,
        ...(cluster ? { BENCH_POSTGRES_URL: cluster.url } : {}),
        ...(process.argv.includes("--unmatched") ? { BENCH_UNMATCHED: "1" } : {}),
      },
      encoding: "utf8",
      maxBuffer: 1 << 20,
    }),
  );
try {
  const t0 = performance.now();
  await generateFocusCsv(FOCUS_SAMPLE, file, rows, dir);
  console.log(
    `generated ${rows.toLocaleString("en")} lines, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  // Baseline, import, baseline: a change in a shared machine's load falls on both.
  const before = measure("baseline");
  const imported = measure("import");
  const checked = measure("check");
  const exact = measure("exact");
  const parquet = measure("parquet");
  const after = measure("baseline");
  const baseline = (before.seconds + after.seconds) / 2;
  const baselineCpu = (before.cpuSeconds + after.cpuSeconds) / 2;
  const table = [
    { what: "DuckDB read_csv + group-by (baseline, before)", ...before },
    {
      what: `importCosts (check, daily sums, COPY into ${cluster ? "PostgreSQL" : "PGlite"}: the critical path)`,
      ...imported,
      peakRssMiB: imported.criticalPeakRssMiB ?? Number.NaN,
    },
    {
      what: "  then its deferred step: the detailed lines' Parquet",
      ...imported,
      seconds: imported.parquetSeconds ?? Number.NaN,
      cpuSeconds: Number.NaN,
    },
    { what: "  of which its DuckDB pass alone (every rule, the daily sums)", ...checked },
    { what: "DuckDB read_csv + group-by, amounts summed as DECIMAL(38,18) (exact money)", ...exact },
    { what: "DuckDB read_csv -> Parquet (every column) + group-by (floor)", ...parquet },
    { what: "DuckDB read_csv + group-by (baseline, after)", ...after },
  ];
  console.table(
    table.map((r) => ({
      what: r.what,
      seconds: r.seconds.toFixed(2),
      "CPU s": Number.isNaN(r.cpuSeconds) ? "" : r.cpuSeconds.toFixed(2),
      "peak RSS MiB": r.peakRssMiB.toFixed(0),
      lines: r.lines,
    })),
  );
  const ratio = imported.seconds / baseline;
  console.log(
    `import (critical path) / baseline: ${ratio.toFixed(2)}x (target: within 2x) ${ratio <= 2 ? "OK" : "MISSED"}`,
  );
  const cpuRatio = imported.cpuSeconds / baselineCpu;
  console.log(
    `in CPU seconds of the process (steadier under load; ${cluster ? "PostgreSQL's server not counted" : "PGlite's included"}): import / baseline ${cpuRatio.toFixed(2)}x, its DuckDB pass / baseline ${(checked.cpuSeconds / baselineCpu).toFixed(2)}x`,
  );
  console.log(
    `its DuckDB pass / baseline: ${(checked.seconds / baseline).toFixed(2)}x; the rest (the sums' load into the database, the records, the audit) / baseline: ${((imported.seconds - checked.seconds) / baseline).toFixed(2)}x`,
  );
  console.log(
    `exact money (the baseline's group-by summing DECIMAL(38,18) amounts) / baseline: ${(exact.seconds / baseline).toFixed(2)}x; import / exact money: ${(imported.seconds / exact.seconds).toFixed(2)}x, its DuckDB pass / exact money: ${(checked.seconds / exact.seconds).toFixed(2)}x`,
  );
  console.log(
    `detailed lines' Parquet (deferred step) / baseline: ${((imported.parquetSeconds ?? Number.NaN) / baseline).toFixed(2)}x`,
  );
  console.log(
    `import + its Parquet / floor (DuckDB alone writing every column as Parquet, then grouping): ${((imported.seconds + (imported.parquetSeconds ?? 0)) / parquet.seconds).toFixed(2)}x`,
  );
  console.log(
    `import peak RSS: ${(imported.criticalPeakRssMiB ?? Number.NaN).toFixed(0)} MiB, with its Parquet step ${imported.peakRssMiB.toFixed(0)} MiB (baseline ${Math.max(before.peakRssMiB, after.peakRssMiB).toFixed(0)} MiB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  cluster?.stop();
}
