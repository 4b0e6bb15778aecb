import { withDuckDb } from "../../apps/server/src/modules/billing/duckdb.js";

/**
 * A large FOCUS file made from the FinOps sample (`test/data/focus`): the sample's 1,000
 * lines repeated, each copy moved to another day of September 2024 and another sub-account, with
 * the sample's quirks kept (the string NULL for empty values, timestamps without T or Z).
 */
export async function generateFocusCsv(
  sample: string,
  out: string,
  rows: number,
  spillDir: string,
): Promise<void> {
  const copies = Math.ceil(rows / 1000);
  await withDuckDb(spillDir, async (c) => {
    await c.run(
      `CREATE TABLE sample AS SELECT * FROM read_csv('${sample}', header = true, all_varchar = true, nullstr = 'NULL')`,
    );
    // Both ends of the charge period move by the same days, so its length and order are kept.
    const moved =
      "(INTERVAL (copy % 29) DAY - INTERVAL (extract(day FROM CAST(ChargePeriodStart AS TIMESTAMP)) - 1) DAY)";
    const shift = (column: string) =>
      `strftime(CAST(${column} AS TIMESTAMP) + ${moved}, '%Y-%m-%d %H:%M:%S')`;
    await c.run(`COPY (
      SELECT * EXCLUDE (copy) REPLACE (
        ${shift("ChargePeriodStart")} AS ChargePeriodStart,
        ${shift("ChargePeriodEnd")} AS ChargePeriodEnd,
        CASE WHEN SubAccountId IS NULL THEN NULL ELSE SubAccountId || '-' || (copy % 50) END AS SubAccountId,
        CAST(copy * 1000 + row_number() OVER (PARTITION BY copy) AS VARCHAR) AS Id
      )
      FROM (SELECT s.*, r.range AS copy FROM range(${copies}) r, sample s)
      LIMIT ${rows}
    ) TO '${out}' (FORMAT csv, HEADER, NULLSTR 'NULL')`);
  });
}
