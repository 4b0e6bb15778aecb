import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "./client.js";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate.js";

/**
 * Where templates are kept between runs: the repository's `node_modules/.cache`, the usual place
 * for a tool's rebuildable cache (removed with node_modules, never committed).
 */
export const TEMPLATE_CACHE_DIR = fileURLToPath(
  new URL("../../../node_modules/.cache/guichet/", import.meta.url),
);

/** How long a process waits for another one making the same template, and when a lock is stale. */
const LOCK_PATIENCE_MS = 180_000;
const POLL_MS = 200;

/**
 * An empty embedded database with every shipped migration applied, kept in two forms: a data
 * directory a new deployment copies (`migratedTemplateDir`) and a PGlite dump an in-memory test
 * database loads (`migratedTemplate`); undefined where no cache can be written.
 *
 * Why: a new PGlite runs PostgreSQL's initdb in WebAssembly (about 4 s of CPU, 7 s with the
 * module's compilation) and then the migrations (1.4 s). Every first start of a deployment and
 * every database test made both, the demo twice at once. Copying a directory is the cheapest
 * start on disk (about a third of loading a dump into it: PGlite writes a dump's files one by one
 * through its WebAssembly file system); in memory the dump is the only way in. The template is
 * made once per set of migrations and PGlite version (its key), by one process: the others wait
 * for it rather than make their own. `guichet prepare` (run by `npm install`) makes it ahead of
 * a first start; `bench/first-start` measures the gain.
 */
export async function migratedTemplate(cacheDir: string = TEMPLATE_CACHE_DIR): Promise<Blob | undefined> {
  const template = await ensureTemplate(cacheDir);
  return template ? readIfPresent(template.dump) : undefined;
}

/** The migrated template as a data directory to copy (see `migratedTemplate`). */
export async function migratedTemplateDir(
  cacheDir: string = TEMPLATE_CACHE_DIR,
): Promise<string | undefined> {
  return (await ensureTemplate(cacheDir))?.dir;
}

interface TemplateFiles {
  dir: string;
  dump: string;
}

async function ensureTemplate(cacheDir: string): Promise<TemplateFiles | undefined> {
  const base = join(cacheDir, `pglite-${templateKey(MIGRATIONS_FOLDER)}`);
  const files = { dir: base, dump: `${base}.tar.gz` };
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    return undefined;
  }
  const deadline = Date.now() + LOCK_PATIENCE_MS;
  while (Date.now() < deadline) {
    if (isMade(files)) return files;
    const lock = takeLock(`${base}.lock`);
    if (lock === "unwritable") return undefined;
    if (lock) {
      try {
        return isMade(files) || (await makeTemplate(files)) ? files : undefined;
      } finally {
        rmSync(`${base}.lock`, { force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return undefined;
}

/** The directory is renamed into place last: once it is there, the dump is too. */
function isMade(files: TemplateFiles): boolean {
  return existsSync(join(files.dir, "PG_VERSION")) && existsSync(files.dump);
}

/** The migrations' names and contents and the PGlite version: a dump is valid for exactly these. */
export function templateKey(migrationsFolder: string): string {
  const hash = createHash("sha256");
  hash.update(pgliteVersion());
  for (const name of readdirSync(migrationsFolder)
    .filter((n) => n.endsWith(".sql"))
    .sort()) {
    hash.update(`\0${name}\0`).update(readFileSync(join(migrationsFolder, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Made aside and renamed into place, so that a reader never sees half a template. */
async function makeTemplate(files: TemplateFiles): Promise<boolean> {
  const partialDir = `${files.dir}.${process.pid}.partial`;
  const partialDump = `${files.dump}.${process.pid}.partial`;
  try {
    rmSync(partialDir, { recursive: true, force: true });
    const database = await openDatabase({ kind: "pglite", dataDir: partialDir });
    try {
      await migrateDatabase(database);
      const dump = await (database.dumpDataDir as () => Promise<Blob>)();
      writeFileSync(partialDump, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
    renameSync(partialDump, files.dump);
    rmSync(files.dir, { recursive: true, force: true });
    renameSync(partialDir, files.dir);
    return true;
  } catch {
    rmSync(partialDump, { force: true });
    rmSync(partialDir, { recursive: true, force: true });
    return false;
  }
}

function readIfPresent(file: string): Blob | undefined {
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** The lock is a file created exclusively; one left by a killed process is taken over once stale. */
function takeLock(lock: string): boolean | "unwritable" {
  try {
    closeSync(openSync(lock, "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return "unwritable";
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_PATIENCE_MS) rmSync(lock, { force: true });
    } catch {
      // Gone meanwhile: the next round tries again.
    }
    return false;
  }
}

/** Read beside its entry point: the package does not export its package.json. */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}
