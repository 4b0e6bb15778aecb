import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const GUICHET_BIN = fileURLToPath(new URL("../../bin/guichet.mjs", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `guichet ARGS` to completion with the given environment (on top of a minimal one). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [GUICHET_BIN, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export type RunningCli = ChildProcess & {
  output: () => string;
  /**
   * Sends `signal` and resolves with the exit code once the process is gone, at once if it already
   * is. Await it before removing the process's data directory: a server still writing into it
   * makes the removal fail (ENOTEMPTY).
   */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** Starts a long-running `guichet` process (or another entry, `program`); the caller stops it. */
export function spawnCli(args: string[], env: Record<string, string>, program = GUICHET_BIN): RunningCli {
  const child = spawn(process.execPath, [program, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return Object.assign(child, { output: () => output, stop });
}

/** Polls a URL until it answers 200, or fails after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms: ${String(lastError)}`);
}
