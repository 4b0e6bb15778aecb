import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  type Database,
  type DatabaseTarget,
  migrateDatabase,
  migratedTemplateDir,
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
 * A new embedded database starts as a copy of the migrated template (PostgreSQL's initdb and the
 * migrations done once per machine, not at every first start: `migratedTemplateDir`). The copy is
 * made aside and renamed into place: a start killed mid-copy leaves no half database behind.
 */
async function embeddedTarget(dataDir: string): Promise<DatabaseTarget> {
  if (!existsSync(join(dataDir, "PG_VERSION")) && isEmptyOrAbsent(dataDir)) {
    const template = await migratedTemplateDir();
    if (template) {
      const partial = `${dataDir}.${process.pid}.partial`;
      mkdirSync(dirname(dataDir), { recursive: true });
      rmSync(partial, { recursive: true, force: true });
      cpSync(template, partial, { recursive: true });
      rmSync(dataDir, { recursive: true, force: true });
      renameSync(partial, dataDir);
    }
  }
  return { kind: "pglite", dataDir };
}

function isEmptyOrAbsent(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
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
