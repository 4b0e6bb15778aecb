import type { Db } from "@guichet/db";
import { type DeliveryReport, deliverDueMail } from "./deliver-outbox.js";
import type { MailTransport } from "./smtp-transport.js";

/** What the worker needs to log; a pino logger fits. */
export interface WorkerLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface MailDeliveryDeps {
  db: Db;
  transport: MailTransport;
  /** Messages claimed per run; a full batch is followed by another run at once. */
  batch: number;
}

/** The declared background job: its id and what one run does at a given instant. */
export const mailDeliveryJob = {
  id: "mail.deliver-outbox",
  handler: (deps: MailDeliveryDeps, now: Date): Promise<DeliveryReport> =>
    deliverDueMail(deps.db, deps.transport, now, { batch: deps.batch }),
} as const;

export interface MailWorkerOptions {
  db: Db;
  /** Undefined without SMTP_URL: mail then stays in the outbox, where the back office shows it. */
  transport: MailTransport | undefined;
  /** The clock read at the edge, once per run; the delivery itself takes `now` as an argument. */
  clock: () => Date;
  logger: WorkerLogger;
  /** Pause between runs when nothing more is due. */
  intervalMs?: number;
  batch?: number;
}

export interface MailWorker {
  /** Stops scheduling runs and resolves once the run in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Runs the mail delivery job until stopped. Runs never overlap: the next one is scheduled when
 * the previous one ends (a timeout, not an interval), at once if the batch was full.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { transport, logger } = options;
  if (!transport) {
    logger.info({ job: mailDeliveryJob.id }, "SMTP_URL is not set: mail stays in the outbox");
    return { stop: async () => {} };
  }
  const deps: MailDeliveryDeps = { db: options.db, transport, batch: options.batch ?? 10 };
  const intervalMs = options.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async (): Promise<void> => {
    let again = false;
    try {
      const report = await mailDeliveryJob.handler(deps, options.clock());
      if (report.claimed > 0) logger.info({ job: mailDeliveryJob.id, ...report }, "outbox delivery");
      again = report.claimed === deps.batch;
    } catch (error) {
      logger.error({ job: mailDeliveryJob.id, err: error }, "outbox delivery failed; retrying later");
    }
    schedule(again ? 0 : intervalMs);
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = runOnce().finally(() => {
        running = undefined;
      });
    }, delayMs);
    // The HTTP server keeps the process alive; this timer alone must not.
    timer.unref();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
