import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseEcbRates, RateFileError } from "@guichet/domain";
import type { CommandResult } from "../../cli/commands.js";
import type { Config } from "../../config.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { openDeployment } from "../../runtime/open-deployment.js";
import { systemActor } from "../audit/record-audit.js";
import { describeFocusRefusal } from "./describe-refusal.js";
import { writePendingDetailedLines } from "./detailed-lines.js";
import { importCosts } from "./import-costs.js";
import { importEuroRates } from "./import-euro-rates.js";
import { listUnmatchedAccounts } from "./list-unmatched-accounts.js";
import { FocusRefusedError } from "./stage-focus-file.js";

/** The operator's language for refusals: LANG's, French unless English (fr_FR.UTF-8, en_GB.UTF-8). */
const localeOf = (env: NodeJS.ProcessEnv) => negotiateLocale(env.LANG?.replace("_", "-"));

/**
 * `guichet costs import [--no-wait] FILE…` (MCR-BIL-01): the files as one import, all or nothing.
 * By default it then writes the detailed lines' Parquet itself (writePendingDetailedLines), so
 * that when it returns the download is ready; `--no-wait` returns at the commit and leaves the
 * Parquet to the server's background work, as an upload and the watched folder do (issue 17).
 */
export async function costsImportCommand(
  config: Config,
  files: string[],
  env: NodeJS.ProcessEnv,
  waitForDetail = true,
): Promise<CommandResult> {
  const now = new Date();
  const { database, contract } = await openDeployment(config, () => now, { seed: "never" });
  try {
    const summary = await importCosts(
      { config, contract },
      database.db,
      files.map((path) => ({ path, name: basename(path) })),
      systemActor("guichet costs import"),
      now,
    );
    if (waitForDetail) await writePendingDetailedLines({ config, contract }, database.db);
    const lines = summary.units.map(
      (u) => `${u.billingPeriod} ${u.vendorName} ${u.billingAccountId}: ${u.lineCount} lines, ${u.outcome}`,
    );
    const unmatched = await listUnmatchedAccounts(database.db);
    const warning = unmatched.length
      ? [
          `${unmatched.length} vendor account(s) match no customer (GET /api/billing/unmatched-accounts):`,
          ...unmatched
            .slice(0, 20)
            .map(
              (a) => `  ${a.vendor} ${a.billingAccountId} ${a.subAccountId} ${a.currency} ${a.billedCost}`,
            ),
        ]
      : [];
    return {
      code: 0,
      out: [`Imported ${summary.lineCount} lines from ${files.length} file(s):`, ...lines, ...warning].join(
        "\n",
      ),
    };
  } catch (error) {
    if (error instanceof FocusRefusedError)
      return { code: 1, err: describeFocusRefusal(error.refusal, localeOf(env)) };
    throw error;
  } finally {
    await database.close();
  }
}

/** `guichet rates import FILE` (ECB CSV): euro reference rates, all or nothing. */
export async function ratesImportCommand(
  config: Config,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  const now = new Date();
  const text = readFileSync(file, "utf8");
  try {
    parseEcbRates(text); // a malformed file is refused before the database is opened
  } catch (error) {
    return refusedRates(error, file, env);
  }
  const { database } = await openDeployment(config, () => now, { seed: "never" });
  try {
    const result = await importEuroRates(
      database.db,
      text,
      basename(file),
      systemActor("guichet rates import"),
      now,
    );
    return {
      code: 0,
      out: `Imported ${result.rates} rates for ${result.days} day(s): ${result.currencies.join(", ")}`,
    };
  } catch (error) {
    return refusedRates(error, file, env);
  } finally {
    await database.close();
  }
}

/** A rate file refused, said in the operator's language with the file's name; anything else is a bug. */
function refusedRates(error: unknown, file: string, env: NodeJS.ProcessEnv): CommandResult {
  if (!(error instanceof RateFileError)) throw error;
  return {
    code: 1,
    err: t(localeOf(env), "billing.rates.refused", { file: basename(file), detail: error.message }),
  };
}
