import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort } from "./helpers/free-port.js";
import { runCli, spawnCli, waitForOk } from "./helpers/run-cli.js";

const postgresUrl = inject("postgresUrl");
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "guichet-data-"));
  dirs.push(dir);
  return dir;
}

/** The first answer an address gives, polling while nothing listens yet. */
async function firstAnswer(url: string): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url, { headers: { "accept-language": "fr", accept: "text/html" } });
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Starts `guichet start`, takes the first answer of a deep link, waits for /health, returns its
 * body, then stops it with SIGTERM.
 */
async function startAndStop(env: Record<string, string>) {
  const port = await freePort();
  const child = spawnCli(["start"], { ...env, PORT: String(port) });
  try {
    const early = await firstAnswer(`http://127.0.0.1:${port}/demandes`);
    const earlyPage = {
      status: early.status,
      html: await early.text(),
    };
    const health = (await (await waitForOk(`http://127.0.0.1:${port}/health`, 120_000)).json()) as {
      database: string;
    };
    const openapi = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
    const exited = child.stop();
    return {
      earlyPage,
      health,
      openapiStatus: openapi.status,
      exitCode: await exited,
      output: child.output(),
    };
  } finally {
    await child.stop("SIGKILL");
  }
}

// Each test starts real server processes: PGlite initialises its cluster on a first start.
describe("guichet start", { timeout: 180_000 }, () => {
  it("serves the embedded default with demo data, restarts on the same data, and stops cleanly", async () => {
    const dataDir = tempDataDir();
    const first = await startAndStop({ GUICHET_DATA_DIR: dataDir });
    expect(first.health).toEqual({ status: "ok", database: "pglite", contract: "multicloud-ready" });
    expect(first.openapiStatus).toBe(200);
    expect(first.output).toContain('"seeded":true');
    expect(first.output).toContain("stopped cleanly");
    // Probes are not logged (a load balancer sends one every few seconds); other requests are.
    expect(first.output).not.toContain('"url":"/health"');
    expect(first.output).toContain('"url":"/api/openapi.json"');
    expect(first.exitCode).toBe(0);
    // A first start migrates and seeds for seconds: a deep link opened meanwhile waits and gets
    // the portal itself, not a page to wait on (issue 13, the front door).
    expect(first.earlyPage.status).toBe(200);
    expect(first.earlyPage.html).toContain('<div id="root">');
    expect(first.earlyPage.html).not.toContain("Guichet démarre");

    const second = await startAndStop({ GUICHET_DATA_DIR: dataDir });
    expect(second.health.database).toBe("pglite");
    expect(second.output).toContain('"seeded":false');
  });

  it.runIf(postgresUrl)("serves on PostgreSQL when DATABASE_URL is set", async () => {
    const name = `guichet_start_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const result = await startAndStop({
        DATABASE_URL: url.toString(),
        GUICHET_CONTRACT: "deux-sevres-eservices",
      });
      expect(result.health).toEqual({
        status: "ok",
        database: "postgresql",
        contract: "deux-sevres-eservices",
      });
      expect(result.exitCode).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  // Issue 19: PGlite serves one process; a second one on its files is refused, never let in.
  it("refuses a second process on the embedded database it serves, saying why", async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const server = spawnCli(["start"], {
      GUICHET_DATA_DIR: dataDir,
      PORT: String(port),
      GUICHET_DEMO_DATA: "never",
    });
    try {
      await waitForOk(`http://127.0.0.1:${port}/health`, 120_000);
      const second = await runCli(["migrate"], { GUICHET_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `The embedded database in ${join(dataDir, "multicloud-ready", "pglite")} is already open in process ${server.pid}. ` +
          "PGlite serves one process only: stop that process first, or run several processes over PostgreSQL (DATABASE_URL).",
      );
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      await server.stop("SIGKILL");
    }
    // Killed without releasing: the next start takes the database over.
    const after = await runCli(["migrate"], { GUICHET_DATA_DIR: dataDir });
    expect(after.code).toBe(0);
  });

  it("stops on a wrong variable with one line naming it", async () => {
    const result = await runCli(["start"], { PORT: "abc" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Configuration error: PORT: .*"abc"$/);
  });

  it("refuses to open a database made for another contract", async () => {
    const dataDir = tempDataDir();
    const migrate = await runCli(["migrate"], { GUICHET_DATA_DIR: dataDir });
    expect(migrate.code).toBe(0);
    // Same PGlite directory, other contract: simulated by pointing the data dir of DSN at MCR's database.
    const { renameSync } = await import("node:fs");
    renameSync(join(dataDir, "multicloud-ready"), join(dataDir, "deux-sevres-eservices"));
    const result = await runCli(["migrate"], {
      GUICHET_DATA_DIR: dataDir,
      GUICHET_CONTRACT: "deux-sevres-eservices",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('belongs to the contract "multicloud-ready"');
  });
});
