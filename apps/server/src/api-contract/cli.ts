import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { apiDocument } from "./document.js";
import { portalApiFiles } from "./generate.js";

// `npm run api:generate`: the portal's API types (apps/web/src/api/schema.d.ts, enums.ts) from the
// server's OpenAPI document. `-- --check` writes nothing and exits 1 when they differ (drift).

const root = resolve(import.meta.dirname, "../../../..");
const check = process.argv.includes("--check");
const files = await portalApiFiles(await apiDocument());
let stale = 0;
for (const [path, text] of Object.entries(files)) {
  const full = resolve(root, path);
  let current: string | undefined;
  try {
    current = readFileSync(full, "utf8");
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  if (check) {
    stale++;
    console.error(`${path}: differs from the server's OpenAPI document; run npm run api:generate`);
  } else {
    writeFileSync(full, text);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
