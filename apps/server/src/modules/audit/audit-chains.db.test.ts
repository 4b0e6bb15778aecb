import { setTimeout as delay } from "node:timers/promises";
import { auditAnchors, auditLog, type Database, type Db, runInTenant, scopedDatabase } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation } from "../../../test/helpers/factories.js";
import { anchorAuditChains } from "./anchor-audit.js";
import {
  anchorHash,
  anchorLeaves,
  auditEntryHash,
  GENESIS_HASH,
  type HashedAuditFields,
} from "./audit-hash.js";
import { type AuditActor, PROVIDER_CHAIN, recordAudit, systemActor } from "./record-audit.js";
import { verifyAuditTrail } from "./verify-audit.js";

const postgresUrl = inject("postgresUrl");
const minute = (n: number) => new Date(Date.UTC(2026, 10, 23, 10, n, 0));

/** Entries as the single chain wrote them before migration 0017: its genesis segment. */
async function writeGenesisSegment(db: Db, count: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const fields: HashedAuditFields = {
      at: minute(0),
      actorUserId: null,
      actorLabel: "Guichet",
      actorOrganisationId: null,
      organisationId: null,
      grantId: null,
      via: "system",
      apiTokenId: null,
      action: "legacy.entry",
      targetType: null,
      targetId: null,
      outcome: "success",
      data: { n: i },
      ip: null,
      userAgent: null,
      requestId: null,
      prevHash,
    };
    const hash = auditEntryHash(fields);
    await db.insert(auditLog).values({ ...fields, chain: null, hash });
    prevHash = hash;
  }
}

