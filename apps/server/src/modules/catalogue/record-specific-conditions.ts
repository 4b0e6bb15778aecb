import { specificConditions } from "@guichet/db";
import type { SpecificConditions } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { usesSpecificConditions } from "./specific-conditions.js";

export type RecordConditionsOutcome =
  | { ok: true }
  | { ok: false; reason: "unknown_item" | "not_specific" | "exists" };

/**
 * Records a version of an item's specific conditions, in force from its date (DSN art. 4.2, 6, 9,
 * 14). Earlier versions stay: a change never rewrites what was in force before it. Audited.
 */
export async function recordSpecificConditions(
  context: AppContext,
  actor: AuditActor,
  input: Omit<SpecificConditions, "demo">,
  now: Date,
): Promise<RecordConditionsOutcome> {
  const { db } = context.database;
  if (!context.contract.catalogue.items.some((i) => i.id === input.catalogueItemId)) {
    return { ok: false, reason: "unknown_item" };
  }
  if (!usesSpecificConditions(context.contract, input.catalogueItemId))
    return { ok: false, reason: "not_specific" };
  const [existing] = await db
    .select({ id: specificConditions.id })
    .from(specificConditions)
    .where(
      and(
        eq(specificConditions.catalogueItemId, input.catalogueItemId),
        eq(specificConditions.effectiveFrom, input.effectiveFrom),
      ),
    );
  if (existing) return { ok: false, reason: "exists" };
  const [row] = await db
    .insert(specificConditions)
    .values({ ...input, demo: false, createdByUserId: actor.userId, createdAt: now })
    .returning({ id: specificConditions.id });
  await recordAudit(
    db,
    actor,
    {
      action: "specific_conditions.record",
      targetType: "specific_conditions",
      targetId: row?.id,
      data: { ...input },
    },
    now,
  );
  return { ok: true };
}
