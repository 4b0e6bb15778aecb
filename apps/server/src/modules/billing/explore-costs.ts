import { costDaily, type Db } from "@guichet/db";
import {
  addExact,
  centsToDecimal,
  type Exact,
  NOT_RESOLD_CATEGORIES,
  parseDecimal,
  roundToCents,
  toCurrency,
  ZERO_EXACT,
} from "@guichet/domain";
import { and, desc, eq, gte, inArray, lte, notInArray, type SQL, sql } from "drizzle-orm";
import { billingRates, type PeriodRate } from "./period-rates.js";

export const EXPLORER_DIMENSIONS = ["day", "vendor", "service", "region"] as const;
export type ExplorerDimension = (typeof EXPLORER_DIMENSIONS)[number];

export interface ExplorerQuery {
  from: string;
  to: string;
  by: readonly ExplorerDimension[];
  vendor?: string;
  service?: string;
  region?: string;
}

const COLUMN = {
  day: costDaily.day,
  vendor: costDaily.vendor,
  service: costDaily.service,
  region: costDaily.region,
} as const;

/**
 * The one query of the cost explorer (MCR 6.1.2, MCR-BIL-04): a customer's daily sums between two
 * days, as the invoice bills them (the vendors' taxes left out), filtered, grouped by the dimensions asked, in their billing currency and period (so each
 * converts at its period's rate). It reads cost_daily by (organisation_id, day), the index the
 * bench measures (npm run bench:billing -- --explorer).
 */
export async function explorerSums(db: Db, organisationId: string, query: ExplorerQuery) {
  const keys = query.by.map((d) => COLUMN[d]);
  const filters: SQL[] = [
    eq(costDaily.organisationId, organisationId),
    gte(costDaily.day, query.from),
    lte(costDaily.day, query.to),
    // What the invoice bills: the vendors' taxes are not resold (charge-kinds.ts).
    notInArray(costDaily.chargeCategory, [...NOT_RESOLD_CATEGORIES]),
  ];
  if (query.vendor !== undefined) filters.push(eq(costDaily.vendor, query.vendor));
  if (query.service !== undefined) filters.push(eq(costDaily.service, query.service));
  if (query.region !== undefined) filters.push(eq(costDaily.region, query.region));
  return db
    .select({
      ...Object.fromEntries(query.by.map((d) => [d, COLUMN[d]])),
      period: costDaily.billingPeriod,
      currency: costDaily.currency,
      billed: sql<string>`sum(${costDaily.billedCost})::text`,
    })
    .from(costDaily)
    .where(and(...filters))
    .groupBy(...keys, costDaily.billingPeriod, costDaily.currency)
    .then(
      (rows) =>
        rows as Array<
          Partial<Record<ExplorerDimension, string>> & { period: string; currency: string; billed: string }
        >,
    );
}

export interface ExplorerRow {
  day?: string;
  vendor?: string;
  service?: string;
  region?: string;
  /** The contract's currency, rounded half-up to the cent once per row (after summing at full precision). */
  amount: string;
}

/**
 * The explorer's answer: the sums in `currency` (the contract's, issue 17) at each billing period's
 * ECB rates (the invoice's rates),
 * one row per combination of the dimensions asked, in their order. A missing rate throws
 * MissingEuroRateError naming the currency and day, as the simulation does.
 */
export async function exploreCosts(
  db: Db,
  organisationId: string,
  query: ExplorerQuery,
  currency: string,
): Promise<{ rows: ExplorerRow[]; rates: PeriodRate[] }> {
  const sums = await explorerSums(db, organisationId, query);
  const periods = [...new Set(sums.map((s) => s.period))].sort();
  const rateOf = new Map<string, Awaited<ReturnType<typeof billingRates>>>();
  for (const period of periods)
    rateOf.set(
      period,
      await billingRates(
        db,
        period,
        sums.filter((s) => s.period === period).map((s) => s.currency),
        currency,
      ),
    );
  const totals = new Map<string, { row: Omit<ExplorerRow, "amount">; sum: Exact }>();
  for (const s of sums) {
    const key = query.by.map((d) => s[d] ?? "").join("\u0000");
    const amount = toCurrency(
      parseDecimal(s.billed) ?? ZERO_EXACT,
      s.currency,
      currency,
      rateOf.get(s.period)?.rates ?? {},
    );
    const previous = totals.get(key);
    const row = Object.fromEntries(query.by.map((d) => [d, s[d] ?? ""]));
    totals.set(key, {
      row,
      sum: addExact(previous?.sum ?? ZERO_EXACT, amount),
    });
  }
  const rows = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { row, sum }]) => ({ ...row, amount: centsToDecimal(roundToCents(sum)) }));
  const rates = [...rateOf.values()].flatMap((r) => r.used);
  return { rows, rates };
}

/** The billing periods a customer has costs for, newest first, with their line counts. */
export async function costMonths(db: Db, organisationId: string, preparingImports: ReadonlySet<string>) {
  // A month whose detailed lines' Parquet the background step has not written yet (issue 17).
  const preparing =
    preparingImports.size === 0
      ? sql<boolean>`false`
      : sql<boolean>`bool_or(${inArray(costDaily.importId, [...preparingImports])})`;
  return db
    .select({
      month: costDaily.billingPeriod,
      lineCount: sql<number>`sum(${costDaily.lineCount})::int`,
      firstDay: sql<string>`min(${costDaily.day})::text`,
      lastDay: sql<string>`max(${costDaily.day})::text`,
      preparing,
    })
    .from(costDaily)
    .where(eq(costDaily.organisationId, organisationId))
    .groupBy(costDaily.billingPeriod)
    .orderBy(desc(costDaily.billingPeriod));
}
