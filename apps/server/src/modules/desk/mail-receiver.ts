import type { Database } from "@guichet/db";
import type { Logger } from "pino";
import type { AppContext } from "../../app-context.js";
import { type SmtpReceiver, startSmtpReceiver } from "../mail-in/index.js";
import { receiveDeskMail } from "./mail-intake.js";

/** Mail larger than this is refused at SMTP time (552), before anything is stored. */
export const DESK_MAIL_MAX_BYTES = 25 * 1024 * 1024;

/** The address customers write to, and that desk mails ask replies at. */
export function deskAddressOf(context: Pick<AppContext, "config" | "contract">): string {
  return (
    context.config.DESK_MAIL_ADDRESS ??
    context.contract.provider.contacts.supportEmail ??
    `support@${new URL(context.config.PUBLIC_URL).hostname}`
  );
}

/**
 * Every mailbox the desk answers for: its own address, and the addresses the contract publishes
 * for its plans (DSN-SUP-08: the fallback address while e-soutien is down).
 */
export function deskMailboxes(context: Pick<AppContext, "config" | "contract">): Set<string> {
  const addresses = [
    deskAddressOf(context),
    ...Object.values(context.contract.supportPlans).map((p) => p.channels.email.address),
  ];
  return new Set(addresses.filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()));
}

/** Starts the built-in SMTP receiver when DESK_SMTP_PORT is set; each mail goes through receiveDeskMail. */
export async function startDeskMailReceiver(
  context: AppContext,
  database: Database,
  logger: Logger,
): Promise<SmtpReceiver | undefined> {
  const port = context.config.DESK_SMTP_PORT;
  if (port === undefined) return undefined;
  const mailboxes = deskMailboxes(context);
  const receiver = await startSmtpReceiver({
    host: context.config.DESK_SMTP_HOST,
    port,
    maxMessageBytes: DESK_MAIL_MAX_BYTES,
    acceptRecipient: (address) => mailboxes.has(address.toLowerCase()),
    onMessage: async (raw) => {
      const outcome = await receiveDeskMail(context, database, raw, context.clock());
      logger.info({ mail: outcome }, `desk mail ${outcome.outcome}`);
    },
    logger,
  });
  logger.info({ port: receiver.port, mailboxes: [...mailboxes] }, "desk mail receiver listening");
  return receiver;
}
