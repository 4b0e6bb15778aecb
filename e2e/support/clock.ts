import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

const PRELOAD = new URL("./clock-preload.mjs", import.meta.url).href;
/** Longer than the preload's re-reading interval (20 ms). */
const TAKEN_AFTER_MS = 60;

/**
 * The wall clock of a spawned server and of the browsers that visit it, for scenarios that need
 * a given date (a public holiday, a weekend) or to let days pass (MCR-SUP-10's auto-close). Time
 * flows from where it is set, at real speed; only the date is moved. The server reads it through
 * clock-preload.mjs (`env`), the browsers through Playwright's clock (`follow`).
 */
export interface ServerClock {
  /** The environment that makes a spawned server read this clock. */
  readonly env: Record<string, string>;
  /** The time the server reads now. */
  now(): Date;
  /** Moves the server's and the followed browsers' time to `at`; it flows on from there. */
  set(at: Date): Promise<void>;
  /** Makes a browser context read this clock (before its first page). */
  follow(context: BrowserContext): Promise<void>;
  dispose(): void;
}

export function controllableClock(startsAt: Date): ServerClock {
  const dir = mkdtempSync(join(tmpdir(), "guichet-e2e-clock-"));
  const file = join(dir, "offset-ms");
  const contexts: BrowserContext[] = [];
  let offset = 0;
  const write = (at: Date) => {
    offset = at.getTime() - Date.now();
    // Written aside then renamed, so the server never reads half a number.
    writeFileSync(`${file}.next`, String(offset));
    renameSync(`${file}.next`, file);
  };
  write(startsAt);
  const now = () => new Date(Date.now() + offset);
  return {
    env: { NODE_OPTIONS: `--import=${PRELOAD}`, GUICHET_E2E_CLOCK_FILE: file },
    now,
    async set(at) {
      write(at);
      await new Promise((resolve) => setTimeout(resolve, TAKEN_AFTER_MS));
      for (const context of contexts) await context.clock.setSystemTime(now());
    },
    async follow(context) {
      await context.clock.install({ time: now() });
      contexts.push(context);
      context.once("close", () => contexts.splice(contexts.indexOf(context), 1));
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
