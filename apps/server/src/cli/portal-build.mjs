// Plain JavaScript: `guichet demo` runs it before any TypeScript loads (bin/guichet.mjs).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The portal's build, skipped when apps/web/dist is current (apps/web/scripts/build.mjs). */
const PORTAL_BUILD_SCRIPT = fileURLToPath(new URL("../../../web/scripts/build.mjs", import.meta.url));

/**
 * The portal's build script in a child process; its output is shown ("inherit") or kept and
 * shown only if it fails ("quiet").
 */
export function runPortalBuild(output) {
  return new Promise((resolve, reject) => {
    const build = spawn(process.execPath, [PORTAL_BUILD_SCRIPT], {
      stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    const kept = [];
    build.stdout?.on("data", (chunk) => kept.push(chunk));
    build.stderr?.on("data", (chunk) => kept.push(chunk));
    build.once("error", reject);
    build.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${Buffer.concat(kept).toString()}\nThe portal's build failed (exit code ${code}).`),
          ),
    );
  });
}
