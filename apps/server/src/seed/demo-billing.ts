import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, organisations, vendorAccounts } from "@guichet/db";
import { addMonths, type Contract, localDateIn, parseDecimal } from "@guichet/domain";
import { eq } from "drizzle-orm";
import type { Config } from "../config.js";
import { timeZoneOf } from "../modules/accounts/issue-link.js";
import type { AuditActor } from "../modules/audit/record-audit.js";
import { importCosts } from "../modules/billing/import-costs.js";
import { importEuroRates } from "../modules/billing/import-euro-rates.js";
import { saveBudget } from "../modules/billing/save-budget.js";
import { simulateCustomerMonth } from "../modules/billing/simulate-month.js";
import { runInvoices } from "../modules/invoices/run-invoices.js";
import { DEMO_VENDORS, type DemoExtraLine, type DemoSubAccount, demoFocusCsv } from "./demo-focus.js";

/** Who does the demo's billing, each as herself in the audit trail. */
export interface BillingDemo {
  /** The provider's person who imports the costs and runs the invoices. */
  provider: AuditActor;
  /** A customer's administrator who sets a budget, warning herself (MCR 6.1.2 alerts). */
  budget?: { slug: string; actor: AuditActor & { userId: string } };
}

/** Each demo customer's daily consumption at list price with each of its vendors, and its discount. */
const CONSUMPTION: Record<string, Omit<DemoSubAccount, "id" | "name">> = {
  // Basic plan: no support fee (MCR 5.3.4).
  "atelier-lumiere": { dailyListCost: 4.5, discount: 0 },
  // Standard plan: 7.5 % of about 430 € is below the 69 € minimum, which applies.
  "transports-garnier": { dailyListCost: 16, discount: 0.05 },
  "biolab-nantes": { dailyListCost: 85, discount: 0.08 },
  "banque-ducasse": { dailyListCost: 190, discount: 0.12 },
};

/** An account the reseller holds that no customer's order recorded: staff see it as unmatched. */
const UNMATCHED: DemoSubAccount = {
  id: "demo-compte-non-rattache",
  name: "Compte non rattaché",
  dailyListCost: 2,
  discount: 0,
};

/** Demo value of the ECB's US dollar reference rate (units per euro), not a published one. */
const DEMO_USD_PER_EURO = 1.085;

