import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * GEN-01: the product runs by the contract file it is given, so no code may know a shipped
 * contract by its id (a third provider's deployment would otherwise get another provider's
 * clauses or features). The ids may appear only in seed data (the demo's deployments) and tests.
 */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SHIPPED_IDS = readdirSync(join(ROOT, "contracts"))
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => name.replace(/\.yaml$/, ""));

/** Seed data and tests, where the shipped deployments are named on purpose. */
const ALLOWED = [
  /(^|\/)node_modules\//,
  /(^|\/)dist\//,
  // The server's bundle (guichet prepare): the sources this test reads, seed data included.
  /(^|\/)\.bundle\//,
  /\/seed\//,
  /\/test\//,
  /\/testing\//,
  /\.test\.tsx?$/,
  /\.test-helper\.ts$/,
  /test-fixtures\.ts$/,
];
const SOURCE = /\.(ts|tsx|mjs|js|json|sql|html|css)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const shown = relative(ROOT, path);
    if (ALLOWED.some((pattern) => pattern.test(`${shown}${entry.isDirectory() ? "/" : ""}`))) return [];
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe("no code knows a shipped contract by its id (GEN-01)", () => {
  it("finds the shipped contracts to look for", () => {
    expect(SHIPPED_IDS).toEqual(expect.arrayContaining(["multicloud-ready", "deux-sevres-eservices"]));
  });

  it("finds none of their ids in apps/ or packages/ outside seed data and tests", () => {
    const files = [...sourceFiles(join(ROOT, "apps")), ...sourceFiles(join(ROOT, "packages"))];
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((file) => {
      const lines = readFileSync(file, "utf8").split("\n");
      return lines.flatMap((line, i) => {
        // A comment may point at a shipped file for an interpretation written there.
        const code = line.replace(/contracts\/[a-z0-9-]+\.yaml/g, "");
        return SHIPPED_IDS.some((id) => code.includes(id))
          ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`]
          : [];
      });
    });
    expect(hits).toEqual([]);
  });
});
