import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "e2e/**/*.e2e.test.ts",
    ],
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    // Database tests open PGlite instances and PostgreSQL databases; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
