import { type ChangeNotice, changeNotices, type Db } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { type ChangeRefusal, changeRefusal } from "./plan-change.js";

/**
 * The customer's signature of a new version (DSN 10.1, DSN-BIL-02: the general conditions and the
 * security annex change only "par la signature par les Parties d'une nouvelle version"). Signing
 * again changes nothing and answers the first signature.
 */
export async function signNotice(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; noticeId: string },
  now: Date,
): Promise<{ ok: true; notice: ChangeNotice; replayed: boolean } | ChangeRefusal | "not_found"> {
  const where = and(
    eq(changeNotices.id, input.noticeId),
    eq(changeNotices.organisationId, input.organisationId),
  );
  const [notice] = await tx.select().from(changeNotices).where(where);
  if (!notice) return "not_found";
  if (!notice.signatureRequired) return changeRefusal("notice.no_signature", notice.clause);
  const [signed] = await tx
    .update(changeNotices)
    .set({ signedAt: now, signedBy: actor.userId })
    .where(and(where, isNull(changeNotices.signedAt)))
    .returning();
  if (!signed) return { ok: true, notice, replayed: true };
  await recordAudit(
    tx,
    actor,
    {
      action: "change_notice.signed",
      organisationId: input.organisationId,
      targetType: "change_notice",
      targetId: notice.id,
      data: { changeId: notice.changeId, letterSha256: notice.letterSha256, clause: notice.clause },
    },
    now,
  );
  return { ok: true, notice: signed, replayed: false };
}
