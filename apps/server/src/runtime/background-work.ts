import type { Database } from "@guichet/db";
import type { Logger } from "pino";
import type { AppContext } from "../app-context.js";
import { type SweepRunner, startSweeps } from "../jobs/run-sweeps.js";
import { BACKGROUND_WORK_LEASE, keepLease, PROCESS_HOLDER_ID } from "../jobs/work-lease.js";
import { startCostsFolderWatcher } from "../modules/billing/watch-costs-folder.js";
import { startDeskMailboxPoller } from "../modules/desk/mail-receiver.js";

export interface BackgroundWork {
  /** This process's name in the lease table. */
  readonly holder: string;
  /** Whether this process runs the once-only work now. */
  running(): boolean;
  stop(): Promise<void>;
}

/**
 * The work that must happen once per deployment however many processes serve it — the sweeps,
 * the polling of the desk's mailbox and of the costs' watched folder — runs in the process holding the background-work lease
 * (issue 19). The others wait, ready to take it within WORK_LEASE_SECONDS of the holder's death.
 * Per-process work stays per process: the outbox delivery claims its messages row by row (SKIP
 * LOCKED), and the SMTP receiver takes what the MTA hands that process.
 */
export function startBackgroundWork(context: AppContext, database: Database, logger: Logger): BackgroundWork {
  const holder = PROCESS_HOLDER_ID;
  let sweeps: SweepRunner | undefined;
  let mailbox: ReturnType<typeof startDeskMailboxPoller>;
  let costsFolder: ReturnType<typeof startCostsFolderWatcher>;
  let transition: Promise<void> = Promise.resolve();

  const begin = () => {
    logger.info({ holder }, "this process runs the background work (sweeps, desk mailbox, costs folder)");
    sweeps = startSweeps(context, logger);
    mailbox = startDeskMailboxPoller(context, database, logger);
    costsFolder = startCostsFolderWatcher(context, logger);
  };
  const end = async () => {
    logger.info({ holder }, "this process no longer runs the background work");
    const [running, polling, watching] = [sweeps, mailbox, costsFolder];
    sweeps = undefined;
    mailbox = undefined;
    costsFolder = undefined;
    await Promise.all([running?.stop(), polling?.stop(), watching?.stop()]);
  };

  const lease = keepLease({
    db: database.db,
    name: BACKGROUND_WORK_LEASE,
    holder,
    ttlMs: context.config.WORK_LEASE_SECONDS * 1000,
    onChange: (held) => {
      transition = transition.then(held ? begin : end);
    },
    onError: (error) => logger.warn({ err: error, holder }, "background-work lease not renewed"),
  });

  return {
    holder,
    running: () => lease.held(),
    async stop() {
      await lease.stop();
      await transition;
    },
  };
}
