import { readConfig } from "../config.js";
import { takeEarlyHold } from "../runtime/starting-page.mjs";

/**
 * The `guichet` command's entry. `guichet start` finds its port already held by bin/guichet.mjs
 * (before any TypeScript loads), and `guichet demo` starts its two servers without loading the
 * server: on a fresh checkout that loading alone takes seconds, then the first start migrates and
 * seeds, and a port that does not answer meanwhile looks like a dead server. `guichet prepare`
 * (run by `npm install`) loads only what it needs as well.
 */
const args = process.argv.slice(2);
if (args[0] === "demo") {
  await demo(args[1] === "--build-portal");
} else if (args[0] === "prepare") {
  const { prepareFirstStart } = await import("./prepare.js");
  process.exitCode = await prepareFirstStart();
} else {
  // Held by bin/guichet.mjs; where it could not be, `serve` holds the port itself.
  const heldPort = args[0] === "start" ? takeEarlyHold() : undefined;
  const { run } = await import("./run.js");
  await run(args, process.env, heldPort);
}

async function demo(buildPortal: boolean): Promise<void> {
  const { startDemo } = await import("./demo.js");
  try {
    await startDemo(readConfig(process.env), process.env, buildPortal);
  } catch (error) {
    // A configuration error, the only one of the demo itself (its servers report their own).
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
