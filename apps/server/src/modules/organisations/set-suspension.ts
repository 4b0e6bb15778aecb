import { type Db, organisations, securityIncidents } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit.js";
import { recordAudit } from "../audit/record-audit.js";

/**
 * Suspends an organisation at once, without notice (DSN-SEC-02, MCR-ACC-06), or lifts the
 * suspension. Nothing is deleted: every session and token of the organisation is refused while
 * it is suspended (checked on each request) and works again when lifted.
 * A suspension for a security incident names it (DSN-SEC-02, annex 2 §4: "pour la durée
 * nécessaire à la résolution complète de l'incident"): the incident must be the organisation's;
 * lifting the suspension unlinks it.
 */
export async function setSuspension(
  db: Db,
  actor: AuditActor,
  input: { organisationId: string; suspended: boolean; reason: string; clause: string; incidentId?: string },
  now: Date,
): Promise<"changed" | "unchanged" | "not_found" | "incident_not_found" | "incident_elsewhere"> {
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.kind, "customer")));
    if (!organisation) return "not_found";
    let incident: { id: string; reference: string } | undefined;
    if (input.incidentId) {
      const [found] = await tx
        .select({
          id: securityIncidents.id,
          reference: securityIncidents.reference,
          of: securityIncidents.organisationId,
        })
        .from(securityIncidents)
        .where(eq(securityIncidents.id, input.incidentId));
      if (!found) return "incident_not_found";
      if (found.of !== organisation.id) return "incident_elsewhere";
      incident = found;
    }
    const status = input.suspended ? "suspended" : "active";
    if (organisation.status === status) return "unchanged";
    await tx
      .update(organisations)
      .set({ status, suspensionIncidentId: incident?.id ?? null })
      .where(eq(organisations.id, organisation.id));
    await recordAudit(
      tx,
      actor,
      {
        action: input.suspended ? "organisation.suspend" : "organisation.lift_suspension",
        organisationId: organisation.id,
        targetType: "organisation",
        targetId: organisation.id,
        data: {
          reason: input.reason,
          clause: input.clause,
          ...(incident ? { incidentId: incident.id, incidentReference: incident.reference } : {}),
        },
      },
      now,
    );
    return "changed";
  });
}
