import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.js";
import { DEMO_CONTRACT_IDS } from "../seed/demo-deployments.js";
import { runPortalBuild } from "./portal-build.js";

const BIN = fileURLToPath(new URL("../../bin/guichet.mjs", import.meta.url));

/** The message a demo server waits for before it serves the portal it was started beside. */
export const PORTAL_BUILT = "portal-built";

/**
 * Both shipped deployments side by side, each its own server process and embedded database
 * (MultiCloud Ready on PORT, Deux-Sèvres Numérique on PORT+1), as a provider would run them.
 * With `buildPortal`, the portal is built while the servers migrate and seed (a first start
 * does both, and each takes tens of seconds): their ports answer with a "starting" page
 * meanwhile, and they serve the portal once the build is done.
 */
export async function startDemo(config: Config, env: NodeJS.ProcessEnv, buildPortal: boolean): Promise<void> {
  const children: ChildProcess[] = DEMO_CONTRACT_IDS.map((contractId, index) => {
    const port = config.PORT + index;
    return fork(BIN, buildPortal ? ["start", "--after-portal-build"] : ["start"], {
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
  if (buildPortal) {
    void buildThePortal().then(
      () => {
        for (const child of children) child.send(PORTAL_BUILT);
      },
      (error: Error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        stop("SIGTERM");
      },
    );
  }
  await Promise.all(
    children.map((child) => new Promise<void>((resolve) => child.once("exit", () => resolve()))),
  );
}

/** The portal built unless it is current (`guichet prepare` built it at `npm install`). */
function buildThePortal(): Promise<void> {
  process.stdout.write("Portail : construction si ses sources ont changé (apps/web/dist)…\n");
  return runPortalBuild("quiet");
}

/** In a demo server: resolves when the parent says the portal is built. */
export function portalBuiltByParent(): Promise<void> {
  return new Promise((resolve) => {
    const listen = (message: unknown) => {
      if (message !== PORTAL_BUILT) return;
      process.off("message", listen);
      // The IPC channel would otherwise keep an idle demo server's event loop busy after a stop.
      process.channel?.unref();
      resolve();
    };
    process.on("message", listen);
  });
}
