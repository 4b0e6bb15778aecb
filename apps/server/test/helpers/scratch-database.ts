import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A new, empty database on the test cluster for tests that start `guichet` processes on it
 * (they need a URL, not the in-process database of createTestDatabase); returns its URL.
 */
export async function createScratchDatabase(postgresUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
