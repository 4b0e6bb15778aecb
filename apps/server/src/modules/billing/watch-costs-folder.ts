import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@guichet/db";
import type { Logger } from "pino";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { systemActor } from "../audit/record-audit.js";
import { type CostImportSummary, importCosts } from "./import-costs.js";
import { refusalReport } from "./refusal-report.js";
import { FocusRefusedError } from "./stage-focus-file.js";

/** Who the audit trail names for an import taken from the watched folder: no person did it. */
export const WATCHED_FOLDER_ACTOR = systemActor("Guichet (costs watched folder)");

export const DONE_FOLDER = "done";
export const REFUSED_FOLDER = "refused";

/** What became of one file at one tick. */
export type WatchedFileOutcome =
  | { file: string; outcome: "imported"; movedTo: string; summary: CostImportSummary }
  | { file: string; outcome: "refused"; movedTo: string; report: string }
  | { file: string; outcome: "failed"; error: unknown };

export interface CostsFolderWatcher {
  /**
   * One look at the folder: files seen at the previous tick with the same size and modification
   * time are imported, one import each; the others are remembered for the next tick. The timer
   * calls it every COSTS_WATCH_POLL_SECONDS; tests call it directly (no sleeping).
   */
  tick(): Promise<WatchedFileOutcome[]>;
}

/**
 * A file still being written is not taken: one whose name says so (`.part`, the convention for a
 * writer that renames when done; hidden files, as rsync and many tools write) is skipped, and any
 * other must show the same size and modification time at two ticks in a row.
 */
function isCandidate(name: string): boolean {
  return !name.startsWith(".") && !name.endsWith(".part");
}

/** `name` in `folder`, or, when a file of that name is already there, the time first (never overwritten). */
function freeName(folder: string, name: string, now: Date): string {
  if (!existsSync(join(folder, name))) return name;
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  for (let n = 0; ; n += 1) {
    const candidate = `${stamp}${n ? `-${n}` : ""}_${name}`;
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}

/**
 * The watched folder of FOCUS files (MCR-BIL-01, issue 17): a file dropped in `dir` goes through
 * the very same use case as an upload or `guichet costs import` (importCosts: all or nothing, the
 * same file twice bills nothing twice), audited under the system actor. Imported, it moves to
 * `done/`; refused, to `refused/` with `<name>.refused.txt` beside it naming the file, the row,
 * the column and how to fix it, in French then English. Any other failure (the database away)
 * leaves the file where it is, for the next tick. A crash between the import's commit and the
 * move leaves the file too: taken again, it changes nothing and moves to `done/`.
 */
export function costsFolderWatcher(
  context: Pick<AppContext, "config" | "contract" | "clock">,
  db: Db,
  dir: string,
): CostsFolderWatcher {
  /** name → "size:mtime" as last seen. */
  let seen = new Map<string, string>();

  const take = async (name: string): Promise<WatchedFileOutcome> => {
    const path = join(dir, name);
    const now = context.clock();
    try {
      const summary = await importCosts(context, db, [{ path, name }], WATCHED_FOLDER_ACTOR, now);
      const folder = join(dir, DONE_FOLDER);
      mkdirSync(folder, { recursive: true });
      const movedTo = join(folder, freeName(folder, name, now));
      renameSync(path, movedTo);
      return { file: name, outcome: "imported", movedTo, summary };
    } catch (error) {
      if (!(error instanceof FocusRefusedError)) return { file: name, outcome: "failed", error };
      const folder = join(dir, REFUSED_FOLDER);
      mkdirSync(folder, { recursive: true });
      const moved = freeName(folder, name, now);
      const report = join(folder, `${moved}.refused.txt`);
      writeFileSync(report, refusalReport(error.refusal, now, timeZoneOf(context.contract)));
      renameSync(path, join(folder, moved));
      return { file: name, outcome: "refused", movedTo: join(folder, moved), report };
    }
  };

  return {
    async tick() {
      if (!existsSync(dir)) return [];
      const now = new Map<string, string>();
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isFile() || !isCandidate(entry.name)) continue;
        try {
          const stat = statSync(join(dir, entry.name));
          now.set(entry.name, `${stat.size}:${stat.mtimeMs}`);
        } catch {
          // Gone between the listing and the look (moved by its writer): not there.
        }
      }
      const stable = [...now].filter(([name, state]) => seen.get(name) === state).map(([name]) => name);
      const outcomes: WatchedFileOutcome[] = [];
      // One file at a time, in name order: imports are serialised anyway, and the order is the writer's.
      for (const name of stable.sort()) {
        const outcome = await take(name);
        outcomes.push(outcome);
        if (outcome.outcome !== "failed") now.delete(name);
      }
      seen = now;
      return outcomes;
    },
  };
}

/**
 * Polls COSTS_WATCH_DIR every COSTS_WATCH_POLL_SECONDS when it is set, in the process that holds
 * the background work (one process per deployment looks at the folder); stopping waits for the
 * tick in progress.
 */
export function startCostsFolderWatcher(
  context: AppContext,
  logger: Logger,
): { stop(): Promise<void> } | undefined {
  const dir = context.config.COSTS_WATCH_DIR;
  if (dir === undefined) return undefined;
  mkdirSync(dir, { recursive: true });
  const watcher = costsFolderWatcher(context, context.database.db, dir);
  const everyMs = context.config.COSTS_WATCH_POLL_SECONDS * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      running = watcher
        .tick()
        .then((outcomes) => {
          for (const o of outcomes) {
            if (o.outcome === "imported")
              logger.info(
                { file: o.file, movedTo: o.movedTo, lines: o.summary.lineCount },
                "cost file imported",
              );
            else if (o.outcome === "refused")
              logger.warn({ file: o.file, movedTo: o.movedTo, report: o.report }, "cost file refused");
            else
              logger.error(
                { file: o.file, err: o.error },
                "cost file not imported; tried again at the next look",
              );
          }
        })
        .catch((error) => logger.error({ err: error, dir }, "costs watched folder unreadable"))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, everyMs);
  };
  schedule();
  logger.info({ dir, everySeconds: context.config.COSTS_WATCH_POLL_SECONDS }, "costs folder watched");
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
