import { type Db, maintenanceWindows } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { tellPeopleConcerned } from "./maintenance-mail.js";
import type { MaintenanceWindow } from "./present-maintenance.js";
import { type Refusal, refusal } from "./refusal.js";

export type CancelMaintenanceResult =
  | { ok: true; window: MaintenanceWindow; told: { people: number; organisations: number } }
  | Refusal
  | undefined;

/**
 * Cancels an announced maintenance that has not ended, and tells the customers holding the
 * service (DSN-SUP-07). Tickets already marked during a window under way stay marked: they were
 * opened while the service was announced as under maintenance. The reason is kept in the audit
 * trail and the mails. Undefined when there is no such maintenance.
 */
export async function cancelMaintenance(
  db: Db,
  context: Pick<AppContext, "contract" | "config">,
  maintenanceId: string,
  reason: string,
  actor: AuditActor,
  now: Date,
): Promise<CancelMaintenanceResult> {
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    // Locked so two cancellations cannot both mail the customers.
    const [current] = await tx
      .select()
      .from(maintenanceWindows)
      .where(eq(maintenanceWindows.id, maintenanceId))
      .for("update");
    if (!current) return undefined;
    if (current.cancelledAt) return refusal("maintenance.already_cancelled");
    if (current.endsAt <= now) return refusal("maintenance.already_over");
    const [window] = await tx
      .update(maintenanceWindows)
      .set({ cancelledAt: now, cancelledByLabel: actor.label, cancellationReason: reason })
      .where(eq(maintenanceWindows.id, maintenanceId))
      .returning();
    if (!window) throw new Error("cancelMaintenance: update returned nothing");
    const told = await tellPeopleConcerned(
      scoped,
      context,
      window,
      { kind: "maintenance_cancelled", reason },
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "maintenance.cancelled",
        targetType: "maintenance_window",
        targetId: window.id,
        data: {
          catalogueItemId: window.catalogueItemId,
          startsAt: window.startsAt.toISOString(),
          reason,
          told,
          clause: context.contract.ticketWorkflow.maintenance?.clause,
        },
      },
      now,
    );
    return { ok: true as const, window, told };
  });
}