/** What a database administrator can do behind the trail's back: the guards off, then on again. */
async function tampered(db: Db, change: () => Promise<unknown>): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger user`);
  await db.execute(sql`alter table audit_anchors disable trigger user`);
  try {
    await change();
  } finally {
    await db.execute(sql`alter table audit_log enable trigger user`);
    await db.execute(sql`alter table audit_anchors enable trigger user`);
  }
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "audit chains per organisation on %s (DSN-SEC-01)",
  (kind) => {
    let database: Database;
    let db: Db;
    let provider: string;
    let alpha: string;
    let beta: string;
    const actorOf = (organisationId: string, label: string): AuditActor => ({
      userId: null,
      label,
      organisationId,
      via: "session",
    });
    const record = (tx: Db, organisationId: string, n: number) =>
      recordAudit(
        tx,
        actorOf(organisationId, `person of ${organisationId}`),
        { action: "test.write", data: { n } },
        minute(1),
      );
    const entriesOf = (chain: string) =>
      db.select().from(auditLog).where(eq(auditLog.chain, chain)).orderBy(asc(auditLog.seq));

    beforeAll(async () => {
      database = await createTestDatabase(kind, postgresUrl);
      db = database.db;
      provider = (await createOrganisation(db, "provider")).id;
      alpha = (await createOrganisation(db, "customer")).id;
      beta = (await createOrganisation(db, "customer")).id;
      await writeGenesisSegment(db, 3);
    });
    afterAll(async () => {
      await database?.close();
    });

    it("links each entry to the previous one of its organisation's chain; the provider's own and the system's share the provider's", async () => {
      await record(db, alpha, 1);
      await record(db, beta, 1);
      await record(db, alpha, 2);
      await record(db, provider, 1);
      await recordAudit(db, systemActor("Guichet (sweep)"), { action: "test.sweep" }, minute(1));
      // A provider agent acting in alpha's tenant writes in alpha's chain.
      await recordAudit(
        db,
        { ...actorOf(provider, "agent"), actingForOrganisationId: alpha },
        { action: "test.acting" },
        minute(1),
      );
      const [a1, a2, a3] = await entriesOf(alpha);
      const [b1] = await entriesOf(beta);
      const [p1, p2] = await entriesOf(PROVIDER_CHAIN);
      expect([a1?.prevHash, b1?.prevHash, p1?.prevHash]).toEqual([GENESIS_HASH, GENESIS_HASH, GENESIS_HASH]);
      expect(a2?.prevHash).toBe(a1?.hash);
      expect(a3?.prevHash).toBe(a2?.hash);
      expect(a3?.action).toBe("test.acting");
      expect(p2).toMatchObject({ action: "test.sweep", organisationId: null, prevHash: p1?.hash });
      expect(await verifyAuditTrail(db)).toEqual({ intact: true, entries: 9, chains: 4, anchors: 0 });
    });

    it.skipIf(kind === "pglite")(
      "lets one customer's writes through while another's transaction holds its chain, and queues the same customer's",
      async () => {
        let release = () => {};
        const gate = new Promise<void>((resolve) => {
          release = resolve;
        });
        let held = () => {};
        const holding = new Promise<void>((resolve) => {
          held = resolve;
        });
        const alphaOpen = db.transaction(async (tx) => {
          await record(tx as unknown as Db, alpha, 10);
          held();
          await gate;
        });
        await holding;
        const within = (write: Promise<unknown>, ms: number) =>
          Promise.race([write.then(() => "written"), delay(ms).then(() => "waiting")]);
        try {
          expect(
            await within(
              db.transaction((tx) => record(tx as unknown as Db, beta, 10)),
              5000,
            ),
          ).toBe("written");
          const alphaAgain = db.transaction((tx) => record(tx as unknown as Db, alpha, 11));
          expect(await within(alphaAgain, 300)).toBe("waiting");
          release();
          await alphaOpen;
          expect(await within(alphaAgain, 5000)).toBe("written");
        } finally {
          release();
          await alphaOpen;
        }
        expect((await verifyAuditTrail(db)).intact).toBe(true);
      },
    );

    it("anchors the heads of the chains that moved, once a minute whichever process runs it", async () => {
      expect(await anchorAuditChains(db, minute(2))).toEqual({ anchored: 1, chains: 4 });
      const [first] = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq));
      const alphaHead = (await entriesOf(alpha)).at(-1);
      expect(first?.heads[alpha]).toEqual({ seq: alphaHead?.seq, hash: alphaHead?.hash });
      expect(Object.keys(first?.heads ?? {}).sort()).toEqual([alpha, beta, PROVIDER_CHAIN, "genesis"].sort());
      // Two processes a minute later: nothing moved, nothing anchored.
      expect(await Promise.all([anchorAuditChains(db, minute(3)), anchorAuditChains(db, minute(3))])).toEqual(
        [
          { anchored: 0, chains: 0 },
          { anchored: 0, chains: 0 },
        ],
      );
      await record(db, alpha, 20);
      await record(db, alpha, 21);
      const runs = await Promise.all([anchorAuditChains(db, minute(4)), anchorAuditChains(db, minute(4))]);
      expect(runs.filter((run) => run.anchored === 1)).toEqual([{ anchored: 1, chains: 1 }]);
      // The same minute again: already anchored.
      await record(db, beta, 20);
      expect(await anchorAuditChains(db, minute(4))).toEqual({ anchored: 0, chains: 0 });
      expect(await anchorAuditChains(db, minute(5))).toEqual({ anchored: 1, chains: 1 });
      const anchors = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq));
      expect(anchors.map((anchor) => Object.keys(anchor.heads))).toEqual([
        expect.any(Array),
        [alpha],
        [beta],
      ]);
      expect(anchors[1]?.prevHash).toBe(anchors[0]?.hash);
      expect(await verifyAuditTrail(db)).toMatchObject({ intact: true, anchors: 3, chains: 4 });
    });

    it("lets a customer read its own chain and the anchors that cover it, nothing else", async () => {
      const seen = await runInTenant(database, alpha, async () => {
        const scoped = scopedDatabase(database).db;
        return {
          chains: await scoped.selectDistinct({ chain: auditLog.chain }).from(auditLog),
          anchors: await scoped.select({ heads: auditAnchors.heads }).from(auditAnchors),
        };
      });
      expect(seen.chains).toEqual([{ chain: alpha }]);
      expect(seen.anchors.length).toBe(2);
      expect(seen.anchors.every((anchor) => alpha in anchor.heads)).toBe(true);
    });

    it("names an entry edited behind the trail's back, and its organisation", async () => {
      const [b1] = await entriesOf(beta);
      if (!b1) throw new Error("no entry");
      await tampered(db, () =>
        db.update(auditLog).set({ actorLabel: "Someone else" }).where(eq(auditLog.seq, b1.seq)),
      );
      expect(await verifyAuditTrail(db)).toMatchObject({
        intact: false,
        broken: { kind: "entry", seq: b1.seq, chain: beta, reason: "content_changed" },
      });
      await tampered(db, () =>
        db.update(auditLog).set({ actorLabel: b1.actorLabel }).where(eq(auditLog.seq, b1.seq)),
      );
      expect((await verifyAuditTrail(db)).intact).toBe(true);
    });

    it("catches the deleted tail of one organisation's chain at the anchor that recorded its head", async () => {
      const chain = await entriesOf(alpha);
      const tail = chain.slice(-2);
      const anchored = await db.select().from(auditAnchors).where(sql`${auditAnchors.heads} ? ${alpha}`);
      const lastAnchor = anchored.at(-1);
      expect(lastAnchor?.heads[alpha]?.seq).toBe(tail[1]?.seq);
      // What is left links up: only the anchor tells that entries are missing.
      await tampered(db, () =>
        db.delete(auditLog).where(sql`${auditLog.seq} in (${tail[0]?.seq}, ${tail[1]?.seq})`),
      );
      expect(await verifyAuditTrail(db)).toMatchObject({
        intact: false,
        broken: {
          kind: "entry",
          seq: tail[1]?.seq,
          chain: alpha,
          reason: "anchored_head_missing",
          anchorSeq: lastAnchor?.seq,
        },
      });
      await tampered(db, () => db.insert(auditLog).values(tail));
      expect((await verifyAuditTrail(db)).intact).toBe(true);
    });

    it("catches a forged anchor, and one forged with its hash computed again at the next anchor's link", async () => {
      const [first, second] = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq));
      if (!first || !second) throw new Error("no anchors");
      const [a1] = await entriesOf(alpha);
      if (!a1) throw new Error("no entry");
      // The forger's story: alpha's chain ended at its first entry.
      const heads = { ...first.heads, [alpha]: { seq: a1.seq, hash: a1.hash } };
      const rewrite = (values: Partial<typeof first>) =>
        tampered(db, () => db.update(auditAnchors).set(values).where(eq(auditAnchors.seq, first.seq)));
      await rewrite({ heads });
      expect(await verifyAuditTrail(db)).toMatchObject({
        intact: false,
        broken: { kind: "anchor", seq: first.seq, reason: "anchor_changed" },
      });
      await rewrite({
        heads,
        hash: anchorHash({ at: first.at, leaves: anchorLeaves(heads), prevHash: first.prevHash }),
      });
      expect(await verifyAuditTrail(db)).toMatchObject({
        intact: false,
        broken: { kind: "anchor", seq: second.seq, reason: "anchor_unlinked" },
      });
      await rewrite({ heads: first.heads, hash: first.hash });
      expect((await verifyAuditTrail(db)).intact).toBe(true);
    });

    it("keeps the entries written before per-organisation chains verifiable, as the genesis segment", async () => {
      const genesis = await db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.chain} is null`)
        .orderBy(asc(auditLog.seq));
      expect(genesis.map((entry) => entry.action)).toEqual(["legacy.entry", "legacy.entry", "legacy.entry"]);
      const [first] = await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq));
      expect(first?.heads.genesis).toEqual({ seq: genesis[2]?.seq, hash: genesis[2]?.hash });
      await tampered(db, () => db.delete(auditLog).where(eq(auditLog.seq, genesis[2]?.seq ?? 0)));
      expect(await verifyAuditTrail(db)).toMatchObject({
        intact: false,
        broken: { kind: "entry", seq: genesis[2]?.seq, chain: "genesis", reason: "anchored_head_missing" },
      });
      await tampered(db, () => db.insert(auditLog).values(genesis.slice(2)));
      expect((await verifyAuditTrail(db)).intact).toBe(true);
    });
  },
);
