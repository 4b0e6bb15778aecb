import { migratedTemplateDir } from "@guichet/db";
import { runPortalBuild } from "./portal-build.mjs";
import { buildServerBundle } from "./server-bundle.mjs";

/**
 * `guichet prepare`, run by `npm install`: what a first start would otherwise do while a newcomer
 * waits at the README's address (issue 13) — the portal's build and the migrated database
 * template — and the server's bundle, which starts faster than its sources through tsx. None is
 * needed to install: a failure is reported and left to the first start, which makes the first two
 * itself (an install without the portal's build tools, a read-only cache) and runs the sources.
 */
export async function prepareFirstStart(): Promise<number> {
  const portal = await runPortalBuild("inherit").then(
    () => true,
    (error: Error) => {
      process.stderr.write(
        `${error.message}\nguichet prepare: the portal will be built at the first start.\n`,
      );
      return false;
    },
  );
  const bundle = await buildServerBundle().then(
    () => true,
    (error: Error) => {
      process.stderr.write(`${error.message}\nguichet prepare: the server will run from its sources.\n`);
      return false;
    },
  );
  const template = await migratedTemplateDir();
  if (!template) {
    process.stderr.write(
      "guichet prepare: no database template could be cached; a first start makes its own.\n",
    );
  }
  process.stdout.write(
    `guichet prepare: portal ${portal ? "built" : "not built"}, server ${bundle ? "bundled" : "not bundled"}, database template ${template ? "ready" : "not made"}.\n`,
  );
  return 0;
}
