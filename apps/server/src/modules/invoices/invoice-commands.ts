import { localDateIn, MissingEuroRateError, NoInvoicingError } from "@guichet/domain";
import type { CommandResult } from "../../cli/commands.js";
import type { Config } from "../../config.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { openDeployment } from "../../runtime/open-deployment.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { systemActor } from "../audit/record-audit.js";
import { MonthNotOverError, runInvoices } from "./run-invoices.js";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `guichet billing run --month YYYY-MM` (MCR-BIL-01, MCR-BIL-02, DSN-ORD-03): the month's invoices,
 * all or nothing, issued today (the provider's date). A missing rate names the currency and the day.
 */
export async function billingRunCommand(
  config: Config,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  const at = args.indexOf("--month");
  const month = at >= 0 ? args[at + 1] : undefined;
  if (!month || !MONTH.test(month)) return { code: 2, err: "Usage: guichet billing run --month YYYY-MM" };
  const locale = negotiateLocale(env.LANG?.replace("_", "-"));
  const now = new Date();
  const { database, contract } = await openDeployment(config, () => now, { seed: "never" });
  try {
    const issueDate = localDateIn(now, timeZoneOf(contract));
    const result = await runInvoices(
      database.db,
      contract,
      month,
      issueDate,
      systemActor("guichet billing run"),
      now,
    );
    const lines = result.issued.map(
      (i) => `${i.number} ${i.organisationId} ${i.totalInclVatCents} cents incl. VAT`,
    );
    const skipped = result.skipped.map((s) => `  ${s.name}: ${s.reason}`);
    return {
      code: 0,
      out: [
        `Issued ${result.issued.length} invoice(s) for ${month} on ${issueDate}:`,
        ...lines,
        ...(skipped.length ? [`Not invoiced (${skipped.length}):`, ...skipped] : []),
      ].join("\n"),
    };
  } catch (error) {
    if (error instanceof MissingEuroRateError)
      return {
        code: 1,
        err: t(locale, "billing.rates.missing", { currency: error.currency, day: error.day }),
      };
    if (error instanceof MonthNotOverError)
      return {
        code: 1,
        err: t(locale, "invoices.month_not_over", { month: error.month, day: error.issueDate }),
      };
    if (error instanceof NoInvoicingError) return { code: 1, err: t(locale, "invoices.no_invoicing") };
    throw error;
  } finally {
    await database.close();
  }
}
