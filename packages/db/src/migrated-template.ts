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
 * An empty embedded database with every shipped migration applied, as a PGlite dump to open a new
 * database from (`openDatabase`'s `loadDataDir`), or undefined where no cache can be written.
 *
 * Why: a new PGlite runs PostgreSQL's initdb in WebAssembly (about 4 s of CPU, 7 s with the
 * module's compilation) and then the migrations (1.4 s); loading a dump takes about 2 s. Every
 * first start of a deployment and every database test made both, the demo twice at once. The
 * template is made once per set of migrations and PGlite version (its key), by one process:
 * the others wait for it rather than make their own. `bench/first-start` measures the gain.
 */
export async function migratedTemplate(cacheDir: string = TEMPLATE_CACHE_DIR): Promise<Blob | undefined> {
  const file = join(cacheDir, `pglite-${templateKey(MIGRATIONS_FOLDER)}.tar.gz`);
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    return undefined;
  }
  const deadline = Date.now() + LOCK_PATIENCE_MS;
  while (Date.now() < deadline) {
    const made = readIfPresent(file);
    if (made) return made;
    const lock = takeLock(`${file}.lock`);
    if (lock === "unwritable") return undefined;
    if (lock) {
      try {
        return readIfPresent(file) ?? (await makeTemplate(file));
      } finally {
        rmSync(`${file}.lock`, { force: true });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return undefined;
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

async function makeTemplate(file: string): Promise<Blob | undefined> {
  const database = await openDatabase({ kind: "pglite" });
  let dump: Blob;
  try {
    await migrateDatabase(database);
    dump = await (database.dumpDataDir as () => Promise<Blob>)();
  } finally {
    await database.close();
  }
  // Written aside then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
  return dump;
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
