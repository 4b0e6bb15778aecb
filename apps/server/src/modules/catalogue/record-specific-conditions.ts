import { type ContractChange, contractChanges, type Db, specificConditions } from "@guichet/db";
import { localDateIn } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import type { Locale } from "../../i18n/index.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { announceChange } from "../notices/announce-change.js";
import { conditionsWords } from "../notices/conditions-words.js";
import type { ChangeRefusal } from "../notices/plan-change.js";
import { isDirect, type NewConditions, planConditionsChange } from "../notices/plan-conditions-change.js";
import { usesSpecificConditions } from "./specific-conditions.js";

export type RecordConditionsOutcome =
  | { ok: true; noticed: null }
  | {
      ok: true;
      noticed: { change: ContractChange; notices: number; mailed: number; replayed: boolean };
    }
  | { ok: false; reason: "unknown_item" | "not_specific" | "exists" }
  | ChangeRefusal;

/**
 * Records a version of an item's specific conditions, in force from its date (DSN art. 4.2, 6, 9,
 * 14). Earlier versions stay: a change never rewrites what was in force before it. First values,
 * or a version no operator holds, are recorded directly; a version replacing one in force for
 * operators goes through the notice (DSN 10.2, DSN-BIL-01, DSN-BIL-02: announceChange, refused
 * inside the notice with its clause, each holder notified). Audited.
 */
export async function recordSpecificConditions(
  context: AppContext,
  actor: AuditActor & { userId: string },
  input: NewConditions & { idempotencyKey: string },
  locale: Locale,
  now: Date,
): Promise<RecordConditionsOutcome> {
  const { db } = context.database;
  const { contract } = context;
  const { idempotencyKey, ...conditions } = input;
  const item = contract.catalogue.items.find((i) => i.id === conditions.catalogueItemId);
  if (!item) return { ok: false, reason: "unknown_item" };
  if (!usesSpecificConditions(contract, conditions.catalogueItemId))
    return { ok: false, reason: "not_specific" };
  const today = localDateIn(now, timeZoneOf(contract));
  // The same key again answers the first announcement (announceChange replays it), not a conflict.
  const [replay] = await db
    .select({ id: contractChanges.id })
    .from(contractChanges)
    .where(eq(contractChanges.idempotencyKey, idempotencyKey));
  const planned = replay ? undefined : await planConditionsChange(db, contract, conditions, today);
  if (planned && !planned.ok) return planned;
  if (planned && isDirect(planned)) return recordDirectly(db, actor, conditions, now);
  const result = await announceChange(
    db,
    context,
    {
      kind: "specific-conditions",
      title: `${conditions.documentTitle} — ${conditions.documentVersion}`.slice(0, 200),
      body: planned
        ? conditionsWords(
            item.name[locale] ?? item.name.fr,
            planned.inForce,
            conditions,
            locale,
            contract.currency,
          )
        : "",
      effectiveFrom: conditions.effectiveFrom,
      prices: [],
      conditions,
      idempotencyKey,
    },
    { userId: actor.userId, actor },
    now,
  );
  if (!result.ok) return result;
  const { ok: _ok, ...noticed } = result;
  return { ok: true, noticed };
}

async function recordDirectly(
  db: Db,
  actor: AuditActor,
  input: NewConditions,
  now: Date,
): Promise<RecordConditionsOutcome> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [existing] = await tx
      .select({ id: specificConditions.id })
      .from(specificConditions)
      .where(
        and(
          eq(specificConditions.catalogueItemId, input.catalogueItemId),
          eq(specificConditions.effectiveFrom, input.effectiveFrom),
        ),
      );
    if (existing) return { ok: false, reason: "exists" } as const;
    const [row] = await tx
      .insert(specificConditions)
      .values({ ...input, demo: false, createdByUserId: actor.userId, createdAt: now })
      .returning({ id: specificConditions.id });
    await recordAudit(
      tx,
      actor,
      {
        action: "specific_conditions.record",
        targetType: "specific_conditions",
        targetId: row?.id,
        data: { ...input },
      },
      now,
    );
    return { ok: true, noticed: null } as const;
  });
}
