import { type Db, type SecurityIncident, securityIncidents } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * The provider's security staff mark an incident resolved ("la résolution complète de
 * l'incident", annex 2 §4); a suspension made for it is lifted apart, by its own audited act.
 * Resolving again changes nothing.
 */
export async function resolveIncident(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: { incidentId: string; clause: string },
  now: Date,
): Promise<SecurityIncident | "not_found"> {
  const [resolved] = await tx
    .update(securityIncidents)
    .set({ resolvedAt: now, resolvedBy: actor.userId })
    .where(and(eq(securityIncidents.id, input.incidentId), isNull(securityIncidents.resolvedAt)))
    .returning();
  if (!resolved) {
    const [incident] = await tx
      .select()
      .from(securityIncidents)
      .where(eq(securityIncidents.id, input.incidentId));
    return incident ?? "not_found";
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "security_incident.resolved",
      organisationId: resolved.organisationId,
      targetType: "security_incident",
      targetId: resolved.id,
      data: { reference: resolved.reference, clause: input.clause },
    },
    now,
  );
  return resolved;
}
