import { parseArgs } from "node:util";
import { contractLanguages, type Language, labelIn } from "@guichet/domain";
import type { Config } from "../config.js";
import { loadContract } from "../contract/load-contract.js";
import { initialiseProvider } from "../modules/accounts/initialise-provider.js";
import { deliverDueMail } from "../modules/mail/deliver-outbox.js";
import { createSmtpTransport } from "../modules/mail/smtp-transport.js";
import { openDeployment } from "../runtime/open-deployment.js";
import type { CommandResult } from "./commands.js";

export const INIT_USAGE =
  "Usage: guichet init EMAIL [--name \"First Last\"] [--locale LANGUAGE]  (the provider's first administrator; LANGUAGE one of the contract's, its locale by default)";

/** "jeanne.martin@…" → Jeanne / Martin, when no --name is given. */
function namesOf(email: string, name: string | undefined): { firstName: string; lastName: string } {
  const words = (name ?? email.split("@")[0] ?? "")
    .split(name ? /\s+/ : /[._-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return { firstName: words[0] ?? email, lastName: words.slice(1).join(" ") || (words[0] ?? email) };
}

/**
 * `guichet init EMAIL` (issue 22): a real deployment's first step, on an empty database (no demo
 * data). Migrates, creates the provider organisation from the contract file and its first
 * administrator, prints the single-use link that sets the password and, with SMTP_URL, mails it
 * at once. Refused, saying why and changing nothing, once the provider has an administrator.
 */
export async function runInit(config: Config, args: string[]): Promise<CommandResult> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { code: 2, err: `${(error as Error).message}\n${INIT_USAGE}` };
  }
  const { email, name } = parsed;
  // The administrator reads the contract's language unless another of its languages is asked for
  // (issue 23: an English-only provider's first invitation is in English).
  const spoken = contractLanguages(loadContract(config.GUICHET_CONTRACT));
  const locale = (parsed.locale ?? spoken[0]) as Language;
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !spoken.includes(locale)) {
    return { code: 2, err: `${INIT_USAGE}\nThe contract's languages: ${spoken.join(", ")}.` };
  }
  const { contract, database } = await openDeployment(config, () => new Date(), { seed: "never" });
  try {
    const now = new Date();
    const result = await initialiseProvider(
      { contract, config, database },
      { email, locale, ...namesOf(email, name) },
      now,
    );
    if (!result.ok) {
      return {
        code: 1,
        err:
          result.reason === "administrator_exists"
            ? `Refused: ${contract.provider.name} already has an administrator (${result.administrators.join(", ")}). ` +
              "Sign in with that account, and invite other staff from the back office (Équipe / Staff). Nothing was changed."
            : `Refused: ${email} already has an identifier on this deployment. Nothing was changed.`,
      };
    }
    const lines = [
      result.createdOrganisation
        ? `Provider organisation "${result.organisationName}" created from ${contract.id}.`
        : `Provider organisation "${result.organisationName}" found, without an administrator.`,
      `Administrator invited: ${email}. Set the password with this single-use link before ${result.expiresAt.toISOString()}:`,
      result.link,
    ];
    if (config.SMTP_URL) {
      const transport = createSmtpTransport(config.SMTP_URL, {
        from: {
          name: labelIn(contract.provider.portalName, contract.locale),
          address: config.MAIL_FROM ?? `no-reply@${new URL(config.PUBLIC_URL).hostname}`,
        },
      });
      const report = await deliverDueMail(database.db, transport, now);
      lines.push(
        report.sent > 0
          ? `The link was also e-mailed to ${email}.`
          : `The mail could not be sent yet (${report.retrying} to retry): the server's mail worker will try again.`,
      );
    } else {
      lines.push("SMTP_URL is not set: the link is shown here only (and kept in the outbox).");
    }
    return { code: 0, out: lines.join("\n") };
  } finally {
    await database.close();
  }
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, locale: { type: "string" } },
  });
  return { email: positionals[0], name: values.name, locale: values.locale };
}
