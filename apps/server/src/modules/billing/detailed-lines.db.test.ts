import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costImports } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { systemActor } from "../audit/record-audit.js";
import { costImportFixture } from "./cost-import.test-helper.js";
import { writePendingDetailedLines } from "./detailed-lines.js";
import { withDuckDb } from "./duckdb.js";
import { FOCUS_SAMPLE, writeFromSample } from "./focus-files.test-helper.js";
import { importCosts } from "./import-costs.js";

const postgresUrl = inject("postgresUrl");
const actor = systemActor("test");
const now = new Date("2026-10-15T10:00:00Z");

/** How many lines the Parquet of an import holds, read back by DuckDB. */
async function parquetLines(dir: string): Promise<number> {
  return withDuckDb(tmpdir(), async (c) => {
    const r = await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${dir}/*.parquet')`);
    return Number(r.getRowObjectsJson()[0]?.n);
  });
}

/**
 * The detailed lines' Parquet, written after the import's commit (issue 17): resumed after a
 * crash or a restart from the folder and the database alone, never for an import that did not
 * commit or that was replaced in the meantime.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("the detailed lines' deferred Parquet on %s", (kind) => {
  const f = costImportFixture(kind, postgresUrl);
  const { costsDir } = f;
  const pending = () => readdirSync(join(costsDir(), ".pending"));
  const importsOf = (batchId: string) =>
    f.database.db.select().from(costImports).where(eq(costImports.batchId, batchId));

  it("a crash between the commit and the Parquet: the next run writes it all, once", async () => {
    const summary = await importCosts(
      f.context,
      f.database.db,
      [{ path: FOCUS_SAMPLE, name: "sample.csv" }],
      actor,
      now,
    );
    // The process died while writing: a half-written temporary folder is left beside the kept file.
    const cut = join(costsDir(), ".pending", summary.batchId, `parquet-${randomUUID()}`, "period=2024-09");
    mkdirSync(cut, { recursive: true });
    writeFileSync(join(cut, "lines_0.parquet"), "PAR1 cut");
    const first = await writePendingDetailedLines(f.context, f.database.db);
    expect(first).toEqual({ batches: 1, units: 4 });
    expect(pending()).toEqual([]);
    const units = await importsOf(summary.batchId);
    let lines = 0;
    for (const unit of units) lines += await parquetLines(join(costsDir(), unit.parquetPath));
    expect(lines).toBe(1000);
    // Run again (another process, a restart): nothing left to do, nothing written twice.
    expect(await writePendingDetailedLines(f.context, f.database.db)).toEqual({ batches: 0, units: 0 });
    let again = 0;
    for (const unit of units) again += await parquetLines(join(costsDir(), unit.parquetPath));
    expect(again).toBe(1000);
  });

  it("a batch kept by an import that never committed is dropped, with no Parquet", async () => {
    const orphan = join(costsDir(), ".pending", randomUUID());
    mkdirSync(orphan, { recursive: true });
    writeFileSync(join(orphan, "source-0"), "BilledCost\n1\n");
    writeFileSync(
      join(orphan, "manifest.json"),
      JSON.stringify({
        files: [{ index: 0, name: "x.csv", source: "source-0" }],
        units: [{ importId: randomUUID(), file: 0, period: "2024-09", vendor: "aws", accountKey: "x" }],
      }),
    );
    expect(await writePendingDetailedLines(f.context, f.database.db)).toEqual({ batches: 0, units: 0 });
    expect(existsSync(orphan)).toBe(false);
  });

  it("an import restated before its Parquet was written gets none; the restatement does", async () => {
    const doubled = (factor: number) =>
      writeFromSample(
        f.files,
        `restated-${factor}.csv`,
        `SELECT * REPLACE (CAST(CAST(BilledCost AS DECIMAL(38,18)) * ${factor} AS VARCHAR) AS BilledCost) FROM sample`,
      );
    const first = await importCosts(
      f.context,
      f.database.db,
      [{ path: await doubled(2), name: "restated-2.csv" }],
      actor,
      now,
    );
    const second = await importCosts(
      f.context,
      f.database.db,
      [{ path: await doubled(3), name: "restated-3.csv" }],
      actor,
      now,
    );
    expect(pending().sort()).toEqual([first.batchId, second.batchId].sort());
    expect(await writePendingDetailedLines(f.context, f.database.db)).toEqual({ batches: 1, units: 4 });
    expect(pending()).toEqual([]);
    for (const unit of await importsOf(first.batchId))
      expect(existsSync(join(costsDir(), unit.parquetPath))).toBe(false);
    for (const unit of await importsOf(second.batchId))
      expect(existsSync(join(costsDir(), unit.parquetPath))).toBe(true);
  });
});
