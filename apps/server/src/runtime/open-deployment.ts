import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  type Database,
  type DatabaseTarget,
  migrateDatabase,
  migratedTemplate,
  openDatabase,
} from "@guichet/db";
import type { Contract } from "@guichet/domain";
import type { Config } from "../config.js";
import { loadContract } from "../contract/load-contract.js";
import { recordContractVersion } from "../modules/contract/record-contract-version.js";
import { seedDemoData } from "../seed/seed-demo.js";
import { bindDeployment } from "./bind-deployment.js";

export interface OpenDeployment {
  contract: Contract;
  database: Database;
  /** True when this start loaded the demo data. */
  seeded: boolean;
}

/** Where the embedded database of a contract lives: one PGlite per deployment under the data dir. */
export function embeddedDatabaseDir(config: Config, contractId: string): string {
  return join(config.GUICHET_DATA_DIR, contractId, "pglite");
}

/**
 * A new embedded database starts from the migrated template (PostgreSQL's initdb and the
 * migrations done once per machine, not at every first start: `migratedTemplate`).
 */
async function embeddedTarget(dataDir: string): Promise<DatabaseTarget> {
  const template = existsSync(join(dataDir, "PG_VERSION")) ? undefined : await migratedTemplate();
  return { kind: "pglite", dataDir, ...(template ? { loadDataDir: template } : {}) };
}

/**
 * Everything a server process (or a CLI command) needs before serving: the validated contract,
 * the database migrated in process and bound to this deployment, demo data on a first start.
 */
export async function openDeployment(
  config: Config,
  now: () => Date,
  options: { seed: "auto" | "always" | "never" } = { seed: config.GUICHET_DEMO_DATA },
): Promise<OpenDeployment> {
  const contract = loadContract(config.GUICHET_CONTRACT);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: "postgresql", url: config.DATABASE_URL }
      : await embeddedTarget(embeddedDatabaseDir(config, contract.id)),
  );
  try {
    await migrateDatabase(database);
    const isNew = await bindDeployment(database.db, contract.id);
    await recordContractVersion(database.db, contract, config.GUICHET_CONTRACT, now());
    const wantSeed =
      options.seed === "always" || (options.seed === "auto" && isNew && database.kind === "pglite");
    const seeded = wantSeed ? await seedDemoData(database.db, contract, now(), config) : false;
    return { contract, database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
