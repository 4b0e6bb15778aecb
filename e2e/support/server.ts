import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../../apps/server/test/helpers/free-port.js";
import { REPO_ROOT, spawnCli, waitForOk } from "../../apps/server/test/helpers/run-cli.js";

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
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    const cleanup = new pg.Client({ connectionString: postgresUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  try {
    await waitForOk(`${url}/health`, 60_000);
    await assertPortalServed(url);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${child.output()}`);
  }
  return { url, db, stop };
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
