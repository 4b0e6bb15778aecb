import { auditAnchors, auditLog, type Db, organisations } from "@guichet/db";
import { asc, eq, gt } from "drizzle-orm";
import { anchorLeaves } from "./audit-hash.js";
import { type AuditVerification, ChainVerifier } from "./chain-verifier.js";
import { PROVIDER_CHAIN } from "./record-audit.js";

export type { AuditVerification } from "./chain-verifier.js";

const PAGE = 1000;

/**
 * Checks the whole trail (DSN-SEC-01): the anchor chain, every organisation's chain and the
 * genesis segment, each entry's hash and link, and that every head an anchor recorded is still
 * there; answers the first break, naming its entry (or anchor) and its chain.
 */
export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const providers = new Set(
    (
      await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, "provider"))
    ).map((row) => row.id),
  );
  const verifier = new ChainVerifier({
    linkedAnchors: true,
    chainOf: (organisationId) =>
      organisationId === null || providers.has(organisationId) ? PROVIDER_CHAIN : organisationId,
  });
  for (const anchor of await db.select().from(auditAnchors).orderBy(asc(auditAnchors.seq))) {
    const broken = verifier.anchor({ ...anchor, leaves: anchorLeaves(anchor.heads) });
    if (broken) return verifier.result(broken);
  }
  let afterSeq = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const entry of page) {
      const broken = verifier.entry(entry);
      if (broken) return verifier.result(broken);
      afterSeq = entry.seq;
    }
    if (page.length < PAGE) return verifier.result(verifier.finish());
  }
}
