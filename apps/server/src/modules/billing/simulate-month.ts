import { costDaily, type Db } from "@guichet/db";
import {
  type Contract,
  type MonthSimulation,
  parseDecimal,
  type SimulationDay,
  simulateMonth,
} from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import { contractWithRevisedPrices } from "../notices/revised-prices.js";
import { supportPlanOf } from "../organisations/support-plan-of.js";
import { billingRates, type PeriodRate } from "./period-rates.js";

/**
 * A customer's simulation of a month's invoice (MCR-BIL-04) from its daily costs, at the
 * period's ECB rates (MissingEuroRateError names the currency and day when one lacks), with the
 * support plan in force on the month's 1st (a plan change takes effect on the 1st, MCR-SUP-02).
 */
export async function simulateCustomerMonth(
  db: Db,
  contract: Contract,
  organisationId: string,
  month: string,
): Promise<{ simulation: MonthSimulation; plan: string; rates: PeriodRate[] }> {
  const rows = await db
    .select()
    .from(costDaily)
    .where(and(eq(costDaily.organisationId, organisationId), eq(costDaily.billingPeriod, month)));
  const costs: SimulationDay[] = rows.map((r) => ({
    day: r.day,
    vendor: r.vendor,
    service: r.service,
    currency: r.currency,
    chargeCategory: r.chargeCategory,
    chargeFrequency: r.chargeFrequency,
    billedCost: parseDecimal(r.billedCost) ?? { num: 0n, den: 1n },
    listCost: parseDecimal(r.listCost) ?? { num: 0n, den: 1n },
  }));
  const { rates, used } = await billingRates(
    db,
    month,
    costs.map((c) => c.currency),
    contract.currency,
  );
  const plan = await supportPlanOf(db, contract, organisationId, `${month}-01`);
  // MCR-BIL-05: the simulation uses the support price in force on the month's 1st, as the invoice.
  const priced = await contractWithRevisedPrices(db, contract, `${month}-01`);
  return { simulation: simulateMonth(priced, plan, month, costs, rates), plan, rates: used };
}
