import type { Database, DatabaseKind } from "@guichet/db";
import { createTestDatabase } from "@guichet/db/testing";
import type { FastifyInstance } from "fastify";
import { type BuildAppOptions, buildApp } from "../../src/app.js";
import type { AppContext } from "../../src/app-context.js";
import { readConfig } from "../../src/config.js";
import { loadContract } from "../../src/contract/load-contract.js";
import { recordContractVersion } from "../../src/modules/contract/record-contract-version.js";
import { bindDeployment } from "../../src/runtime/bind-deployment.js";

export interface TestApp {
  app: FastifyInstance;
  /** What the app was built with, for calling use cases and sweeps directly. */
  context: AppContext;
  database: Database;
  close(): Promise<void>;
}

/** A server for HTTP tests (fastify.inject, no port) on a fresh database of the given kind. */
export async function createTestApp(
  kind: DatabaseKind,
  postgresUrl: string,
  contractId = "multicloud-ready",
  options: BuildAppOptions & { clock?: () => Date; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const contract = loadContract(contractId);
  const database = await createTestDatabase(kind, postgresUrl);
  await bindDeployment(database.db, contract.id);
  await recordContractVersion(database.db, contract, contractId, (options.clock ?? (() => new Date()))());
  const config = readConfig({ GUICHET_CONTRACT: contractId, ...options.env });
  const context: AppContext = { config, contract, database, clock: options.clock ?? (() => new Date()) };
  const app = await buildApp(context, options);
  await app.ready();
  return {
    app,
    context,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
