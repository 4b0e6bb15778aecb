import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { DatabaseKind } from "@guichet/db";
import pg from "pg";
import { freePort } from "../../apps/server/test/helpers/free-port.js";
import { REPO_ROOT, runCli, spawnCli, waitForOk } from "../../apps/server/test/helpers/run-cli.js";

/** A shipped contract id, or the path of a contract file (the test suite's third and fourth, issue 23). */
export type ContractId = "multicloud-ready" | "deux-sevres-eservices" | (string & {});

export interface RunningServer {
  /** http://127.0.0.1:PORT — also the PUBLIC_URL, so e-mailed links open on this server. */
  url: string;
  /** A pool on the server's database, to seed people and read what the server wrote. */
  db: pg.Pool;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** More environment for the process: mail (SMTP_URL, DESK_SMTP_PORT…), a controllable clock. */
  env?: Record<string, string>;
}

/**
 * A real `guichet start` for one test file: a fresh database on the test PostgreSQL server,
 * no demo data, the built portal served at `/`. Stopping drops the database.
 */
export async function startServer(
  postgresUrl: string,
  contract: ContractId,
  options: ServerOptions = {},
): Promise<RunningServer> {
  if (!existsSync(join(REPO_ROOT, "apps/web/dist/index.html"))) {
    throw new Error("The portal is not built: run `npm run build -w @guichet/web` before the e2e tests.");
  }
  const name = `guichet_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = new URL(postgresUrl);
  databaseUrl.pathname = `/${name}`;

  const dataDir = mkdtempSync(join(tmpdir(), "guichet-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnCli(["start"], {
    PORT: String(port),
    PUBLIC_URL: url,
    GUICHET_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl.toString(),
    GUICHET_CONTRACT: contract,
    GUICHET_DEMO_DATA: "never",
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const db = new pg.Pool({ connectionString: databaseUrl.toString(), max: 2 });
  const stop = async () => {
    await db.end();
    await stopProcess(child, dataDir);
    const cleanup = new pg.Client({ connectionString: postgresUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  await servingOrStopped(url, child, stop, 60_000);
  return { url, db, stop };
}

/** Stops a started server (SIGTERM, waiting for its clean exit) and removes its data directory. */
async function stopProcess(child: ReturnType<typeof spawnCli>, dataDir: string): Promise<void> {
  await child.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Waits for the server to answer and serve the portal, else stops it and fails with its output. */
async function servingOrStopped(
  url: string,
  child: ReturnType<typeof spawnCli>,
  stop: () => Promise<void>,
  timeoutMs: number,
): Promise<void> {
  try {
    await waitForOk(`${url}/health`, timeoutMs);
    await assertPortalServed(url);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${child.output()}`);
  }
}

/** What a test writes in the database before its people arrive (e2e/support/seed.ts's helpers). */
export type Seed<T> = (db: pg.Pool) => Promise<T>;

/** A server seeded before it opens, on either database: its address, what the seed returned. */
export interface SeededServer<T> {
  url: string;
  seeded: T;
  stop(): Promise<void>;
}

/**
 * A real `guichet start` on PostgreSQL (as startServer) or on the embedded PGlite, seeded first:
 * PGlite serves one process only, so the test writes its people in the migrated database before
 * the server opens it, with the same SQL as on PostgreSQL (issue 23: a contract's journeys in the
 * browser on both databases).
 */
export async function startSeededServer<T>(
  kind: DatabaseKind,
  postgresUrl: string,
  contract: ContractId,
  seed: Seed<T>,
  options: ServerOptions = {},
): Promise<SeededServer<T>> {
  if (kind === "postgresql") {
    const server = await startServer(postgresUrl, contract, options);
    try {
      return { url: server.url, seeded: await seed(server.db), stop: server.stop };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), "guichet-e2e-pglite-"));
  const env = { GUICHET_DATA_DIR: dataDir, GUICHET_CONTRACT: contract, GUICHET_DEMO_DATA: "never" };
  try {
    const migrated = await runCli(["migrate"], env);
    if (migrated.code !== 0) throw new Error(`guichet migrate failed: ${migrated.stderr}`);
    // The one deployment under the data dir: <dir>/<contract id>/pglite.
    const [deployment] = readdirSync(dataDir);
    const client = await PGlite.create(join(dataDir, deployment ?? "", "pglite"));
    let seeded: T;
    try {
      // The seed helpers need only query(text, params) → { rows }, which PGlite answers alike.
      const db = { query: (text: string, params?: unknown[]) => client.query(text, params) };
      seeded = await seed(db as unknown as pg.Pool);
    } finally {
      await client.close();
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawnCli(["start"], {
      ...env,
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: "warn",
      ...options.env,
    });
    const stop = () => stopProcess(child, dataDir);
    await servingOrStopped(url, child, stop, 120_000);
    return { url, seeded, stop };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Someone not signed in must get the portal itself (its page and scripts), or no page can even
 * show the sign-in form: checked once here so a regression reads as one clear failure.
 */
async function assertPortalServed(url: string): Promise<void> {
  const page = await fetch(`${url}/`, { headers: { accept: "text/html" } });
  const html = await page.text();
  const script = html.match(/<script[^>]+src="([^"]+)"/)?.[1];
  const asset = script ? await fetch(new URL(script, url)) : undefined;
  // Read to the end, or the connection stays busy and holds up the server's graceful stop.
  const assetBody = (await asset?.text()) ?? "";
  if (!page.ok || !script || !asset?.ok) {
    throw new Error(
      `The server does not serve the portal to a visitor without a session: GET / answered ${page.status}` +
        (asset ? `, GET ${script} answered ${asset.status} ${assetBody.slice(0, 200)}` : ""),
    );
  }
}
