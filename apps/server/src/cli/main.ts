import { readConfig } from "../config.js";
import { type HeldPort, holdPort } from "../runtime/starting-page.js";

/**
 * The `guichet` command's entry. `guichet start` takes its port first, before it loads the rest of
 * the server: on a fresh checkout that loading alone takes seconds, then the first start
 * migrates and seeds, and a port that does not answer meanwhile looks like a dead server.
 */
const args = process.argv.slice(2);
const heldPort = args[0] === "start" ? await holdConfiguredPort(process.env) : undefined;
const { run } = await import("./run.js");
await run(args, process.env, heldPort);

/** Nothing held when the configuration is wrong: the command then reports it as usual. */
async function holdConfiguredPort(env: NodeJS.ProcessEnv): Promise<HeldPort | undefined> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(env);
  } catch {
    return undefined;
  }
  return holdPort(config);
}
