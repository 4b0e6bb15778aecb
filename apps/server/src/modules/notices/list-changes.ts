import {
  type ChangeNotice,
  type ContractChange,
  changeNotices,
  contractChanges,
  type Db,
  organisations,
} from "@guichet/db";
import { asc, desc, eq, getTableColumns, inArray } from "drizzle-orm";

export interface ChangeWithRecipients {
  change: ContractChange;
  recipients: (Omit<ChangeNotice, "letterPdf"> & { organisationName: string })[];
}

/**
 * Every change announced, latest first, with each recipient's notice: when it was made available,
 * mailed, read, and signed where a signature is awaited (who has not signed shows as such).
 */
export async function listChanges(db: Db, limit = 50): Promise<ChangeWithRecipients[]> {
  const changes = await db
    .select()
    .from(contractChanges)
    .orderBy(desc(contractChanges.announcedAt))
    .limit(limit);
  if (changes.length === 0) return [];
  const { letterPdf: _pdf, ...columns } = getTableColumns(changeNotices);
  const rows = await db
    .select({ ...columns, organisationName: organisations.name })
    .from(changeNotices)
    .innerJoin(organisations, eq(organisations.id, changeNotices.organisationId))
    .where(
      inArray(
        changeNotices.changeId,
        changes.map((c) => c.id),
      ),
    )
    .orderBy(asc(organisations.name));
  return changes.map((change) => ({ change, recipients: rows.filter((r) => r.changeId === change.id) }));
}
