import { budgetAlerts, budgets, costDaily, type Db, users } from "@guichet/db";
import { budgetSpend, centsToDecimal, MissingEuroRateError } from "@guichet/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { vendorNames } from "./cost-vendors.js";
import { simulateCustomerMonth } from "./simulate-month.js";

/**
 * A customer's budgets for the portal (MCR 6.1.2): each with the month to date and forecast it is
 * compared with (null when a rate is missing), the alerts sent (newest month first; a cost file
 * may bring an earlier month), and what the form
 * offers: the vendors the customer has costs with and the people it may warn.
 */
export async function listBudgets(
  context: Pick<AppContext, "contract">,
  db: Db,
  organisationId: string,
  month: string,
) {
  const held = await db
    .select()
    .from(budgets)
    .where(eq(budgets.organisationId, organisationId))
    .orderBy(asc(budgets.vendor));
  const alerts = await db
    .select()
    .from(budgetAlerts)
    .where(eq(budgetAlerts.organisationId, organisationId))
    .orderBy(desc(budgetAlerts.month), asc(budgetAlerts.threshold), asc(budgetAlerts.basis))
    .limit(500);
  const people = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.status, ["invited", "active"])))
    .orderBy(asc(users.lastName), asc(users.firstName));
  const vendors = await db
    .selectDistinct({ vendor: costDaily.vendor })
    .from(costDaily)
    .where(eq(costDaily.organisationId, organisationId))
    .orderBy(asc(costDaily.vendor));
  let simulation: Awaited<ReturnType<typeof simulateCustomerMonth>>["simulation"] | null = null;
  try {
    ({ simulation } = await simulateCustomerMonth(db, context.contract, organisationId, month));
  } catch (error) {
    if (!(error instanceof MissingEuroRateError)) throw error;
  }
  return {
    month,
    currency: context.contract.currency,
    items: held.map((b) => {
      const spend = simulation ? budgetSpend(simulation, b.vendor) : null;
      return {
        id: b.id,
        vendor: b.vendor,
        amount: centsToDecimal(BigInt(b.amountCents)),
        thresholds: b.thresholds,
        recipients: people.filter((p) => b.recipientUserIds.includes(p.id)),
        actual: spend ? centsToDecimal(spend.actualCents) : null,
        forecast: spend ? centsToDecimal(spend.forecastCents) : null,
        alerts: alerts
          .filter((a) => a.budgetId === b.id)
          .map((a) => ({
            month: a.month,
            threshold: a.threshold,
            basis: a.basis,
            spent: centsToDecimal(BigInt(a.spentCents)),
            sentAt: a.sentAt.toISOString(),
          })),
      };
    }),
    vendors: vendors.map((v) => v.vendor),
    vendorNames: await vendorNames(db),
    people,
  };
}
