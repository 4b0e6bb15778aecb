import type { Database } from "@guichet/db";
import type { Logger } from "pino";
import type { AppContext } from "../../app-context.js";
import { hostnameOf } from "../mail/enqueue-mail.js";
import { type ImapPoller, type SmtpReceiver, startImapPoller, startSmtpReceiver } from "../mail-in/index.js";
import { receiveDeskMail } from "./mail-intake.js";

/** Mail larger than this is refused at SMTP time (552), or left in the IMAP folder for a person, unread by the desk. */
export const DESK_MAIL_MAX_BYTES = 25 * 1024 * 1024;

/** The address customers write to, and that desk mails ask replies at. */
export function deskAddressOf(context: Pick<AppContext, "config" | "contract">): string {
  return (
    context.config.DESK_MAIL_ADDRESS ??
    context.contract.provider.contacts.supportEmail ??
    `support@${hostnameOf(context.config.PUBLIC_URL)}`
  );
}

/**
 * The desk's address as customers may be told it: the configured DESK_MAIL_ADDRESS, else the
 * contract's support address, else none. Never the made-up `support@<host>` fallback, which
 * only serves as the Reply-To of the desk's own mails (issue 13).
 */
export function publishedDeskAddressOf(context: Pick<AppContext, "config" | "contract">): string | null {
  return context.config.DESK_MAIL_ADDRESS ?? context.contract.provider.contacts.supportEmail ?? null;
}

/**
 * Every mailbox the desk answers for: its own address, and the addresses the contract publishes
 * for its plans (DSN-SUP-08: the fallback address while e-soutien is down).
 */
export function deskMailboxes(context: Pick<AppContext, "config" | "contract">): Set<string> {
  const addresses = [
    deskAddressOf(context),
    ...Object.values(context.contract.supportPlans).map((p) => p.channels.email?.address),
  ];
  return new Set(addresses.filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase()));
}

/**
 * One raw mail into the desk, whichever way it came: receiveDeskMail, and what became of it logged.
 * Resolving means it is stored (or answered, or dropped for good); throwing means "try again later".
 */
function takeDeskMail(
  context: AppContext,
  database: Database,
  logger: Logger,
): (raw: Buffer) => Promise<void> {
  return async (raw) => {
    const outcome = await receiveDeskMail(context, database, raw, context.clock());
    logger.info({ mail: outcome }, `desk mail ${outcome.outcome}`);
  };
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
    onMessage: takeDeskMail(context, database, logger),
    logger,
  });
  logger.info({ port: receiver.port, mailboxes: [...mailboxes] }, "desk mail receiver listening");
  return receiver;
}

/**
 * Starts polling the desk's mailbox when DESK_IMAP_URL is set; each unseen mail goes through
 * receiveDeskMail, and is flagged \Seen only once that resolved.
 *
 * Between the two a crash hands the same mail over again at the next poll (as a sender retrying
 * after a lost "250" does over SMTP): receiveDeskMail recognises it by its Message-ID, on the
 * ticket it opened or joined or on the refusal that answered it, and takes it once.
 */
export function startDeskMailboxPoller(
  context: AppContext,
  database: Database,
  logger: Logger,
): ImapPoller | undefined {
  const account = context.config.DESK_IMAP_URL;
  if (account === undefined) return undefined;
  const poller = startImapPoller({
    ...account,
    folder: context.config.DESK_IMAP_FOLDER,
    processedFolder: context.config.DESK_IMAP_PROCESSED_FOLDER,
    pollSeconds: context.config.DESK_IMAP_POLL_SECONDS,
    maxMessageBytes: DESK_MAIL_MAX_BYTES,
    onMessage: takeDeskMail(context, database, logger),
    logger,
  });
  logger.info(
    {
      host: account.host,
      port: account.port,
      user: account.user,
      folder: context.config.DESK_IMAP_FOLDER,
      everySeconds: context.config.DESK_IMAP_POLL_SECONDS,
    },
    "desk mailbox polled by IMAP",
  );
  return poller;
}
