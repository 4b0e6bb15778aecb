import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The directory of PostgreSQL's own programs holding `program` (initdb, pg_dump, pg_restore…):
 * the PATH first, then Debian's versioned directories, newest first (a newer pg_dump reads an
 * older server, not the reverse). Undefined when none has it.
 */
export function postgresBinDir(program: string): string | undefined {
  const onPath = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return dirname(onPath);
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, "bin", program)))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}
