import { takeEarlyHold } from "../runtime/starting-page.mjs";

/**
 * The `guichet` command's entry, once bin/guichet.mjs has loaded tsx (`guichet demo` never comes
 * here: it forks its servers in plain JavaScript). `guichet start` finds its port already held by
 * bin/guichet.mjs: on a fresh checkout loading the server alone takes seconds, then the first start
 * migrates and seeds, and a port that does not answer meanwhile looks like a dead server.
 * `guichet prepare` (run by `npm install`) loads only what it needs as well.
 */
const args = process.argv.slice(2);
if (args[0] === "prepare") {
  const { prepareFirstStart } = await import("./prepare.js");
  process.exitCode = await prepareFirstStart();
} else {
  // Held by bin/guichet.mjs; where it could not be, `serve` holds the port itself.
  const heldPort = args[0] === "start" ? takeEarlyHold() : undefined;
  const { run } = await import("./run.js");
  await run(args, process.env, heldPort);
}
