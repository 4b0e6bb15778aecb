import type { TestProject } from "vitest/node";
import { findPostgresBinaries, type PostgresCluster, startPostgresCluster } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server URL for database tests, or "" when none is available (outside CI only). */
    postgresUrl: string;
  }
}

let cluster: PostgresCluster | undefined;

/**
 * Gives every test file a real PostgreSQL server: TEST_DATABASE_URL or DATABASE_URL when set,
 * otherwise a throwaway cluster started here. Under CI a missing PostgreSQL is a failure.
 */
export async function setup(project: TestProject): Promise<void> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    return;
  }
  const binDir = findPostgresBinaries();
  if (!binDir) {
    const message =
      "PostgreSQL not found (no initdb on PATH or under /usr/lib/postgresql): install Debian's `postgresql` package or set TEST_DATABASE_URL";
    if (process.env.CI === "true") throw new Error(message);
    console.warn(`\n!!!!!!!!!! ${message}. PostgreSQL database tests are SKIPPED. !!!!!!!!!!\n`);
    project.provide("postgresUrl", "");
    return;
  }
  cluster = await startPostgresCluster(binDir);
  project.provide("postgresUrl", cluster.url);
}

export function teardown(): void {
  cluster?.stop();
}
