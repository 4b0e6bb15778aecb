/**
 * `npm run bench:billing -- --explorer [LINES]`: the cost explorer's query (MCR-BIL-04) over
 * 10,000,000 daily cost lines by default, on an embedded PGlite: 1,000 customers, each a year of
 * days on 27 service × region pairs (10,000 lines each), so one customer is a thousandth of the
 * table. Measured: p50/p99 of the by-day-and-service query (explorerSums, the route's own query)
 * for one customer over a month (the explorer's default) and over a year (its longest range),
 * against a baseline in the same run: the same query on a second database holding only that
 * customer's lines. Target: p99 < 200 ms over 10,000,000 lines.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { costImports, type Database, migrateDatabase, openDatabase, organisations } from "@guichet/db";
import { sql } from "drizzle-orm";
import { explorerSums } from "../../apps/server/src/modules/billing/explore-costs.js";

const PER_CUSTOMER = 10_000;
const RUNS = 200;

/** Fills cost_daily in SQL (generate_series), so the load is the database's, not JavaScript's. */
async function fill(database: Database, customers: number, firstCustomer = 0): Promise<string[]> {
  const db = database.db;
  const importId = randomUUID();
  await db.insert(costImports).values({
    id: importId,
    batchId: randomUUID(),
    fileName: "bench.csv",
    fileSha256: "0".repeat(64),
    vendor: "aws",
    vendorName: "Amazon Web Services",
    billingAccountId: "bench",
    billingPeriod: "2025-01",
    parquetPath: "bench",
    lineCount: customers * PER_CUSTOMER,
    status: "in_force",
    importedAt: new Date(),
  });
  const ids: string[] = [];
  for (let i = 0; i < customers; i += 500) {
    const batch = Array.from({ length: Math.min(500, customers - i) }, (_, k) => ({
      kind: "customer" as const,
      slug: `bench-${firstCustomer + i + k}`,
      name: `Bench ${firstCustomer + i + k}`,
    }));
    const rows = await db.insert(organisations).values(batch).returning({ id: organisations.id });
    ids.push(...rows.map((r) => r.id));
  }
  await db.execute(sql`create temporary table bench_customers as
    select id, row_number() over (order by id) - 1 as n from organisations where slug like 'bench-%'`);
  // Line k of a customer: day k / 27 from 1 January 2025, service (k % 27) / 3, region k % 3.
  await db.execute(sql`insert into cost_daily (import_id, organisation_id, day, billing_period, vendor,
      billing_account_id, sub_account_id, service, region, charge_category, charge_frequency, currency,
      billed_cost, list_cost, effective_cost, line_count)
    select ${importId}, c.id, d.day, to_char(d.day, 'YYYY-MM'), 'aws', 'bench', '', 'Service ' || ((k % 27) / 3),
      'region-' || (k % 3), 'Usage', 'Usage-Based', 'USD', round((k % 97 + c.n % 13) * 1.2345678, 7),
      round((k % 97 + c.n % 13) * 1.2345678, 7), round((k % 97 + c.n % 13) * 1.2345678, 7), 1
    from bench_customers c, generate_series(0, ${PER_CUSTOMER - 1}) k,
      lateral (select date '2025-01-01' + (k / 27)::int as day) d`);
  await db.execute(sql`analyze cost_daily`);
  return ids;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function timeQuery(database: Database, organisationId: string, from: string, to: string) {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS + 10; i++) {
    const t0 = performance.now();
    const result = await explorerSums(database.db, organisationId, { from, to, by: ["day", "service"] });
    const elapsed = performance.now() - t0;
    if (i >= 10) times.push(elapsed); // the first runs warm the caches
    rows = result.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), rows };
}

export async function benchExplorer(lines: number): Promise<void> {
  const customers = Math.max(1, Math.round(lines / PER_CUSTOMER));
  const dir = mkdtempSync(join(tmpdir(), "guichet-bench-explorer-"));
  const big = await openDatabase({ kind: "pglite", dataDir: join(dir, "big") });
  const alone = await openDatabase({ kind: "pglite", dataDir: join(dir, "alone") });
  try {
    await migrateDatabase(big);
    await migrateDatabase(alone);
    const t0 = performance.now();
    const ids = await fill(big, customers);
    const counted = await big.db.execute(sql`select count(*)::int as n from cost_daily`);
    const total = Number(
      ((counted as { rows: Array<{ n: number }> }).rows[0] as { n: number }).n,
    ).toLocaleString("en");
    console.log(
      `filled ${total} daily cost lines for ${customers.toLocaleString("en")} customers in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const [one] = await fill(alone, 1);
    const target = ids[Math.floor(ids.length / 2)] as string;
    const table = [];
    for (const [range, from, to] of [
      ["a month", "2025-06-01", "2025-06-30"],
      ["a year", "2025-01-01", "2025-12-31"],
    ] as const) {
      const baseline = await timeQuery(alone, one as string, from, to);
      const measured = await timeQuery(big, target, from, to);
      table.push(
        { what: `${range}, one customer alone (baseline)`, ...baseline },
        { what: `${range}, one customer of ${total} lines`, ...measured },
      );
      console.log(
        `${range}: p99 ${measured.p99.toFixed(1)} ms over ${total} lines (target < 200 ms) ${measured.p99 < 200 ? "OK" : "MISSED"}; ` +
          `against the customer alone: ${(measured.p99 / baseline.p99).toFixed(2)}x`,
      );
    }
    console.table(
      table.map((r) => ({
        what: r.what,
        "p50 ms": r.p50.toFixed(1),
        "p99 ms": r.p99.toFixed(1),
        rows: r.rows,
      })),
    );
  } finally {
    await big.close();
    await alone.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
