import type { AppContext } from "../app-context.js";
import { sweepRuns } from "../modules/health/instruments.js";
import type { WorkerLogger } from "../modules/mail/mail-worker.js";
import { SWEEPS, type Sweep } from "./sweeps.js";

export interface SweepRunner {
  stop(): Promise<void>;
}

/**
 * Runs each sweep at start and then every `everyMs`, never two runs of one sweep at once.
 * Stopping waits for runs in progress.
 */
export function startSweeps(
  context: AppContext,
  logger: WorkerLogger,
  sweeps: readonly Sweep[] = SWEEPS,
): SweepRunner {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (sweep: Sweep, delay: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = (async () => {
        const timer = sweepRuns.startTimer({ sweep: sweep.id });
        try {
          const report = await sweep.run(context, context.clock());
          timer({ outcome: "done" });
          logger.info({ sweep: sweep.id, ...report }, "sweep done");
        } catch (error) {
          timer({ outcome: "failed" });
          logger.error({ sweep: sweep.id, err: error }, "sweep failed; retried at its next run");
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        if (!stopped) schedule(sweep, sweep.everyMs);
      });
    }, delay);
    timers.add(timer);
  };
  for (const sweep of sweeps) schedule(sweep, 0);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
