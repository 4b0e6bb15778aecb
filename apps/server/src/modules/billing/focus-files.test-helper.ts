import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { withDuckDb } from "./duckdb.js";

/**
 * The FinOps Foundation's FOCUS 1.0 sample (1,000 lines, CC BY 4.0), unchanged, kept in the
 * repository with its licence (test/data/focus), or where GUICHET_FOCUS_SAMPLE says: a clean clone
 * on a fresh machine has it.
 */
export const FOCUS_SAMPLE = (() => {
  const candidates = [
    process.env.GUICHET_FOCUS_SAMPLE,
    fileURLToPath(new URL("../../../../../test/data/focus/focus_sample_1.0.csv", import.meta.url)),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`FOCUS sample not found (GUICHET_FOCUS_SAMPLE, or ${candidates.join(", ")})`);
  return found;
})();

/** The sample with its line `row` (1-based, header not counted) changed by `edit` of its fields. */
export function sampleWithLine(out: string, row: number, edit: (line: string) => string): string {
  const lines = readFileSync(FOCUS_SAMPLE, "utf8").split("\n");
  lines[row] = edit(lines[row] as string);
  writeFileSync(out, lines.join("\n"));
  return out;
}

export function gzipOf(path: string, out: string): string {
  writeFileSync(out, gzipSync(readFileSync(path)));
  return out;
}

/**
 * Files written by DuckDB from the sample: `select` is a SELECT over `sample` (every column text,
 * "NULL" read as null), written as CSV or Parquet.
 */
export async function writeFromSample(dir: string, name: string, select: string): Promise<string> {
  const out = join(dir, name);
  await withDuckDb(dir, async (c) => {
    await c.run(
      `CREATE VIEW sample AS SELECT * FROM read_csv('${FOCUS_SAMPLE}', header = true, all_varchar = true, nullstr = 'NULL')`,
    );
    const format = name.endsWith(".parquet") ? "FORMAT parquet" : "FORMAT csv, HEADER";
    await c.run(`COPY (${select}) TO '${out}' (${format})`);
  });
  return out;
}
