import { DataDirInUseError } from "@guichet/db";
import { BillingEvalError, ContractError } from "@guichet/domain";
import { ConfigError } from "../config.js";
import { BackupError } from "../modules/operations/backup.js";
import { DeploymentMismatchError } from "../runtime/bind-deployment.js";
import type { HeldPort } from "../runtime/starting-page.mjs";
import { SeedError } from "../seed/seed-demo.js";
import { runCommand } from "./commands.js";

/** Errors that are the operator's to fix: one clear message, no stack trace. */
const EXPECTED = [
  BackupError,
  BillingEvalError,
  ConfigError,
  ContractError,
  DataDirInUseError,
  DeploymentMismatchError,
  SeedError,
];

/** Runs one command; its answer and errors go to stdout, stderr and the exit code. */
export async function run(args: string[], env: NodeJS.ProcessEnv, heldPort?: HeldPort): Promise<void> {
  try {
    const result = await runCommand(args, env, heldPort);
    if (result !== "serving") {
      if (result.out) process.stdout.write(`${result.out}\n`);
      if (result.err) process.stderr.write(`${result.err}\n`);
      process.exitCode = result.code;
    }
  } catch (error) {
    await heldPort?.release();
    if (EXPECTED.some((type) => error instanceof type)) {
      process.stderr.write(`${(error as Error).message}\n`);
    } else if (error instanceof SyntaxError) {
      process.stderr.write(`Invalid JSON: ${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
