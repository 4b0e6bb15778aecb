import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import root from "../vitest.config.js";

/**
 * The e2e suite alone: `npx vitest run -c e2e/vitest.config.ts` (the portal built first). The
 * root configuration runs it too once its include lists e2e/**\/*.e2e.test.ts.
 */
export default defineConfig({
  ...root,
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: { ...root.test, include: ["e2e/**/*.e2e.test.ts"] },
});
