import { type Db, sessions } from "@guichet/db";
import { and, eq, isNull } from "drizzle-orm";

/** Signs a person out everywhere: every live session of theirs ends now. */
export async function revokeSessionsOf(tx: Pick<Db, "update">, userId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
