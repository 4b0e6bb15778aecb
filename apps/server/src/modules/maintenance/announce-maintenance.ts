import { type Db, maintenanceWindows } from "@guichet/db";
import { checkMaintenancePlan, localDateIn, maintenanceNoticeOf } from "@guichet/domain";
import type { AppContext } from "../../app-context.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { readConditionsInForce } from "../catalogue/specific-conditions.js";
import { tellPeopleConcerned } from "./maintenance-mail.js";
import type { MaintenanceWindow } from "./present-maintenance.js";
import { type Refusal, refusal } from "./refusal.js";

export interface AnnounceMaintenanceInput {
  catalogueItemId: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  expectedMinutes: number;
}

export type AnnounceMaintenanceResult =
  | { ok: true; window: MaintenanceWindow; told: { people: number; organisations: number } }
  | Refusal;

/**
 * Announces a scheduled maintenance of a service (DSN-SUP-07) when the contract provides for it and
 * the notice is respected, then tells the customers holding the service, all in one transaction.
 * Tickets opened about the service during the window are marked by openTicket and left out of SLA
 * statistics; none opened before can be, since the notice makes the announcement come first.
 */
export async function announceMaintenance(
  db: Db,
  context: Pick<AppContext, "contract" | "config">,
  input: AnnounceMaintenanceInput,
  announcer: { userId: string; actor: AuditActor },
  now: Date,
): Promise<AnnounceMaintenanceResult> {
  const { contract } = context;
  const maintenance = contract.ticketWorkflow.maintenance;
  if (!maintenance) return refusal("maintenance.not_in_contract");
  if (!contract.catalogue.items.some((item) => item.id === input.catalogueItemId))
    return refusal("maintenance.unknown_service", maintenance.clause, { item: input.catalogueItemId });
  const timeZone = timeZoneOf(contract);
  // DSN art. 14: "un préavis indiqué dans les Conditions Spécifiques de chaque e-service": the
  // version in force for this e-service on the day it is announced; none recorded, none applied.
  const term = maintenance.notice;
  const conditions =
    term.kind === "elsewhere" && term.document === "specific-conditions"
      ? await readConditionsInForce(db, input.catalogueItemId, localDateIn(now, timeZone))
      : null;
  const notice = maintenanceNoticeOf(term, conditions);
  const decision = checkMaintenancePlan({ ...input, announcedAt: now }, notice, timeZone, maintenance.clause);
  if (!decision.ok) {
    switch (decision.reason) {
      case "notice_too_short":
        return refusal("maintenance.notice_too_short", decision.clause, {
          earliestStart: decision.earliestStart,
          ...(notice.duration ? { notice: notice.duration } : {}),
        });
      case "duration_exceeds_window":
        return refusal("maintenance.duration_exceeds_window", decision.clause, {
          expected: input.expectedMinutes,
          window: decision.windowMinutes,
        });
      default:
        return refusal("maintenance.ends_before_start", decision.clause);
    }
  }

  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    const [window] = await tx
      .insert(maintenanceWindows)
      .values({
        ...input,
        announcedAt: now,
        announcedByUserId: announcer.userId,
        notice: notice.duration?.text ?? null,
        noticeSource: notice.source,
        noticeDocument: notice.document,
      })
      .returning();
    if (!window) throw new Error("announceMaintenance: insert returned nothing");
    const told = await tellPeopleConcerned(scoped, context, window, { kind: "maintenance_announced" }, now);
    await recordAudit(
      tx,
      announcer.actor,
      {
        action: "maintenance.announced",
        targetType: "maintenance_window",
        targetId: window.id,
        data: {
          catalogueItemId: window.catalogueItemId,
          startsAt: window.startsAt.toISOString(),
          endsAt: window.endsAt.toISOString(),
          expectedMinutes: window.expectedMinutes,
          notice: notice.duration?.text ?? "none",
          noticeSource: notice.source,
          noticeDocument: notice.document,
          told,
          clause: maintenance.clause,
        },
      },
      now,
    );
    return { ok: true as const, window, told };
  });
}
