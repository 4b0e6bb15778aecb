import { auditLog, type Db } from "@guichet/db";
import { asc, gt } from "drizzle-orm";
import { auditEntryHash, GENESIS_HASH } from "./audit-hash.js";

export type AuditVerification =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenSeq: number; reason: "content_changed" | "chain_broken" };

const PAGE = 1000;

/** Walks the whole trail in order and names the first entry whose hash or link does not hold. */
export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let entries = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, afterSeq))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of page) {
      const { seq, hash, ...fields } = row;
      if (fields.prevHash !== prevHash)
        return { intact: false, entries, brokenSeq: seq, reason: "chain_broken" };
      if (auditEntryHash(fields) !== hash) {
        return { intact: false, entries, brokenSeq: seq, reason: "content_changed" };
      }
      prevHash = hash;
      afterSeq = seq;
      entries += 1;
    }
    if (page.length < PAGE) return { intact: true, entries };
  }
}
