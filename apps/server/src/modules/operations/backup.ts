import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { type Database, openDatabase, postgresBinDir, rowsOf } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import { sql } from "drizzle-orm";
import type { CommandResult } from "../../cli/commands.js";
import type { Config } from "../../config.js";
import { loadContract } from "../../contract/load-contract.js";
import { checkDeployment } from "../../runtime/bind-deployment.js";
import { embeddedDatabaseDir, openDeployment } from "../../runtime/open-deployment.js";
import { costsRoot } from "../billing/cost-paths.js";
import { attachmentsDirOf } from "../desk/attachments.js";

const run = promisify(execFile);
const FORMAT = "guichet-backup/1";
const MANIFEST = "manifest.json";
/** The deployment's files beside its database, by their name in the backup. */
const FILE_AREAS = { attachments: attachmentsDirOf, costs: costsRoot } as const;

interface Manifest {
  format: typeof FORMAT;
  contract: string;
  database: "pglite" | "postgresql";
  createdAt: string;
  /** sha256 of every member but the manifest, by its path in the backup. */
  members: Record<string, string>;
}

/** Refusals the operator fixes: one line, no stack. */
export class BackupError extends Error {}

/** PostgreSQL's own tool, from the directory the test clusters' initdb comes from too. */
function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const dir = postgresBinDir(name);
  return dir ? join(dir, name) : name;
}

const sha256Of = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

