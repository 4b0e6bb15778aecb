import { auditLog, type Db, users } from "@guichet/db";
import { and, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";

export interface AuditQuery {
  /** The person (their identifier's id). */
  userId?: string;
  /** An identifier by e-mail address: every identifier that ever had it. */
  email?: string;
  organisationId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries before this sequence number (the previous page's last). */
  beforeSeq?: number;
  limit: number;
}

export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * The security officer's search (DSN-SEC-01): "who used identifier X between A and B" is
 * `{ email: X, from: A, to: B }`. Newest first, paginated by sequence number.
 */
export async function searchAudit(db: Db, query: AuditQuery): Promise<AuditEntry[]> {
  const filters: SQL[] = [];
  if (query.userId) filters.push(eq(auditLog.actorUserId, query.userId));
  if (query.email) {
    const ids = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, query.email.trim().toLowerCase()));
    if (ids.length === 0) return [];
    filters.push(
      inArray(
        auditLog.actorUserId,
        ids.map((row) => row.id),
      ),
    );
  }
  if (query.organisationId) filters.push(eq(auditLog.organisationId, query.organisationId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.from) filters.push(gte(auditLog.at, query.from));
  if (query.to) filters.push(lt(auditLog.at, query.to));
  if (query.beforeSeq) filters.push(lt(auditLog.seq, query.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
}
