import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "./client.js";
import { MIGRATIONS_FOLDER, migrationsApplied } from "./migrate.js";
import { migratedTemplate, migratedTemplateDir, templateKey } from "./migrated-template.js";

// A new embedded database opens from one migrated template instead of running initdb and every
// migration itself (a deployment's first start, each database test). What a user would notice if
// it were wrong: a first start missing tables, or a stale schema after an upgrade.
describe("the migrated template", () => {
  it("is made once by processes asking at the same time, and opens as an empty database with every migration", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "guichet-template-"));
    const [first, second] = await Promise.all([migratedTemplate(cacheDir), migratedTemplate(cacheDir)]);
    expect(first).toBeDefined();
    expect(second?.size).toBe(first?.size);
    const key = templateKey(MIGRATIONS_FOLDER);
    // Nothing left half-made (partial files, the lock): the dump and the directory, once each.
    expect(readdirSync(cacheDir).sort()).toEqual([`pglite-${key}`, `pglite-${key}.tar.gz`]);

    const dataDir = join(mkdtempSync(join(tmpdir(), "guichet-from-template-")), "pglite");
    const database = await openDatabase({ kind: "pglite", dataDir, loadDataDir: first as Blob });
    try {
      expect(await migrationsApplied(database)).toBe(true);
      const [row] = rowsOf<{ organisations: number }>(
        await database.db.execute(sql`select count(*)::int as organisations from organisations`),
      );
      expect(row?.organisations).toBe(0);
    } finally {
      await database.close();
    }
    // Persisted where the deployment's data lives, not only in memory.
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
  }, 120_000);

  it("is a data directory a deployment copies and opens as a migrated, empty database", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "guichet-template-"));
    const template = await migratedTemplateDir(cacheDir);
    expect(template).toBe(join(cacheDir, `pglite-${templateKey(MIGRATIONS_FOLDER)}`));
    const dataDir = join(mkdtempSync(join(tmpdir(), "guichet-from-template-")), "pglite");
    cpSync(template as string, dataDir, { recursive: true });
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(await migrationsApplied(database)).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);

  it("has a new key when a migration changes, so an upgrade never opens an old schema", () => {
    const folder = mkdtempSync(join(tmpdir(), "guichet-migrations-"));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const before = templateKey(folder);
    writeFileSync(join(folder, "9999_later.sql"), "create table later (id int);");
    expect(templateKey(folder)).not.toBe(before);
  });

  it("is not made where no cache can be written: the caller then creates the database as before", async () => {
    expect(await migratedTemplate("/dev/null/guichet")).toBeUndefined();
  });
});
