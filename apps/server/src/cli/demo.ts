import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.js";
import { DEMO_CONTRACT_IDS } from "../seed/demo-deployments.js";

const BIN = fileURLToPath(new URL("../../bin/guichet.mjs", import.meta.url));

/**
 * Both shipped deployments side by side, each its own server process and embedded database
 * (MultiCloud Ready on PORT, Deux-Sèvres Numérique on PORT+1), as a provider would run them.
 */
export async function startDemo(config: Config, env: NodeJS.ProcessEnv): Promise<void> {
  const children: ChildProcess[] = DEMO_CONTRACT_IDS.map((contractId, index) => {
    const port = config.PORT + index;
    return fork(BIN, ["start"], {
      env: {
        ...env,
        GUICHET_CONTRACT: contractId,
        PORT: String(port),
        PUBLIC_URL: env.PUBLIC_URL ? "" : `http://localhost:${port}`,
        DATABASE_URL: "",
      },
      stdio: "inherit",
    });
  });
  const stop = (signal: NodeJS.Signals) => {
    for (const child of children) child.kill(signal);
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  await Promise.all(
    children.map((child) => new Promise<void>((resolve) => child.once("exit", () => resolve()))),
  );
}
