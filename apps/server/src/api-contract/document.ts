import { openDatabase } from "@guichet/db";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { loadContract } from "../contract/load-contract.js";
import { DEFAULT_CONTRACT_ID } from "../seed/demo-deployments.mjs";

/**
 * The OpenAPI document as /api/openapi.json serves it: the app is built and never listens. Nothing
 * is queried while routes are declared, so the database is a pool that never connects (no PGlite
 * to start, no server needed): a query would fail loudly.
 */
export async function apiDocument(
  contractId: string = DEFAULT_CONTRACT_ID,
): Promise<Record<string, unknown>> {
  const contract = loadContract(contractId);
  const database = await openDatabase({
    kind: "postgresql",
    url: "postgres://127.0.0.1:1/none",
    poolSize: 1,
  });
  const config = readConfig({ GUICHET_CONTRACT: contractId });
  const app = await buildApp({ config, contract, database, clock: () => new Date() });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
