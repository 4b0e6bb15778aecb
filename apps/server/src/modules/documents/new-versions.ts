import { changeNotices, contractChanges, type Db } from "@guichet/db";
import { type ChangeStanding, changeStanding, localDateIn } from "@guichet/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

/** Kinds of change that replace a document of the contract by a new version (DSN 10.1). */
const VERSION_KINDS = ["general-conditions", "security-annex", "annex"] as const;

export const ZNewVersion = z
  .object({
    changeId: z.string(),
    noticeId: z.string(),
    kind: z.enum(VERSION_KINDS),
    title: z.string(),
    effectiveFrom: z.string(),
    clause: z.string(),
    signatureRequired: z.boolean(),
    /** Whether it binds the customer today: a version to sign does not until signed (DSN 10.1). */
    standing: z.object({
      state: z.enum(["awaiting-signature", "to-come", "in-force"]),
      from: z.string().nullable(),
    }),
  })
  .meta({ id: "NewContractVersion" });
export type NewVersion = z.infer<typeof ZNewVersion>;

/**
 * The new versions of the general conditions and their annexes announced to a customer (DSN 10.1,
 * DSN-BIL-02), oldest first, each with where it stands for this customer today (changeStanding):
 * the one needing a signature it has not given does not apply to it, and the version before stays.
 */
export async function newVersionsFor(
  db: Db,
  organisationId: string,
  now: Date,
  timeZone: string,
): Promise<NewVersion[]> {
  const today = localDateIn(now, timeZone);
  const rows = await db
    .select({ notice: changeNotices, change: contractChanges })
    .from(changeNotices)
    .innerJoin(contractChanges, eq(contractChanges.id, changeNotices.changeId))
    .where(
      and(
        eq(changeNotices.organisationId, organisationId),
        inArray(contractChanges.kind, [...VERSION_KINDS]),
      ),
    )
    .orderBy(asc(contractChanges.effectiveFrom), asc(contractChanges.announcedAt));
  return rows.map(({ notice, change }) => ({
    changeId: change.id,
    noticeId: notice.id,
    kind: change.kind as NewVersion["kind"],
    title: change.title,
    effectiveFrom: change.effectiveFrom,
    clause: notice.clause,
    signatureRequired: notice.signatureRequired,
    standing: changeStanding(
      {
        signatureRequired: notice.signatureRequired,
        signedOn: notice.signedAt === null ? null : localDateIn(notice.signedAt, timeZone),
      },
      change.effectiveFrom,
      today,
    ) satisfies ChangeStanding,
  }));
}

/** The latest version of a kind in force for the customer today, if any replaced the contract's. */
export function latestInForce(
  versions: readonly NewVersion[],
  kind: NewVersion["kind"],
): NewVersion | undefined {
  return versions
    .filter((v) => v.kind === kind && v.standing.state === "in-force")
    .reduce<NewVersion | undefined>(
      (latest, v) => (!latest || (v.standing.from ?? "") >= (latest.standing.from ?? "") ? v : latest),
      undefined,
    );
}
