import { mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildServerBundle, freshServerBundle, SERVER_BUNDLE } from "../src/cli/server-bundle.mjs";
import { freePort } from "./helpers/free-port.js";
import { spawnCli, waitForOk } from "./helpers/run-cli.js";

const dataDir = mkdtempSync(join(tmpdir(), "guichet-bundle-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Issue 13, the front door: `npm install` bundles the server (guichet prepare) and a start loads
// the bundle instead of compiling the sources through tsx, but never a bundle older than them.
describe("the server's bundle", { timeout: 120_000 }, () => {
  it("is used while newer than every source, and not once a source is edited", async () => {
    await buildServerBundle();
    expect(freshServerBundle()).toBe(SERVER_BUNDLE);
    const source = fileURLToPath(new URL("../../../packages/domain/src/index.ts", import.meta.url));
    const { atime, mtime } = statSync(source);
    try {
      const edited = new Date(statSync(SERVER_BUNDLE).mtimeMs + 1000);
      utimesSync(source, edited, edited);
      expect(freshServerBundle()).toBeUndefined();
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(freshServerBundle()).toBe(SERVER_BUNDLE);
  });

  it("starts a server that finds its migrations, contracts, portal and demo data from the bundle", async () => {
    await buildServerBundle();
    const port = await freePort();
    // The bundle itself, not bin/guichet.mjs, which would fall back to the sources if it were stale.
    const child = spawnCli(["start"], { GUICHET_DATA_DIR: dataDir, PORT: String(port) }, SERVER_BUNDLE);
    try {
      const health = await (await waitForOk(`http://127.0.0.1:${port}/health`, 90_000)).json();
      expect(health).toMatchObject({ status: "ok", database: "pglite", contract: "multicloud-ready" });
      const page = await fetch(`http://127.0.0.1:${port}/connexion`, { headers: { accept: "text/html" } });
      expect(await page.text()).toContain('id="guichet-contract"');
      const contract = (await (await fetch(`http://127.0.0.1:${port}/api/contract`)).json()) as {
        provider: { name: string };
      };
      expect(contract.provider.name).toBe("Orange Business");
      expect(child.output()).toContain('"seeded":true');
    } finally {
      await child.stop();
    }
  });
});
