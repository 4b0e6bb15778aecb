// Plain JavaScript on purpose: `guichet demo` forks its two servers before any TypeScript loads
// (loading it through tsx takes seconds on a first start, and the ports are held only once the
// servers run: issue 13, the README's address must answer at once).
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEMO_CONTRACT_IDS } from "../seed/demo-deployments.mjs";
import { runPortalBuild } from "./portal-build.mjs";

const BIN = fileURLToPath(new URL("../../bin/guichet.mjs", import.meta.url));

/** The message a demo server waits for before it serves the portal it was started beside. */
export const PORTAL_BUILT = "portal-built";

/**
 * Both shipped deployments side by side, each its own server process and embedded database
 * (MultiCloud Ready on PORT, Deux-Sèvres Numérique on PORT+1), as a provider would run them.
 * With `buildPortal`, the portal is built while the servers migrate and seed: their ports hold the
 * requests meanwhile, and they serve the portal once the build is done (`guichet prepare` built it
 * at `npm install`, so this is a check unless its sources changed). Resolves with the exit code.
 */
export async function startDemo(env, buildPortal) {
  const firstPort = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(firstPort) || firstPort < 1 || firstPort + DEMO_CONTRACT_IDS.length - 1 > 65535) {
    // The servers' own configuration says the same of a port (apps/server/src/config.ts).
    process.stderr.write(
      `Configuration error: PORT: expected a port between 1 and 65534, got "${env.PORT}"\n`,
    );
    return 1;
  }
  const children = DEMO_CONTRACT_IDS.map((contractId, index) => {
    const port = firstPort + index;
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
  let exitCode = 0;
  const stop = (signal) => {
    for (const child of children) child.kill(signal);
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  if (buildPortal) {
    process.stdout.write("Portail : construction si ses sources ont changé (apps/web/dist)…\n");
    runPortalBuild("quiet").then(
      () => {
        for (const child of children) child.send(PORTAL_BUILT);
      },
      (error) => {
        process.stderr.write(`${error.message}\n`);
        exitCode = 1;
        stop("SIGTERM");
      },
    );
  }
  const codes = await Promise.all(
    children.map((child) => new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 0)))),
  );
  return exitCode || codes.find((code) => code !== 0) || 0;
}

/** In a demo server: resolves when the parent says the portal is built. */
export function portalBuiltByParent() {
  return new Promise((resolve) => {
    const listen = (message) => {
      if (message !== PORTAL_BUILT) return;
      process.off("message", listen);
      // The IPC channel would otherwise keep an idle demo server's event loop busy after a stop.
      process.channel?.unref();
      resolve();
    };
    process.on("message", listen);
  });
}
