#!/usr/bin/env node
// The `guichet` command. Guichet runs its TypeScript sources through tsx, so there is no build step.
import { register } from "tsx/esm/api";
import { holdPortEarly } from "../src/runtime/starting-page.mjs";

// The port answers with a "starting" page before the TypeScript loads (seconds on a first start).
if (process.argv[2] === "start") await holdPortEarly(process.env);
register();
await import("../src/cli/main.ts");
