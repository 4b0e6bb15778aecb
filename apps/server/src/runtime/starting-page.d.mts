import type { Server } from "node:http";

/**
 * The port, held until the real server takes it (starting-page.mjs): requests wait for it, or get
 * the "starting" page past a while.
 */
export interface HeldPort {
  /** Stops taking new connections, so the real server can listen; open ones keep waiting. */
  stopListening(): void;
  /** The waiting requests, and any later one on an open connection, go to the real server. */
  handOver(to: Server): Promise<void>;
  /** No real server after all: the waiting requests get the "starting" page, and the port is free. */
  release(): Promise<void>;
}

export function holdPort(
  address: { PORT: number; HOST: string },
  waitForPortalMs?: number,
): Promise<HeldPort>;

export function holdPortEarly(env: NodeJS.ProcessEnv): Promise<void>;

export function takeEarlyHold(): HeldPort | undefined;
