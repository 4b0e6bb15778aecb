import { auditAnchoredHeads, auditAnchors, type Db, rowsOf } from "@guichet/db";
import { desc, sql } from "drizzle-orm";
import { type AnchoredHead, anchorHash, anchorLeaves, GENESIS_CHAIN, GENESIS_HASH } from "./audit-hash.js";

/** Key of the advisory lock under which one process at a time anchors. */
const ANCHOR_LOCK = 7_260_003;

/**
 * The head of every chain: one index probe per chain (a loose scan of audit_log_chain_seq_idx),
 * and the genesis segment's, the entries before per-organisation chains.
 */
const currentHeads = sql`with recursive chains(chain) as (
    (select chain from audit_log where chain is not null order by chain limit 1)
    union all
    select (select a.chain from audit_log a where a.chain > c.chain order by a.chain limit 1)
    from chains c where c.chain is not null)
  select c.chain::text as chain, h.seq, h.hash from chains c,
    lateral (select seq, hash from audit_log where audit_log.chain = c.chain order by seq desc limit 1) h
  where c.chain is not null
  union all
  select ${GENESIS_CHAIN}, seq, hash from (select seq, hash from audit_log where chain is null order by seq desc limit 1) g`;

/**
 * The anchor sweep (DSN-SEC-01): the provider's anchor chain records the head of every chain that
 * moved since it last recorded it, hash-chained to the previous anchor. Once whatever the number
 * of server processes: one at a time under an advisory lock, at most one anchor a minute, and the
 * chains that moved derived from the database (the heads the last anchors recorded), so a run
 * repeated anchors nothing more.
 */
export async function anchorAuditChains(db: Db, now: Date): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${ANCHOR_LOCK}) as locked`),
    );
    if (!lock?.locked) return { anchored: 0, chains: 0 };
    const [last] = await tx.select().from(auditAnchors).orderBy(desc(auditAnchors.seq)).limit(1);
    const minute = (at: Date) => Math.floor(at.getTime() / 60_000);
    if (last && minute(last.at) >= minute(now)) return { anchored: 0, chains: 0 };
    const anchored = new Map(
      (await tx.select().from(auditAnchoredHeads)).map((row) => [row.chain, Number(row.seq)]),
    );
    const heads: Record<string, AnchoredHead> = {};
    for (const head of rowsOf<{ chain: string; seq: string; hash: string }>(await tx.execute(currentHeads))) {
      const seq = Number(head.seq);
      if (anchored.get(head.chain) !== seq) heads[head.chain] = { seq, hash: head.hash };
    }
    const moved = Object.entries(heads);
    if (moved.length === 0) return { anchored: 0, chains: 0 };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = anchorHash({ at: now, leaves: anchorLeaves(heads), prevHash });
    const [anchor] = await tx
      .insert(auditAnchors)
      .values({ at: now, heads, prevHash, hash })
      .returning({ seq: auditAnchors.seq });
    if (!anchor) throw new Error("anchorAuditChains: the anchor was not written");
    await tx
      .insert(auditAnchoredHeads)
      .values(moved.map(([chain, head]) => ({ chain, seq: head.seq, anchorSeq: anchor.seq })))
      .onConflictDoUpdate({
        target: auditAnchoredHeads.chain,
        set: { seq: sql`excluded.seq`, anchorSeq: sql`excluded.anchor_seq` },
      });
    return { anchored: 1, chains: moved.length };
  });
}
