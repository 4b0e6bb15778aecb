import { type Db, portalOutages } from "@guichet/db";
import { and, gt, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { outageClauseOf, type PortalOutage } from "./present-outage.js";
import { type Refusal, refusal } from "./refusal.js";

/** Arbitrary but fixed key of the advisory lock that serialises declarations, so two cannot overlap. */
const OUTAGE_LOCK = 7_260_002;

export interface DeclareOutageInput {
  reason: string;
  /** Null: now. Earlier: the portal has been unreachable since then, recorded as it happened. */
  startsAt: Date | null;
  /** Null: until the provider ends it. */
  endsAt: Date | null;
}

/**
 * The provider declares the portal unavailable: meanwhile e-mail opens tickets for every plan
 * (MCR-SUP-03) or at the fallback address (DSN-SUP-08), which openTicket and the mail intake read
 * from activePortalOutage. Outages may not overlap, so "the current one" is never ambiguous.
 */
export async function declarePortalOutage(
  db: Db,
  context: Pick<AppContext, "contract">,
  input: DeclareOutageInput,
  declarer: { userId: string; actor: AuditActor },
  now: Date,
): Promise<{ ok: true; outage: PortalOutage } | Refusal> {
  const startsAt = input.startsAt ?? now;
  const { endsAt } = input;
  if (endsAt && endsAt <= startsAt) return refusal("outage.ends_before_start");
  const clause = outageClauseOf(context.contract) ?? undefined;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${OUTAGE_LOCK})`);
    // A withdrawn outage (ended at its start) covers no instant and clashes with nothing.
    const stillOpen = or(
      isNull(portalOutages.endsAt),
      and(gt(portalOutages.endsAt, startsAt), gt(portalOutages.endsAt, portalOutages.startsAt)),
    );
    const overlapping: SQL[] = [stillOpen as SQL];
    if (endsAt) overlapping.push(lt(portalOutages.startsAt, endsAt));
    const [clash] = await tx
      .select({ id: portalOutages.id })
      .from(portalOutages)
      .where(and(...overlapping))
      .limit(1);
    if (clash) return refusal("outage.overlaps", clause, { outageId: clash.id });
    const [outage] = await tx
      .insert(portalOutages)
      .values({ reason: input.reason, startsAt, endsAt, declaredByUserId: declarer.userId })
      .returning();
    if (!outage) throw new Error("declarePortalOutage: insert returned nothing");
    await recordAudit(
      tx,
      declarer.actor,
      {
        action: "portal_outage.declared",
        targetType: "portal_outage",
        targetId: outage.id,
        data: {
          reason: outage.reason,
          startsAt: outage.startsAt.toISOString(),
          endsAt: outage.endsAt?.toISOString() ?? null,
          clause,
        },
      },
      now,
    );
    return { ok: true as const, outage };
  });
}
