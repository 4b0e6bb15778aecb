import { budgetAlerts, budgets, type Db, organisations, users } from "@guichet/db";
import {
  alertKey,
  budgetSpend,
  centsToDecimal,
  dueBudgetAlerts,
  formatMoney,
  MissingEuroRateError,
} from "@guichet/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { catalogueFor } from "../../i18n/reader.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { deploymentMail } from "../mail/deployment-mail.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { vendorNames } from "./cost-vendors.js";
import { simulateCustomerMonth } from "./simulate-month.js";

const MONTH_FORMATS = {
  fr: new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};
const WHOLE_ACCOUNT = { fr: "l'ensemble du compte", en: "the whole account" };

export interface BudgetCheck {
  organisationId: string;
  month: string;
  sent: Array<{ budgetId: string; threshold: number; basis: "actual" | "forecast"; recipients: number }>;
  /** The month's costs need a rate that is not imported yet: checked again at the next import. */
  skipped?: { currency: string; day: string };
}

/**
 * Checks a customer's budgets for a month (MCR 6.1.2 "gestion budgétaire (alertes)") against its
 * simulation (MCR-BIL-04) and, in the caller's transaction, records and mails each alert due
 * (dueBudgetAlerts): to the people named on the budget, through the outbox, audited, once per
 * budget, month, threshold and basis (the unique index keeps a second import from sending it
 * twice). Called after each cost import for the months it brought, and when a budget is saved.
 */
export async function checkBudgets(
  context: Pick<AppContext, "contract" | "config">,
  tx: Db,
  organisationId: string,
  month: string,
  actor: AuditActor,
  now: Date,
): Promise<BudgetCheck> {
  const result: BudgetCheck = { organisationId, month, sent: [] };
  const held = await tx.select().from(budgets).where(eq(budgets.organisationId, organisationId));
  if (held.length === 0) return result;
  let simulation: Awaited<ReturnType<typeof simulateCustomerMonth>>["simulation"];
  try {
    ({ simulation } = await simulateCustomerMonth(tx, context.contract, organisationId, month));
  } catch (error) {
    if (!(error instanceof MissingEuroRateError)) throw error;
    return { ...result, skipped: { currency: error.currency, day: error.day } };
  }
  const sent = await tx
    .select()
    .from(budgetAlerts)
    .where(and(eq(budgetAlerts.organisationId, organisationId), eq(budgetAlerts.month, month)));
  const alreadySent = new Set(sent.map((a) => alertKey(a.budgetId, a.threshold, a.basis)));
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  // Read once, and only when a vendor's budget has an alert to send.
  let names: Record<string, string> | undefined;
  for (const budget of held) {
    const due = dueBudgetAlerts(budget, budgetSpend(simulation, budget.vendor), alreadySent);
    if (due.length === 0) continue;
    if (budget.vendor && !names) names = await vendorNames(tx);
    const scope = budget.vendor ? (names?.[budget.vendor] ?? budget.vendor) : undefined;
    const recipients = budget.recipientUserIds.length
      ? await tx
          .select()
          .from(users)
          .where(
            and(
              inArray(users.id, budget.recipientUserIds),
              eq(users.organisationId, organisationId),
              inArray(users.status, ["invited", "active"]),
            ),
          )
      : [];
    for (const alert of due) {
      const [recorded] = await tx
        .insert(budgetAlerts)
        .values({
          budgetId: budget.id,
          organisationId,
          month,
          threshold: alert.threshold,
          basis: alert.basis,
          spentCents: Number(alert.spentCents),
          sentAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: budgetAlerts.id });
      if (!recorded) continue;
      for (const person of recipients) {
        const locale = catalogueFor(person.locale, context.contract);
        await enqueueMail(tx, {
          ...deploymentMail(context, now),
          organisationId,
          kind: alert.basis === "actual" ? "budget_alert_actual" : "budget_alert_forecast",
          to: person.email,
          locale: person.locale,
          clause: null,
          params: {
            firstName: person.firstName,
            organisationName: organisation?.name ?? "",
            scope: scope ?? WHOLE_ACCOUNT[locale],
            month: MONTH_FORMATS[locale].format(new Date(`${month}-15T12:00:00Z`)),
            threshold: String(alert.threshold),
            // In the contract's currency, the simulation's and the budget's (issue 17).
            budget: formatMoney(BigInt(budget.amountCents), locale, simulation.currency),
            spent: formatMoney(alert.spentCents, locale, simulation.currency),
          },
        });
      }
      await recordAudit(
        tx,
        actor,
        {
          action: "billing.budget_alert_sent",
          organisationId,
          targetType: "budget",
          targetId: budget.id,
          data: {
            month,
            threshold: alert.threshold,
            basis: alert.basis,
            spent: centsToDecimal(alert.spentCents),
            budget: centsToDecimal(BigInt(budget.amountCents)),
            recipients: recipients.map((r) => r.email),
          },
        },
        now,
      );
      result.sent.push({
        budgetId: budget.id,
        threshold: alert.threshold,
        basis: alert.basis,
        recipients: recipients.length,
      });
    }
  }
  return result;
}