const daysOf = (from: string, until: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${until}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

/** Demo reference rates in the ECB's own CSV form, a rate a working day. */
function demoRatesCsv(from: string, until: string): string {
  const weekdays = daysOf(from, until).filter(
    (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  );
  const rows = weekdays.map((d, i) => `${d},${(DEMO_USD_PER_EURO + 0.004 * Math.sin(i / 3)).toFixed(4)}`);
  return ["Date,USD", ...rows.reverse()].join("\n");
}

/**
 * What a newcomer finds under Factures, Coûts and Budgets (issue 17), made by the product's own
 * use cases as the people of the demo: on MultiCloud Ready, last month's and this month's cloud
 * consumption of the customers' vendor accounts (made-up FOCUS files, demo-focus.ts) imported with
 * demo euro reference rates, one sub-account left unmatched for staff, and a budget of BioLab
 * Nantes whose forecast reaches a threshold (an alert mail in the outbox); on both deployments,
 * last month's invoices issued (MCR-BIL-01, MCR-BIL-02, DSN-ORD-03).
 */
export async function seedBillingDemo(
  tx: Db,
  context: { contract: Contract; config: Config },
  demo: BillingDemo,
  now: Date,
): Promise<void> {
  const { contract } = context;
  if (!contract.invoicing) return;
  const today = localDateIn(now, timeZoneOf(contract));
  const thisMonth = today.slice(0, 7);
  const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
  const held = await tx
    .select({
      item: vendorAccounts.catalogueItemId,
      id: vendorAccounts.vendorAccountId,
      name: organisations.name,
      slug: organisations.slug,
    })
    .from(vendorAccounts)
    .innerJoin(organisations, eq(organisations.id, vendorAccounts.organisationId));
  const extras = EXTRAS.map((e) => ({ ...e, day: `${lastMonth}-${String(e.day).padStart(2, "0")}` }));
  const dir = mkdtempSync(join(tmpdir(), "guichet-demo-costs-"));
  try {
    const files = [];
    for (const vendor of DEMO_VENDORS) {
      const subAccounts: DemoSubAccount[] = held.flatMap((h) => {
        const consumption = CONSUMPTION[h.slug];
        return h.item === vendor.item && consumption ? [{ id: h.id, name: h.name, ...consumption }] : [];
      });
      if (subAccounts.length === 0) continue;
      if (vendor.item === "aws") subAccounts.push(UNMATCHED);
      for (const [month, days] of [
        [lastMonth, daysOf(`${lastMonth}-01`, `${thisMonth}-01`)],
        [thisMonth, daysOf(`${thisMonth}-01`, today)],
      ] as const) {
        if (days.length === 0) continue;
        const path = join(dir, `focus-${vendor.item}-${month}.csv`);
        writeFileSync(path, demoFocusCsv(vendor, month, days, subAccounts, extras));
        files.push({ path, name: `${vendor.providerName} FOCUS ${month}.csv` });
      }
    }
    if (files.length > 0) {
      const from = addMonths(`${lastMonth}-01`, -1);
      await importEuroRates(tx, demoRatesCsv(from, today), "taux-bce-demonstration.csv", demo.provider, now);
      await importCosts(context, tx, files, demo.provider, now);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await runInvoices(tx, contract, lastMonth, today, demo.provider, now);
  if (demo.budget) await budgetNearItsForecast(tx, context, demo.budget, thisMonth, now);
}

/**
 * Lines the days do not make, on last month's `day`: a one-time purchase (outside the support
 * fee's basis, MCR-BIL-02) and a credit, on vendor accounts the demo's orders record
 * (`demo-<customer>-<item>`, demo-orders.ts). demoFocusCsv writes each in its sub-account's file.
 */
const EXTRAS: ReadonlyArray<Omit<DemoExtraLine, "day"> & { day: number }> = [
  {
    subAccountId: "demo-biolab-nantes-gcp",
    day: 3,
    category: "Purchase",
    description: "Cloud Marketplace : licence annuelle",
    serviceName: "Cloud Marketplace",
    listCost: 1_200,
  },
  {
    subAccountId: "demo-banque-ducasse-aws",
    day: 15,
    category: "Credit",
    description: "Avoir commercial AWS",
    serviceName: "AWS Credits",
    listCost: -250,
  },
];

/**
 * The customer's whole-account budget, set a little above this month's forecast: the forecast
 * reaches its 80 % threshold, so an alert goes to the administrator (MCR 6.1.2 "gestion
 * budgétaire (alertes)"); on the 1st, with nothing imported yet, the budget is set and waits.
 */
async function budgetNearItsForecast(
  tx: Db,
  context: { contract: Contract; config: Config },
  { slug, actor }: NonNullable<BillingDemo["budget"]>,
  month: string,
  now: Date,
): Promise<void> {
  const [customer] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!customer) return;
  const { simulation } = await simulateCustomerMonth(tx, context.contract, customer.id, month);
  const forecast = parseDecimal(simulation.forecast.total);
  const euros = forecast ? Number(forecast.num / forecast.den) : 0;
  const amountCents = Math.max(1_000, Math.ceil(euros / 0.9 / 100) * 100) * 100;
  const saved = await saveBudget(
    context,
    tx,
    customer.id,
    { vendor: null, amountCents, thresholds: [50, 80, 100], recipientUserIds: [actor.userId] },
    month,
    actor,
    now,
  );
  if (!saved.ok) throw new Error(`demo budget of ${slug}: ${saved.reason}`);
}
