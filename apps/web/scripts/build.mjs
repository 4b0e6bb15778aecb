#!/usr/bin/env node
// The portal's build (`npm run build`), skipped when apps/web/dist was built from the very same
// sources. A fresh clone builds once, at `npm install` (`guichet prepare`), and `npm run demo`,
// `npm start` and `npm test` then start at once instead of rebuilding for half a minute each
// (issue 13: the front door must answer soon after the README's command). `--force` rebuilds.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));
const WEB = join(REPOSITORY, "apps/web");
const DIST = join(WEB, "dist");
const KEY_FILE = join(DIST, ".source-key");

/** Everything the bundle is made of: the portal, the domain package it imports, the locked dependencies. */
const SOURCES = [WEB, join(REPOSITORY, "packages/domain/src"), join(REPOSITORY, "package-lock.json")];
const NOT_SOURCES = new Set(["dist", "node_modules", "scripts"]);

export function sourceKey() {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(filesUnder).sort()) {
    hash.update(`\0${relative(REPOSITORY, file)}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!path.endsWith("/") && !readdirSafe(path)) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SOURCES.has(entry.name)) return [];
    const child = join(path, entry.name);
    return entry.isDirectory() ? filesUnder(`${child}/`) : [child];
  });
}

function readdirSafe(path) {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function isCurrent(key) {
  return (
    existsSync(join(DIST, "index.html")) && existsSync(KEY_FILE) && readFileSync(KEY_FILE, "utf8") === key
  );
}

const key = sourceKey();
if (!process.argv.includes("--force") && isCurrent(key)) {
  process.stdout.write("Portail déjà construit à partir de ces sources (apps/web/dist).\n");
} else {
  const build = spawnSync("npm", ["run", "build", "-w", "@guichet/web"], {
    cwd: REPOSITORY,
    stdio: "inherit",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(KEY_FILE, key);
}
