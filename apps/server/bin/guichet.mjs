#!/usr/bin/env node
// The `guichet` command. Guichet runs its TypeScript sources through tsx, so there is no build step.
// What must answer at once on a first start is plain JavaScript, before tsx loads (issue 13).
import { holdPortEarly } from "../src/runtime/starting-page.mjs";

const command = process.argv[2];
if (command === "demo") {
  // The two servers are forked at once; each holds its port before it loads TypeScript.
  const { startDemo } = await import("../src/cli/demo.mjs");
  process.exitCode = await startDemo(process.env, process.argv[3] === "--build-portal");
} else {
  // The port answers (requests wait for the portal) before the TypeScript loads.
  if (command === "start") await holdPortEarly(process.env);
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
