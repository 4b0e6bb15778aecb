import { type Db, portalOutages } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { outageClauseOf, type PortalOutage } from "./present-outage.js";
import { type Refusal, refusal } from "./refusal.js";

/**
 * The portal is reachable again: the outage ends now, and e-mail stops opening tickets for plans
 * that take it only meanwhile (MCR-SUP-03, DSN-SUP-08). Ending one not started yet withdraws it
 * (it ends at its start, so it never was in force). Undefined when there is no such outage.
 */
export async function endPortalOutage(
  db: Db,
  context: Pick<AppContext, "contract">,
  outageId: string,
  actor: AuditActor,
  now: Date,
): Promise<{ ok: true; outage: PortalOutage } | Refusal | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(portalOutages)
      .where(eq(portalOutages.id, outageId))
      .for("update");
    if (!current) return undefined;
    if (current.endsAt && current.endsAt <= now) return refusal("outage.already_ended");
    const endsAt = current.startsAt > now ? current.startsAt : now;
    const [outage] = await tx
      .update(portalOutages)
      .set({ endsAt })
      .where(eq(portalOutages.id, outageId))
      .returning();
    if (!outage) throw new Error("endPortalOutage: update returned nothing");
    await recordAudit(
      tx,
      actor,
      {
        action: "portal_outage.ended",
        targetType: "portal_outage",
        targetId: outage.id,
        data: {
          startsAt: outage.startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          withdrawn: current.startsAt > now,
          clause: outageClauseOf(context.contract),
        },
      },
      now,
    );
    return { ok: true as const, outage };
  });
}
