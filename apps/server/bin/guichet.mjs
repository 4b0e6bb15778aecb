#!/usr/bin/env node
// The `guichet` command. Guichet runs its TypeScript sources through tsx, so there is no build
// step; `npm install` bundles them as well (guichet prepare), and a start loads that bundle while
// it is newer than every source. What must answer at once on a first start is plain JavaScript,
// before either loads (issue 13).
import { pathToFileURL } from "node:url";
import { freshServerBundle } from "../src/cli/server-bundle.mjs";
import { holdPortEarly } from "../src/runtime/starting-page.mjs";

const command = process.argv[2];
if (command === "demo") {
  // The two servers are forked at once; each holds its port before it loads the server.
  const { startDemo } = await import("../src/cli/demo.mjs");
  process.exitCode = await startDemo(process.env, process.argv[3] === "--build-portal");
} else {
  // The port answers (requests wait for the portal) before the server loads.
  if (command === "start") await holdPortEarly(process.env);
  const bundle = command === "prepare" ? undefined : freshServerBundle();
  if (bundle) {
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import("../src/cli/main.ts");
  }
}
