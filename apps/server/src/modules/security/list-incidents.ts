import { type Db, organisations, type SecurityIncident, securityIncidents } from "@guichet/db";
import { and, desc, eq } from "drizzle-orm";

export type ListedIncident = SecurityIncident & { organisationName: string; suspendedAccess: boolean };

/**
 * Security incidents both ways (DSN-SEC-04), newest first: every operator's for the provider's
 * security staff, its own for an operator (row-level security keeps it so too), each saying
 * whether the operator's access is suspended for it (DSN-SEC-02).
 */
export async function listIncidents(
  tx: Db,
  filter: { organisationId?: string; incidentId?: string } = {},
): Promise<ListedIncident[]> {
  const rows = await tx
    .select({ incident: securityIncidents, organisation: organisations })
    .from(securityIncidents)
    .innerJoin(organisations, eq(organisations.id, securityIncidents.organisationId))
    .where(
      and(
        filter.organisationId ? eq(securityIncidents.organisationId, filter.organisationId) : undefined,
        filter.incidentId ? eq(securityIncidents.id, filter.incidentId) : undefined,
      ),
    )
    .orderBy(desc(securityIncidents.declaredAt))
    .limit(500);
  return rows.map(({ incident, organisation }) => ({
    ...incident,
    organisationName: organisation.name,
    suspendedAccess: organisation.status === "suspended" && organisation.suspensionIncidentId === incident.id,
  }));
}
