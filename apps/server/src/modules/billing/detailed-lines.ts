import { randomUUID } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { atomically, costImports, type Db } from "@guichet/db";
import { and, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { costsRoot, unitPath } from "./cost-paths.js";
import { sqlString, withDuckDb } from "./duckdb.js";
import { sourceSql, stagedLinesSql } from "./focus-sql.js";
import { sniffFormat } from "./stage-focus-file.js";

/**
 * The detailed lines' Parquet ("facturation détaillée", MCR-BIL-04), written off the import's
 * critical path (issue 17). Writing every column of a million lines as Parquet alone took 3-4
 * times DuckDB's read_csv + group-by, so an import commits its daily sums with the accepted
 * files kept as they came, durably, under `costs/.pending/<batch>/` with a manifest naming each
 * unit's import; then this step (the `billing.detailed-lines` sweep of the background work, or
 * `guichet costs import` itself, which waits by default) writes each unit's Parquet into a
 * temporary folder, renames it into place (unitPath) and drops the kept files. It derives its
 * work from the folder and the database alone: run twice, after a crash or a restart, it does
 * only what is left. Until it has run, the download of the lines says they are being prepared
 * (DetailedLinesPreparingError).
 */

/** An import's own lock (importCosts): imports are serialised, and this step waits for one in progress. */
export const COST_IMPORT_LOCK = 7_260_017;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PendingUnit {
  importId: string;
  /** Index of the file (in the manifest's `files`) that holds the unit's lines. */
  file: number;
  period: string;
  vendor: string;
  accountKey: string;
}

interface Manifest {
  files: Array<{ index: number; name: string; source: string }>;
  units: PendingUnit[];
}

const pendingRoot = (root: string) => join(root, ".pending");

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Keeps the accepted files of an import and the manifest of its units, durably, before its
 * transaction commits (called inside it, under the import lock). A hard link when the file is on
 * the same file system (an upload's temporary file, the watched folder: files nobody rewrites in
 * place, and a link costs nothing where a copy of 700 MB costs seconds), a copy otherwise. The
 * manifest is written last, by rename: a batch folder without one is an import that never
 * committed. Returns the batch folder, which the caller removes if its transaction fails.
 */
export function keepAcceptedFiles(
  root: string,
  batchId: string,
  files: ReadonlyArray<{ index: number; name: string; path: string }>,
  units: readonly PendingUnit[],
): string {
  const dir = join(pendingRoot(root), batchId);
  mkdirSync(dir, { recursive: true });
  const manifest: Manifest = { files: [], units: [...units] };
  for (const file of files) {
    const source = `source-${file.index}`;
    const kept = join(dir, source);
    try {
      linkSync(file.path, kept);
    } catch {
      copyFileSync(file.path, kept);
    }
    fsyncPath(kept);
    manifest.files.push({ index: file.index, name: file.name, source });
  }
  const temporary = join(dir, "manifest.json.tmp");
  writeFileSync(temporary, JSON.stringify(manifest), { flush: true });
  renameSync(temporary, join(dir, "manifest.json"));
  fsyncPath(dir);
  return dir;
}

/** The units whose Parquet is still to be written (every pending manifest's), by import id. */
export function pendingImportIds(context: Pick<AppContext, "config" | "contract">): Set<string> {
  const pending = pendingRoot(costsRoot(context));
  const ids = new Set<string>();
  if (!existsSync(pending)) return ids;
  for (const batch of readdirSync(pending)) {
    const manifest = join(pending, batch, "manifest.json");
    if (!existsSync(manifest)) continue;
    for (const unit of (JSON.parse(readFileSync(manifest, "utf8")) as Manifest).units) ids.add(unit.importId);
  }
  return ids;
}

/** The download of a month whose lines' Parquet is not written yet. */
export class DetailedLinesPreparingError extends Error {
  constructor(readonly month: string) {
    super(`the detailed lines of ${month} are being prepared`);
    this.name = "DetailedLinesPreparingError";
  }
}

/**
 * Writes the Parquet of every pending import still in force and drops the kept files; drops
 * the batches that never committed or whose imports were all replaced since. Returns how many
 * batches and units it wrote.
 */
export async function writePendingDetailedLines(
  context: Pick<AppContext, "config" | "contract">,
  db: Db,
): Promise<{ batches: number; units: number }> {
  const root = costsRoot(context);
  const pending = pendingRoot(root);
  const done = { batches: 0, units: 0 };
  if (!existsSync(pending)) return done;
  for (const batchId of readdirSync(pending)) {
    if (!UUID.test(batchId)) continue;
    const dir = join(pending, batchId);
    // Under the import lock: an import that is keeping this batch has committed or failed by then.
    const inForce = await atomically(db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${COST_IMPORT_LOCK})`);
      if (!existsSync(join(dir, "manifest.json"))) return undefined;
      const rows = await tx
        .select({ id: costImports.id })
        .from(costImports)
        .where(and(eq(costImports.batchId, batchId), eq(costImports.status, "in_force")));
      return new Set(rows.map((r) => r.id));
    });
    if (inForce && inForce.size > 0) {
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
      const wanted = manifest.units.filter(
        (u) => inForce.has(u.importId) && !existsSync(join(root, unitPath(u, u.importId))),
      );
      done.units += await writeUnits(root, dir, manifest, wanted);
      done.batches += 1;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return done;
}

/** Writes the units' Parquet from their kept files: a temporary folder, then one rename per unit. */
async function writeUnits(root: string, dir: string, manifest: Manifest, units: PendingUnit[]) {
  if (units.length === 0) return 0;
  const spill = join(dir, `spill-${randomUUID()}`);
  mkdirSync(spill, { recursive: true });
  try {
    return await withDuckDb(spill, async (duck) => {
      let written = 0;
      for (const file of manifest.files) {
        const mine = units.filter((u) => u.file === file.index);
        if (mine.length === 0) continue;
        const path = join(dir, file.source);
        const source = sourceSql(path, await sniffFormat(path));
        const described = await duck.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
        const columns = described.getRowObjectsJson().map((r) => String(r.column_name));
        const temporary = join(dir, `parquet-${randomUUID()}`);
        await duck.run(
          `COPY (${stagedLinesSql(source, columns)}) TO ${sqlString(temporary)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (period, vendor, account_key), FILENAME_PATTERN 'lines_{i}', OVERWRITE_OR_IGNORE)`,
        );
        for (const unit of mine) {
          const from = join(
            temporary,
            `period=${unit.period}`,
            `vendor=${unit.vendor}`,
            `account_key=${unit.accountKey}`,
          );
          const to = join(root, unitPath(unit, unit.importId));
          mkdirSync(dirname(to), { recursive: true });
          try {
            renameSync(from, to);
          } catch (error) {
            // Another run (the CLI's and the server's) was first: its Parquet is the same.
            if (!existsSync(to)) throw error;
          }
          written += 1;
        }
        rmSync(temporary, { recursive: true, force: true });
      }
      return written;
    });
  } finally {
    rmSync(spill, { recursive: true, force: true });
  }
}
