import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBResultReader } from "@duckdb/node-api";
import { type Db, migrateDatabase, openDatabase, organisations, vendorAccounts } from "@guichet/db";
import { readConfig } from "../../apps/server/src/config.js";
import { loadContract } from "../../apps/server/src/contract/load-contract.js";
import { systemActor } from "../../apps/server/src/modules/audit/record-audit.js";
import { writePendingDetailedLines } from "../../apps/server/src/modules/billing/detailed-lines.js";
import { withDuckDb } from "../../apps/server/src/modules/billing/duckdb.js";
import { importCosts } from "../../apps/server/src/modules/billing/import-costs.js";
import { stageFocusFile } from "../../apps/server/src/modules/billing/stage-focus-file.js";
import { createScratchDatabase } from "../../apps/server/test/helpers/scratch-database.js";

export interface Measure {
  seconds: number;
  /**
   * CPU seconds of this process, all its threads (DuckDB's, PGlite's): steadier than the wall
   * clock on a shared, loaded machine. PostgreSQL's own work is in its server, not counted here.
   */
  cpuSeconds: number;
  peakRssMiB: number;
  lines: number;
  /** The import only: its deferred step, the detailed lines' Parquet (writePendingDetailedLines). */
  parquetSeconds?: number;
  /** The import only: the peak RSS when it returned, before its Parquet step. */
  criticalPeakRssMiB?: number;
}

/** The daily group-by of the baselines: the import's sums' dimensions. */
const GROUP_BY = `GROUP BY CAST(ChargePeriodStart AS DATE), BillingAccountId, SubAccountId, ServiceName, RegionId,
                      ChargeCategory, ChargeFrequency, BillingCurrency`;

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

/** A stopwatch of both clocks: elapsed() gives the wall and CPU seconds since start. */
function stopwatch() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

/**
 * Customers holding the file's accounts, as accepted orders record them (vendor_accounts), so the
 * import takes the path of a deployment in use: 9 in 10 sub-accounts belong to one of 300
 * customers, the rest match no one (kept without an owner, listed for staff). `--unmatched`
 * leaves every account unmatched, as in an empty deployment.
 */
export async function recordCustomers(db: Db, file: string, dir: string): Promise<void> {
  const subAccounts = await withDuckDb(dir, async (c) => {
    const r = await c.runAndReadAll(
      `SELECT DISTINCT SubAccountId FROM read_csv('${file}', all_varchar = true, nullstr = 'NULL') WHERE SubAccountId IS NOT NULL ORDER BY 1`,
    );
    return r.getRows().map(([id]) => String(id));
  });
  const customers = await db
    .insert(organisations)
    .values(
      Array.from({ length: 300 }, (_, i) => ({
        kind: "customer" as const,
        slug: `bench-${i}`,
        name: `Client ${i}`,
      })),
    )
    .returning({ id: organisations.id });
  const held = subAccounts.filter((_, i) => i % 10 !== 9);
  for (let start = 0; start < held.length; start += 1000)
    await db.insert(vendorAccounts).values(
      held.slice(start, start + 1000).map((vendorAccountId, i) => ({
        organisationId: (customers[(start + i) % customers.length] as { id: string }).id,
        catalogueItemId: "bench",
        vendorAccountId,
        consoleUrl: "https://console.example/",
        createdAt: new Date(),
      })),
    );
}

export type Phase = "baseline" | "exact" | "check" | "parquet" | "import";

/** A phase that is DuckDB alone: `work` in a DuckDB of its own, timed, returning its line count. */
async function duckDbPhase(dir: string, work: (c: DuckDBConnection) => Promise<number>): Promise<Measure> {
  const elapsed = stopwatch();
  const lines = await withDuckDb(dir, work);
  return { ...elapsed(), peakRssMiB: peakRssMiB(), lines };
}

