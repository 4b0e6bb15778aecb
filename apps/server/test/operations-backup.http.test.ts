import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, rowsOf } from "@guichet/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeNamedContact, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser } from "./helpers/factories.js";
import { runCli } from "./helpers/run-cli.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

// Issue 19: the embedded database backed up while it serves, by the process that has it open.
describe("a backup downloaded from the running server (PGlite)", { timeout: 240_000 }, () => {
  let t: TestApp;
  const dirs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp("pglite", postgresUrl);
  });
  afterAll(async () => {
    await t?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is for provider administrators only, made under load, audited, and restores intact", async () => {
    const { db } = t.database;
    const now = new Date();
    const provider = await createOrganisation(db, "provider");
    const admin = await signInAs(t.app, await createUser(db, provider.id, ["admin"], { totp: true }), now);
    const customer = await createOrganisation(db, "customer");
    const contact = await createUser(db, customer.id, ["customer_admin"]);
    await makeNamedContact(db, customer.id, contact.id);
    const session = await signInAs(t.app, contact, now);
    expect((await openTicketAs(t.app, session, { category: "incident", priority: "P3" })).statusCode).toBe(
      201,
    );

    const refused = await t.app.inject({
      method: "GET",
      url: "/api/operations/backup",
      headers: session.headers,
    });
    expect(refused.statusCode).toBe(403);

    // Customers keep opening requests while the backup is made.
    const load = Array.from({ length: 6 }, () =>
      openTicketAs(t.app, session, { category: "incident", priority: "P3" }),
    );
    const download = await t.app.inject({
      method: "GET",
      url: "/api/operations/backup",
      headers: admin.headers,
    });
    expect((await Promise.all(load)).every((opened) => opened.statusCode === 201)).toBe(true);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/x-tar");
    expect(download.headers["content-disposition"]).toMatch(
      /^attachment; filename="guichet-multicloud-ready-\d{8}-\d{6}\.backup"$/,
    );

    const [audited] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from audit_log where action = 'operations.backup_downloaded'`,
      ),
    );
    expect(audited?.n).toBe(1);

    const dir = mkdtempSync(join(tmpdir(), "guichet-downloaded-"));
    dirs.push(dir);
    const file = join(dir, "downloaded.backup");
    writeFileSync(file, download.rawPayload);
    const target = { GUICHET_DATA_DIR: join(dir, "restored") };
    const restored = await runCli(["restore", file], target);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const verified = await runCli(["audit", "verify"], target);
    expect(verified.stdout).toMatch(/intact/i);

    const database = await openDatabase({
      kind: "pglite",
      dataDir: join(dir, "restored", "multicloud-ready", "pglite"),
    });
    try {
      const [row] = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from tickets`),
      );
      expect(row?.n).toBeGreaterThanOrEqual(1);
      expect(row?.n).toBeLessThanOrEqual(7);
    } finally {
      await database.close();
    }
  });
});
