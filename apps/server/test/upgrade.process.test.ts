import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../src/seed/demo-data.js";
import { freePort } from "./helpers/free-port.js";
import { REPO_ROOT, runCli, spawnCli, waitForOk } from "./helpers/run-cli.js";
import { createScratchDatabase } from "./helpers/scratch-database.js";

const postgresUrl = inject("postgresUrl");
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  // Last in, first out: a server stops before its data directory is removed.
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * The previous release's demo databases (release aeb3ee3, seeded by that release's own code and
 * backed up with `guichet backup`), in test/data/upgrade. Refresh them at each release.
 */
const PREVIOUS_RELEASE = [
  {
    contract: "multicloud-ready",
    file: "multicloud-ready-aeb3ee3.backup",
    person: "dsi@transports-garnier.demo",
  },
  {
    contract: "deux-sevres-eservices",
    file: "deux-sevres-eservices-aeb3ee3.backup",
    person: "admin@fibre-poitou.demo",
  },
];

// Issue 19: this release's migrations on a database the previous release made and filled.
describe.runIf(postgresUrl)("upgrading a previous release's database", { timeout: 300_000 }, () => {
  it.each(PREVIOUS_RELEASE)(
    "migrates $contract's demo data and serves it, its audit trail intact",
    async (release) => {
      const url = await createScratchDatabase(postgresUrl as string, "guichet_upgrade");
      const dataDir = mkdtempSync(join(tmpdir(), "guichet-upgrade-"));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const env = {
        DATABASE_URL: url,
        GUICHET_CONTRACT: release.contract,
        GUICHET_DATA_DIR: dataDir,
      };

      const restored = await runCli(
        ["restore", join(REPO_ROOT, "test", "data", "upgrade", release.file)],
        env,
      );
      expect(restored.stderr).toBe("");
      expect(restored.code).toBe(0); // restore ends by applying this release's migrations
      const verified = await runCli(["audit", "verify"], env);
      expect(verified.stdout).toMatch(/intact/i);

      const port = await freePort();
      const server = spawnCli(["start"], { ...env, PORT: String(port) });
      cleanups.push(() => server.stop("SIGKILL"));
      const base = `http://127.0.0.1:${port}`;
      const ready = (await (await waitForOk(`${base}/health/ready`, 120_000)).json()) as {
        migrations: string;
      };
      expect(ready.migrations).toBe("applied");
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: release.person, password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
      expect((await fetch(`${base}/api/tickets`, { headers: { cookie } })).status).toBe(200);
    },
  );
});
