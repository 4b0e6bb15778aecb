import { type ChangeNotice, changeNotices, type Db } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * A customer's person marks a notice read (the read receipt staff see): the first reading is kept,
 * a second changes nothing.
 */
export async function readNotice(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; noticeId: string },
  now: Date,
): Promise<ChangeNotice | "not_found"> {
  const where = and(
    eq(changeNotices.id, input.noticeId),
    eq(changeNotices.organisationId, input.organisationId),
  );
  const [read] = await tx
    .update(changeNotices)
    .set({ readAt: now, readBy: actor.userId })
    .where(and(where, isNull(changeNotices.readAt)))
    .returning();
  if (!read) {
    const [notice] = await tx.select().from(changeNotices).where(where);
    return notice ?? "not_found";
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "change_notice.read",
      organisationId: input.organisationId,
      targetType: "change_notice",
      targetId: read.id,
      data: { changeId: read.changeId },
    },
    now,
  );
  return read;
}
