import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DatabaseKind, openDatabase } from "../client.js";
import { migrateDatabase } from "../migrate.js";
import { migratedTemplate } from "../migrated-template.js";

/**
 * A fresh, migrated database of the given kind for one test file: an in-memory PGlite, or a
 * new database created on the test PostgreSQL server and dropped when closed.
 */
export async function createTestDatabase(kind: DatabaseKind, postgresUrl: string): Promise<Database> {
  if (kind === "pglite") {
    // From the migrated template (made once per run); migrating after it is then a no-op.
    const template = await migratedTemplate();
    const database = await openDatabase({ kind: "pglite", ...(template ? { loadDataDir: template } : {}) });
    await migrateDatabase(database);
    return database;
  }
  const name = `guichet_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgresql", url: url.toString(), poolSize: 5 });
  await migrateDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
