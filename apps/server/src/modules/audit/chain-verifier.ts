import {
  type AnchoredHead,
  anchorHash,
  anchorLeaf,
  auditEntryHash,
  GENESIS_CHAIN,
  GENESIS_HASH,
  type HashedAuditFields,
} from "./audit-hash.js";

/** An entry as its chain holds it: what its hash covers, its place, its chain (null: genesis segment). */
export interface ChainedEntry extends HashedAuditFields {
  seq: number;
  chain: string | null;
  hash: string;
}

/**
 * An anchor as it is checked: the leaves its hash covers, and the heads it records that can be
 * checked against the entries at hand (every head for the whole trail, one for a customer's export).
 */
export interface CheckedAnchor {
  seq: number;
  at: Date;
  prevHash: string;
  hash: string;
  leaves: readonly string[];
  heads: Record<string, AnchoredHead>;
}

export type BreakReason =
  /** The entry's content no longer hashes to its hash. */
  | "content_changed"
  /** The entry does not link to the previous entry of its chain (one deleted or inserted before it). */
  | "chain_broken"
  /** The entry is about another organisation than its chain's. */
  | "wrong_chain"
  /** An anchor recorded another hash for this entry, the head of its chain then. */
  | "anchored_head_changed"
  /** An anchor recorded this entry as its chain's head, and it is gone: the chain's tail was deleted. */
  | "anchored_head_missing"
  /** The anchor's content no longer hashes to its hash, or a head it records is not among its leaves. */
  | "anchor_changed"
  /** The anchor does not link to the previous anchor. */
  | "anchor_unlinked";

/** The first thing found broken: an entry of a chain, or an anchor. */
export interface AuditBreak {
  kind: "entry" | "anchor";
  seq: number;
  /** The chain: a customer organisation's id, the provider's (nil UUID) or "genesis"; null for an anchor. */
  chain: string | null;
  reason: BreakReason;
  /** The anchor that recorded the head found changed or missing. */
  anchorSeq?: number;
}

export interface VerificationCounts {
  entries: number;
  chains: number;
  anchors: number;
}

export type AuditVerification =
  | ({ intact: true } & VerificationCounts)
  | ({ intact: false; broken: AuditBreak } & VerificationCounts);

/**
 * Checks hash chains and their anchors (DSN-SEC-01), whatever they come from: the whole trail in
 * the database (verify-audit.ts) or one organisation's export, offline (verify-export.ts). Anchors
 * first, in order, then entries in sequence order, then `finish`; each step answers the first
 * break it finds. With `linkedAnchors`, every anchor must link to the one before it (the whole
 * anchor chain is at hand); `chainOf` says which chain an organisation's entries belong to.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, string>();
  /** Heads recorded by anchors, by the entry's seq, not yet met among the entries. */
  private readonly anchored = new Map<number, { chain: string; hash: string; anchorSeq: number }>();
  private lastAnchorHash = GENESIS_HASH;
  readonly counts: VerificationCounts = { entries: 0, chains: 0, anchors: 0 };

  constructor(
    private readonly options: {
      linkedAnchors: boolean;
      chainOf?: (organisationId: string | null) => string;
    },
  ) {}

  anchor(anchor: CheckedAnchor): AuditBreak | null {
    const broken = (reason: BreakReason): AuditBreak => ({
      kind: "anchor",
      seq: anchor.seq,
      chain: null,
      reason,
    });
    if (this.options.linkedAnchors && anchor.prevHash !== this.lastAnchorHash)
      return broken("anchor_unlinked");
    if (anchorHash(anchor) !== anchor.hash) return broken("anchor_changed");
    const leaves = new Set(anchor.leaves);
    for (const [chain, head] of Object.entries(anchor.heads)) {
      if (!leaves.has(anchorLeaf(chain, head))) return broken("anchor_changed");
      if (!this.anchored.has(head.seq))
        this.anchored.set(head.seq, { chain, hash: head.hash, anchorSeq: anchor.seq });
    }
    this.lastAnchorHash = anchor.hash;
    this.counts.anchors += 1;
    return null;
  }

  entry(entry: ChainedEntry): AuditBreak | null {
    const { seq, chain, hash, ...fields } = entry;
    const key = chain ?? GENESIS_CHAIN;
    const broken = (reason: BreakReason, anchorSeq?: number): AuditBreak => ({
      kind: "entry",
      seq,
      chain: key,
      reason,
      ...(anchorSeq === undefined ? {} : { anchorSeq }),
    });
    const { chainOf } = this.options;
    if (chain !== null && chainOf && chainOf(fields.organisationId) !== chain) return broken("wrong_chain");
    const prev = this.heads.get(key);
    if (fields.prevHash !== (prev ?? GENESIS_HASH)) return broken("chain_broken");
    if (auditEntryHash(fields) !== hash) return broken("content_changed");
    const anchored = this.anchored.get(seq);
    if (anchored) {
      if (anchored.chain !== key || anchored.hash !== hash)
        return broken("anchored_head_changed", anchored.anchorSeq);
      this.anchored.delete(seq);
    }
    if (prev === undefined) this.counts.chains += 1;
    this.heads.set(key, hash);
    this.counts.entries += 1;
    return null;
  }

  /** After the last entry: a head an anchor recorded and no entry matched is a deleted tail. */
  finish(): AuditBreak | null {
    let first: AuditBreak | null = null;
    for (const [seq, { chain, anchorSeq }] of this.anchored) {
      if (!first || seq < first.seq)
        first = { kind: "entry", seq, chain, reason: "anchored_head_missing", anchorSeq };
    }
    return first;
  }

  result(broken: AuditBreak | null): AuditVerification {
    return broken ? { intact: false, broken, ...this.counts } : { intact: true, ...this.counts };
  }
}
