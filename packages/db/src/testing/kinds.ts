import type { DatabaseKind } from "../client.js";

/**
 * The database kinds a database test runs on: always PGlite, and PostgreSQL whenever a server
 * is available (always under CI, where the global setup fails without one).
 */
export function databaseKindsUnderTest(postgresUrl: string): DatabaseKind[] {
  return postgresUrl ? ["pglite", "postgresql"] : ["pglite"];
}
