export { databaseKindsUnderTest } from "./kinds.js";
export { findPostgresBinaries, type PostgresCluster, startPostgresCluster } from "./postgres-cluster.js";
export { createTestDatabase } from "./test-database.js";
