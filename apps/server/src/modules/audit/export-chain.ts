import { auditAnchors, auditLog, type Db, rowsOf } from "@guichet/db";
import { asc, eq, sql } from "drizzle-orm";
import { type AnchoredHead, anchorLeaves, type HashedAuditFields } from "./audit-hash.js";
import { PROVIDER_CHAIN } from "./record-audit.js";

export const CHAIN_EXPORT_FORMAT = "guichet-audit-chain/1";

/** One entry of an exported chain: every field its hash covers, its sequence number and hash. */
export type ExportedEntry = Omit<HashedAuditFields, "at"> & { seq: number; at: string; hash: string };

/** An anchor that recorded a head of the chain: the chain's head, and the leaves its hash covers. */
export interface ExportedAnchor {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
  /** The head of this chain the anchor recorded. */
  head: AnchoredHead;
  /** The leaf of every head the anchor recorded (this chain's among them), sorted. */
  leaves: string[];
}

/** What a customer's security officer downloads and verifies offline (`guichet audit verify --file`). */
export interface ChainExport {
  format: typeof CHAIN_EXPORT_FORMAT;
  organisationId: string;
  /** The chain's key: the organisation's id, or the provider's chain (nil UUID) for the provider. */
  chain: string;
  exportedAt: string;
  entries: ExportedEntry[];
  anchors: ExportedAnchor[];
}

/**
 * One organisation's audit chain, whole, with the anchors that recorded its heads (DSN-SEC-01).
 * The other chains' heads in those anchors are given as leaves only (anchorLeaf), which say
 * nothing of them but let each anchor's hash be checked. Run in the caller's tenant transaction:
 * a customer reads only its own chain and the anchors that cover it (migration 0017).
 */
export async function exportChain(db: Db, organisationId: string, now: Date): Promise<ChainExport> {
  const [found] = rowsOf<{ chain: string }>(
    await db.execute(sql`select audit_chain_of(${organisationId}::uuid)::text as chain`),
  );
  const chain = found?.chain ?? organisationId;
  const entries = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.chain, chain))
    .orderBy(asc(auditLog.seq));
  const anchors = await db
    .select()
    .from(auditAnchors)
    .where(sql`${auditAnchors.heads} ? ${chain}`)
    .orderBy(asc(auditAnchors.seq));
  return {
    format: CHAIN_EXPORT_FORMAT,
    organisationId,
    chain,
    exportedAt: now.toISOString(),
    entries: entries.map(({ chain: _chain, at, ...entry }) => ({ ...entry, at: at.toISOString() })),
    anchors: anchors.flatMap((anchor) => {
      const head = anchor.heads[chain];
      if (!head) return [];
      return [
        {
          seq: anchor.seq,
          at: anchor.at.toISOString(),
          prevHash: anchor.prevHash,
          hash: anchor.hash,
          head,
          leaves: anchorLeaves(anchor.heads),
        },
      ];
    }),
  };
}

/** Which chain an organisation's entries belong to, as an export says it (its chain and organisation). */
export function chainOfExport(exported: Pick<ChainExport, "chain" | "organisationId">) {
  return (organisationId: string | null): string =>
    exported.chain === PROVIDER_CHAIN
      ? organisationId === null || organisationId === exported.organisationId
        ? PROVIDER_CHAIN
        : organisationId
      : (organisationId ?? PROVIDER_CHAIN);
}
