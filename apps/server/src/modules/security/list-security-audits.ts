import { type Db, organisations, type SecurityAudit, securityAudits } from "@guichet/db";
import { and, desc, eq } from "drizzle-orm";

export type ListedAudit = SecurityAudit & { organisationName: string };

/** Audits and their remediation plans (DSN-SEC-05), newest first: all for staff, its own for an operator. */
export async function listSecurityAudits(
  tx: Db,
  filter: { organisationId?: string; auditId?: string } = {},
): Promise<ListedAudit[]> {
  const rows = await tx
    .select({ audit: securityAudits, organisationName: organisations.name })
    .from(securityAudits)
    .innerJoin(organisations, eq(organisations.id, securityAudits.organisationId))
    .where(
      and(
        filter.organisationId ? eq(securityAudits.organisationId, filter.organisationId) : undefined,
        filter.auditId ? eq(securityAudits.id, filter.auditId) : undefined,
      ),
    )
    .orderBy(desc(securityAudits.notifiedAt))
    .limit(500);
  return rows.map(({ audit, organisationName }) => ({ ...audit, organisationName }));
}
