import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database, DatabaseKind } from "@guichet/db";
import { createTestDatabase } from "@guichet/db/testing";
import type { Contract } from "@guichet/domain";
import { afterAll, beforeAll } from "vitest";
import { readConfig } from "../../config.js";
import { loadContract } from "../../contract/load-contract.js";

/**
 * A cost import's test bench, set up before the describe's tests and removed after them: a
 * database of `kind`, a fresh data directory, a folder for the test's own files, the context.
 */
export function costImportFixture(kind: DatabaseKind, postgresUrl: string) {
  const fixture = {
    contract: loadContract("multicloud-ready"),
    database: undefined as unknown as Database,
    dataDir: "",
    files: "",
    context: undefined as unknown as { config: ReturnType<typeof readConfig>; contract: Contract },
    costsDir: () => join(fixture.dataDir, fixture.contract.id, "costs"),
  };
  beforeAll(async () => {
    fixture.database = await createTestDatabase(kind, postgresUrl);
    fixture.dataDir = mkdtempSync(join(tmpdir(), "guichet-costs-"));
    fixture.files = mkdtempSync(join(tmpdir(), "guichet-focus-"));
    fixture.context = {
      config: readConfig({ GUICHET_DATA_DIR: fixture.dataDir }),
      contract: fixture.contract,
    };
  });
  afterAll(async () => {
    await fixture.database?.close();
    rmSync(fixture.dataDir, { recursive: true, force: true });
    rmSync(fixture.files, { recursive: true, force: true });
  });
  return fixture;
}
