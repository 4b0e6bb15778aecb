import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CommandResult, runCommand } from "../src/cli/commands.js";
import { anchorAuditChains } from "../src/modules/audit/anchor-audit.js";
import type { ChainExport } from "../src/modules/audit/export-chain.js";
import { openTicketAs, premiumNamedContact } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

// A customer's security contact downloads its organisation's audit chain with the anchors that
// cover it, and verifies it offline, trusting nothing but the file (DSN-SEC-01, DSN-SEC-04).
describe.each(databaseKindsUnderTest(postgresUrl))(
  "a customer's audit chain, verified offline, on %s",
  (kind) => {
    let t: TestApp;
    let now = new Date("2026-11-23T09:00:00Z");
    let alpha: { organisationId: string; contact: TestUser };
    let beta: { organisationId: string; contact: TestUser };
    let alphaSession: SignedIn;
    let officer: SignedIn;
    const folder = mkdtempSync(join(tmpdir(), "guichet-audit-"));
    const download = (session: SignedIn, organisationId: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/organisations/${organisationId}/audit-chain`,
        headers: session.headers,
      });
    const verifyFile = async (name: string, content: unknown) => {
      const file = join(folder, name);
      writeFileSync(file, JSON.stringify(content));
      return (await runCommand(["audit", "verify", "--file", file], {})) as CommandResult;
    };

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      officer = await signInAs(
        t.app,
        await createUser(db, provider.id, ["security_officer"], { totp: true }),
        now,
      );
      alpha = await premiumNamedContact(db);
      beta = await premiumNamedContact(db);
      alphaSession = await signInAs(t.app, alpha.contact, now);
      const betaSession = await signInAs(t.app, beta.contact, now);
      for (const session of [alphaSession, betaSession, alphaSession]) {
        const opened = await openTicketAs(t.app, session, { category: "incident", priority: "P2" });
        expect(opened.statusCode).toBe(201);
      }
      now = new Date("2026-11-23T09:01:00Z");
      expect(await anchorAuditChains(db, now)).toMatchObject({ anchored: 1 });
      // Written after the last anchor: verified by its links alone.
      await openTicketAs(t.app, alphaSession, { category: "incident", priority: "P3" });
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await t?.close();
    });

    it("gives a customer's administrator its own chain, which verifies offline", async () => {
      const response = await download(alphaSession, alpha.organisationId);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-disposition"]).toMatch(/attachment; filename="audit-chain-/);
      const exported = response.json() as ChainExport;
      expect(exported.chain).toBe(alpha.organisationId);
      // Its sign-in and its three openings, nothing of beta's.
      expect(exported.entries.map((entry) => entry.action)).toEqual([
        "auth.sign_in",
        "ticket.opened",
        "ticket.opened",
        "ticket.opened",
      ]);
      expect(exported.entries.every((entry) => entry.organisationId === alpha.organisationId)).toBe(true);
      expect(exported.anchors).toHaveLength(1);
      expect(exported.anchors[0]?.head.hash).toBe(exported.entries[2]?.hash);
      // The anchor covers beta's chain and the provider's too, as leaves that say nothing of them.
      expect(JSON.stringify(exported)).not.toContain(beta.organisationId);
      expect(await verifyFile("alpha.json", exported)).toEqual({
        code: 0,
        out: "intact (4 entries in 1 chains, 1 anchors)",
      });
    });

    it("names the entry changed in the file, and the tail cut from it at the anchor that recorded it", async () => {
      const exported = (await download(alphaSession, alpha.organisationId)).json() as ChainExport;
      const [, opened] = exported.entries;
      if (!opened) throw new Error("no entry");
      const edited = structuredClone(exported);
      if (edited.entries[1]) edited.entries[1].data = { ...opened.data, priority: "P1" };
      expect(await verifyFile("edited.json", edited)).toMatchObject({
        code: 1,
        err: expect.stringMatching(
          new RegExp(
            `^broken at entry #${opened.seq} of organisation ${alpha.organisationId}: its content was changed`,
          ),
        ),
      });
      const cut = { ...exported, entries: exported.entries.slice(0, 2) };
      expect(await verifyFile("cut.json", cut)).toMatchObject({
        code: 1,
        err: expect.stringMatching(
          new RegExp(
            `^broken at entry #${exported.entries[2]?.seq} of .*: an anchor recorded it as its chain's head and it is gone`,
          ),
        ),
      });
      const forged = structuredClone(exported);
      if (forged.anchors[0]) forged.anchors[0].leaves = forged.anchors[0].leaves.slice(1);
      expect(await verifyFile("forged.json", forged)).toMatchObject({
        code: 1,
        err: expect.stringMatching(/^broken at anchor #1: /),
      });
      expect(await verifyFile("other.json", { entries: [] })).toMatchObject({
        code: 1,
        err: expect.stringContaining("not an audit chain export"),
      });
    });

    it("refuses another customer's chain to a customer, and gives any to the provider's security officer", async () => {
      expect((await download(alphaSession, beta.organisationId)).statusCode).toBe(403);
      const betaChain = await download(officer, beta.organisationId);
      expect(betaChain.statusCode).toBe(200);
      expect((await verifyFile("beta.json", betaChain.json())).code).toBe(0);
    });
  },
);