/** The line count a `SELECT sum(n) AS lines …` answered. */
const linesOf = (r: DuckDBResultReader) => Number(r.getRowObjectsJson()[0]?.lines);

/** One measurement, in this process alone. */
export async function runPhase(phase: Phase, file: string): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), `guichet-bench-${phase}-`));
  try {
    if (phase === "baseline")
      // DuckDB at its own defaults: types guessed, the same daily group-by as the import's sums.
      return await duckDbPhase(dir, async (c) =>
        linesOf(
          await c.runAndReadAll(
            `SELECT sum(n) AS lines FROM (SELECT count(*) AS n FROM read_csv('${file}', nullstr = 'NULL') ${GROUP_BY})`,
          ),
        ),
      );
    if (phase === "exact") {
      // The baseline's group-by with the money the import must keep: each amount read as
      // DECIMAL(38,18) and summed exactly (DuckDB's defaults read them as DOUBLE, and the baseline
      // only counts), no rule checked. What no exact import can go below.
      const decimal = "DECIMAL(38,18)";
      return await duckDbPhase(dir, async (c) =>
        linesOf(
          await c.runAndReadAll(
            `SELECT sum(n) AS lines, sum(b) + sum(l) + sum(e) AS total
               FROM (SELECT count(*) AS n, sum(BilledCost) AS b, sum(ListCost) AS l, sum(EffectiveCost) AS e
                       FROM read_csv('${file}', nullstr = 'NULL',
                                     types = {'BilledCost': '${decimal}', 'ListCost': '${decimal}', 'EffectiveCost': '${decimal}'})
                     ${GROUP_BY})`,
          ),
        ),
      );
    }
    if (phase === "check") {
      // The import's own DuckDB pass alone (every rule checked, the daily sums made), to tell its
      // share of the critical path from the database's load of the sums.
      return await duckDbPhase(dir, async (c) => {
        const { units } = await stageFocusFile(c, file, "focus.csv", 0);
        return units.reduce((n, u) => n + u.lineCount, 0);
      });
    }
    if (phase === "parquet") {
      // What any import that keeps every column as Parquet must do at least: DuckDB alone reading
      // the whole file, writing it as Parquet, and grouping the Parquet by day.
      const parquet = join(dir, "lines.parquet");
      return await duckDbPhase(dir, async (c) => {
        await c.run(
          `COPY (SELECT * FROM read_csv('${file}', nullstr = 'NULL')) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`,
        );
        return linesOf(
          await c.runAndReadAll(
            `SELECT sum(n) AS lines FROM (SELECT count(*) AS n FROM read_parquet('${parquet}') ${GROUP_BY})`,
          ),
        );
      });
    }
    const contract = loadContract("multicloud-ready");
    const postgres = process.env.BENCH_POSTGRES_URL;
    const database = await openDatabase(
      postgres
        ? { kind: "postgresql", url: await createScratchDatabase(postgres, "bench_import") }
        : { kind: "pglite", dataDir: join(dir, "pglite") },
    );
    await migrateDatabase(database);
    if (!process.env.BENCH_UNMATCHED) await recordCustomers(database.db, file, dir);
    const context = { config: readConfig({ GUICHET_DATA_DIR: dir }), contract };
    const elapsed = stopwatch();
    const summary = await importCosts(
      context,
      database.db,
      [{ path: file, name: "focus.csv" }],
      systemActor("bench"),
      new Date(),
    );
    const critical = elapsed();
    const criticalPeakRssMiB = peakRssMiB();
    const t1 = performance.now();
    const written = await writePendingDetailedLines(context, database.db);
    const parquetSeconds = (performance.now() - t1) / 1000;
    if (written.units !== summary.units.length) throw new Error(`Parquet of ${written.units} units only`);
    await database.close();
    return {
      ...critical,
      parquetSeconds,
      criticalPeakRssMiB,
      peakRssMiB: peakRssMiB(),
      lines: summary.lineCount,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
