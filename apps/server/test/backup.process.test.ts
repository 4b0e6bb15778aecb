import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, rowsOf } from "@guichet/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../src/seed/demo-data.js";
import { freePort } from "./helpers/free-port.js";
import { runCli, spawnCli, waitForOk } from "./helpers/run-cli.js";
import { createScratchDatabase } from "./helpers/scratch-database.js";

const postgresUrl = inject("postgresUrl");
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const newDatabase = () => createScratchDatabase(postgresUrl as string, "guichet_backup");

async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawnCli(["start"], { ...env, PORT: String(port) });
  cleanups.push(async () => {
    await child.stop("SIGKILL");
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/health/ready`, 120_000);
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "exploitation@transports-garnier.demo", password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const headers = { cookie, "x-csrf-token": csrfToken };
  const openTicket = async (title: string) => {
    const response = await fetch(`${base}/api/tickets`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ category: "incident", priority: "P3", title, description: "Sauvegarde." }),
    });
    if (response.status !== 201) throw new Error(`open: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const attach = async (ticketId: string, content: string) => {
    const form = new FormData();
    form.set("body", "Journal joint");
    form.set("files", new Blob([content], { type: "text/plain" }), "journal.txt");
    const response = await fetch(`${base}/api/tickets/${ticketId}/attachments`, {
      method: "POST",
      headers,
      body: form,
    });
    if (response.status !== 201) throw new Error(`attach: ${response.status} ${await response.text()}`);
  };
  const stop = async () => {
    await child.stop();
  };
  return { openTicket, attach, stop };
}

/** The restored deployment's audit trail is intact and every attachment's file is there. */
async function expectIntact(
  env: Record<string, string>,
  attachmentsDir: string,
  query: (text: string) => Promise<{ sha256: string }[]>,
) {
  const verified = await runCli(["audit", "verify"], env);
  expect(verified.stdout).toMatch(/intact/i);
  expect(verified.code).toBe(0);
  const attachments = await query("select sha256 from ticket_attachments");
  expect(attachments.length).toBeGreaterThan(0);
  const stored = new Set(readdirSync(attachmentsDir, { recursive: true }).map(String));
  for (const { sha256 } of attachments) expect([...stored].some((path) => path.endsWith(sha256))).toBe(true);
}

// Issue 19: backups and restores of both databases, with their files.
describe("guichet backup and restore", { timeout: 420_000 }, () => {
  it.runIf(postgresUrl)(
    "backs up PostgreSQL under load and restores it intact into a new database",
    async () => {
      const source = { DATABASE_URL: await newDatabase(), GUICHET_DATA_DIR: tempDir("guichet-src-") };
      const server = await startServer({ ...source, GUICHET_DEMO_DATA: "always" });
      await server.attach(await server.openTicket("Avant la sauvegarde"), "journal d'erreurs\n");

      let loading = true;
      let opened = 0;
      const load = (async () => {
        while (loading) {
          await server.openTicket(`Pendant la sauvegarde ${opened}`);
          opened++;
        }
      })();
      const file = join(tempDir("guichet-backups-"), "guichet.backup");
      const backup = await runCli(["backup", file], source);
      const openedDuringBackup = opened;
      loading = false;
      await load;
      await server.stop();
      expect(backup.stderr).toBe("");
      expect(backup.stdout.trim()).toMatch(
        /^Backup of multicloud-ready \(postgresql, \d+ members\) written to .*sha256 [0-9a-f]{64}\.$/,
      );
      expect(openedDuringBackup).toBeGreaterThan(0); // it was made under load

      const target = { DATABASE_URL: await newDatabase(), GUICHET_DATA_DIR: tempDir("guichet-dst-") };
      const restored = await runCli(["restore", file], target);
      expect(restored.stderr).toBe("");
      expect(restored.code).toBe(0);
      const db = new pg.Client({ connectionString: target.DATABASE_URL });
      await db.connect();
      try {
        const query = async (text: string) => (await db.query(text)).rows;
        const [{ n }] = (await query(
          "select count(*)::int as n from tickets where title like 'Pendant%'",
        )) as unknown as [{ n: number }];
        expect(n).toBeLessThanOrEqual(opened);
        await expectIntact(
          target,
          join(target.GUICHET_DATA_DIR, "multicloud-ready", "attachments"),
          query as never,
        );
      } finally {
        await db.end();
      }
      // A restore never overwrites: the database is no longer empty.
      const again = await runCli(["restore", file], target);
      expect(again.code).toBe(1);
      expect(again.stderr.trim()).toBe(
        "The database in DATABASE_URL is not empty: restore into a new database.",
      );
    },
  );

  it("backs up the embedded database once its server stops, refuses a damaged backup, and restores it intact", async () => {
    const source = { GUICHET_DATA_DIR: tempDir("guichet-src-") };
    const server = await startServer(source);
    await server.attach(await server.openTicket("Avant la sauvegarde"), "journal d'erreurs\n");
    const file = join(tempDir("guichet-backups-"), "embedded.backup");
    const refused = await runCli(["backup", file], source);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is already open in process \d+\. PGlite serves one process only/);
    await server.stop();

    const backup = await runCli(["backup", file], source);
    expect(backup.code).toBe(0);

    // A backup whose member changed after it was made is refused, naming the member; nothing restored.
    const damaged = join(tempDir("guichet-damaged-"), "x");
    execFileSync("mkdir", ["-p", damaged]);
    execFileSync("tar", ["-xf", file, "-C", damaged]);
    const attachment = readdirSync(join(damaged, "files", "attachments"), { recursive: true })
      .map(String)
      .find((path) => /[0-9a-f]{64}$/.test(path)) as string;
    appendFileSync(join(damaged, "files", "attachments", attachment), "tampered");
    const damagedFile = `${damaged}.backup`;
    execFileSync("tar", ["-cf", damagedFile, "-C", damaged, "."]);
    const target = { GUICHET_DATA_DIR: tempDir("guichet-dst-") };
    const refusedRestore = await runCli(["restore", damagedFile], target);
    expect(refusedRestore.code).toBe(1);
    expect(refusedRestore.stderr).toContain(`files/attachments/${attachment} does not match its checksum`);
    expect(existsSync(join(target.GUICHET_DATA_DIR, "multicloud-ready", "pglite"))).toBe(false);

    const restored = await runCli(["restore", file], target);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const dataDir = join(target.GUICHET_DATA_DIR, "multicloud-ready");
    await expectIntact(target, join(dataDir, "attachments"), async (text) => {
      const database = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
      try {
        return rowsOf<{ sha256: string }>(await database.db.execute(sql.raw(text)));
      } finally {
        await database.close();
      }
    });
  });
});
