// Plain JavaScript: bin/guichet.mjs asks it, before any TypeScript loads, whether it may start
// from the bundle instead of loading the sources through tsx.
import { mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SERVER = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = join(SERVER, "../..");
/** The server's command line as one ES module (`guichet prepare` writes it; not versioned). */
export const SERVER_BUNDLE = join(SERVER, ".bundle", "main.mjs");
/** What the bundle is made of: a newer file anywhere here and the sources run through tsx again. */
const SOURCES = [join(SERVER, "src"), ...workspacePackages().map((p) => join(p, "src"))];

function workspacePackages() {
  const packages = join(ROOT, "packages");
  return readdirSync(packages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(packages, entry.name));
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * The bundle's path if it is newer than every source file, else undefined: the sources then run
 * through tsx, as they always can (an edited source never runs stale). A few milliseconds.
 */
export function freshServerBundle() {
  let built;
  try {
    built = statSync(SERVER_BUNDLE).mtimeMs;
  } catch {
    return undefined;
  }
  return SOURCES.every((dir) => newestSource(dir) < built) ? SERVER_BUNDLE : undefined;
}

/**
 * Each source keeps its own place: `import.meta.url` (and dirname, filename) become the source
 * file's, so the paths the sources resolve from themselves (migrations, contracts, the portal's
 * build, fonts) are the same from the bundle. The bundle is made where it runs, by `npm install`.
 */
const keepSourcePlaces = {
  name: "keep-source-places",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      if (args.path.includes("/node_modules/")) return undefined;
      const source = await readFile(args.path, "utf8");
      // Patterns, not strings: this file is bundled too, and its own code must not match.
      const contents = source
        .replaceAll(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)))
        .replaceAll(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

/**
 * Dependencies stay in node_modules, loaded as they are; only the workspace's sources are bundled.
 * So does the module bin/guichet.mjs loads before the server, which holds the port meanwhile: the
 * server must find that very module (its held port), not a copy of its own.
 */
const outside = {
  name: "outside",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@guichet/") ? undefined : { path: args.path, external: true },
    );
    build.onResolve({ filter: /\/starting-page\.mjs$/ }, (args) => ({
      path: pathToFileURL(join(args.resolveDir, args.path)).href,
      external: true,
    }));
  },
};

/**
 * Bundles the server's command line with esbuild (tsx's own compiler): loading one module instead
 * of compiling ~460 sources at each start took a first start from 7.2 s to 5.5 s (issue 13, the
 * front door). Written beside, then renamed: a start never reads half a bundle.
 */
export async function buildServerBundle() {
  const { build } = await import("esbuild");
  mkdirSync(dirname(SERVER_BUNDLE), { recursive: true });
  const partial = `${SERVER_BUNDLE}.${process.pid}.partial`;
  await build({
    entryPoints: [join(SERVER, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: partial,
    plugins: [keepSourcePlaces, outside],
    logLevel: "error",
  });
  renameSync(partial, SERVER_BUNDLE);
}