async function filesUnder(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes a backup of the deployment `database` serves to `target` (issue 19): its database —
 * PostgreSQL by its own `pg_dump` (custom format, one consistent snapshot: safe under load),
 * PGlite by its data directory dump, taken by the process that has it open — and its files
 * (attachments, imported cost data), in one tar with a manifest of sha256 checksums.
 */
export async function writeBackup(
  config: Config,
  contract: Contract,
  database: Database,
  target: string,
): Promise<{ members: number; bytes: number; sha256: string }> {
  const staging = await mkdtemp(join(tmpdir(), "guichet-backup-"));
  try {
    // Read only: a backup neither migrates nor binds the database it copies.
    await checkDeployment(database.db, contract.id);
    if (database.kind === "postgresql") {
      if (!config.DATABASE_URL) throw new BackupError("DATABASE_URL is needed to back up PostgreSQL.");
      await run(postgresTool("pg_dump"), [
        "--format=custom",
        `--file=${join(staging, "database.pgdump")}`,
        config.DATABASE_URL,
      ]);
    } else {
      const dump = await database.dumpDataDir?.();
      if (!dump) throw new BackupError("This database cannot be dumped.");
      await writeFile(join(staging, "database.pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()));
    }
    for (const [area, dirOf] of Object.entries(FILE_AREAS)) {
      const source = dirOf({ config, contract });
      if (existsSync(source)) await cp(source, join(staging, "files", area), { recursive: true });
    }
    const members: Record<string, string> = {};
    for (const path of await filesUnder(staging)) members[relative(staging, path)] = await sha256Of(path);
    const manifest: Manifest = {
      format: FORMAT,
      contract: contract.id,
      database: database.kind,
      createdAt: new Date().toISOString(),
      members,
    };
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2));
    await mkdir(dirname(target), { recursive: true });
    await run("tar", ["-cf", target, "-C", staging, "."]);
    return {
      members: Object.keys(members).length,
      bytes: (await stat(target)).size,
      sha256: await sha256Of(target),
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `guichet backup FILE`. On PGlite the server must be stopped (PGlite is one process: the claim
 * on its directory says so); a provider administrator downloads a backup from the running server
 * instead (`GET /api/operations/backup`).
 */
export async function backupDeployment(config: Config, file: string): Promise<CommandResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${target} exists: give the backup a new file name.`);
  const contract = loadContract(config.GUICHET_CONTRACT);
  let database: Database;
  if (config.DATABASE_URL) {
    database = await openDatabase({ kind: "postgresql", url: config.DATABASE_URL, poolSize: 1 });
  } else {
    const dataDir = embeddedDatabaseDir(config, contract.id);
    if (!existsSync(dataDir)) throw new BackupError(`${dataDir}: no embedded database to back up.`);
    database = await openDatabase({ kind: "pglite", dataDir });
  }
  try {
    const written = await writeBackup(config, contract, database, target);
    return {
      code: 0,
      out: `Backup of ${contract.id} (${database.kind}, ${written.members} members) written to ${target}: ${written.bytes} bytes, sha256 ${written.sha256}.`,
    };
  } finally {
    await database.close();
  }
}

/**
 * `guichet restore FILE`: into an empty place only (an empty PostgreSQL database, or a data
 * directory without this deployment's database), after checking every member's checksum and the
 * contract; then migrations bring it to this release. Nothing is written when a check fails.
 */
export async function restoreDeployment(config: Config, file: string): Promise<CommandResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`${source}: no such file.`);
  const contract = loadContract(config.GUICHET_CONTRACT);
  const staging = await mkdtemp(join(tmpdir(), "guichet-restore-"));
  try {
    await run("tar", ["-xf", source, "-C", staging]).catch(() => {
      throw new BackupError(`${source} is not a Guichet backup (not a tar file).`);
    });
    const manifest = JSON.parse(
      await readFile(join(staging, MANIFEST), "utf8").catch(() => "{}"),
    ) as Manifest;
    if (manifest.format !== FORMAT)
      throw new BackupError(`${source} is not a Guichet backup (no ${FORMAT} manifest).`);
    if (manifest.contract !== contract.id) {
      throw new BackupError(
        `${source} is a backup of ${manifest.contract}, not of ${contract.id}: set GUICHET_CONTRACT=${manifest.contract}.`,
      );
    }
    const present = new Set((await filesUnder(staging)).map((path) => relative(staging, path)));
    present.delete(MANIFEST);
    for (const [member, sum] of Object.entries(manifest.members)) {
      if (!present.delete(member))
        throw new BackupError(`${source}: ${member} is missing; the backup is incomplete.`);
      if ((await sha256Of(join(staging, member))) !== sum) {
        throw new BackupError(`${source}: ${member} does not match its checksum; the backup is damaged.`);
      }
    }
    if (present.size > 0) throw new BackupError(`${source}: ${[...present][0]} is not in the manifest.`);

    const wanted = config.DATABASE_URL ? "postgresql" : "pglite";
    if (manifest.database !== wanted) {
      throw new BackupError(
        `${source} holds a ${manifest.database} database; restore it with ${manifest.database === "postgresql" ? "DATABASE_URL set" : "DATABASE_URL unset (embedded)"}.`,
      );
    }
    if (config.DATABASE_URL) await restorePostgres(config.DATABASE_URL, join(staging, "database.pgdump"));
    else
      await restorePglite(embeddedDatabaseDir(config, contract.id), join(staging, "database.pglite.tar.gz"));
    for (const [area, dirOf] of Object.entries(FILE_AREAS)) {
      const from = join(staging, "files", area);
      if (existsSync(from)) await cp(from, dirOf({ config, contract }), { recursive: true });
    }
    const { database } = await openDeployment(config, () => new Date(), { seed: "never" });
    await database.close();
    return { code: 0, out: `Restored ${contract.id} from ${source} (made ${manifest.createdAt}).` };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function restorePostgres(url: string, dump: string): Promise<void> {
  const database = await openDatabase({ kind: "postgresql", url, poolSize: 1 });
  try {
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public'`),
    );
    if ((row?.n ?? 0) > 0)
      throw new BackupError("The database in DATABASE_URL is not empty: restore into a new database.");
    // The roles the row-level security policies name are the cluster's, not the dump's (migration 0003).
    await database.db.execute(
      sql.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'guichet_app') THEN CREATE ROLE guichet_app NOLOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'guichet_staff') THEN CREATE ROLE guichet_staff NOLOGIN; END IF;
    END $$`),
    );
  } finally {
    await database.close();
  }
  await run(postgresTool("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${url}`, dump]);
}

async function restorePglite(dataDir: string, dump: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} already holds a database: restore into another GUICHET_DATA_DIR.`);
  }
  const database = await openDatabase({
    kind: "pglite",
    dataDir,
    loadDataDir: new Blob([await readFile(dump)]),
  });
  await database.close();
}
