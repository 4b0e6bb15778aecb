import { type Db, sessions } from "@guichet/db";
import { eq } from "drizzle-orm";
import { actorOf, type Principal } from "../../auth/principal.js";
import { recordAudit } from "../audit/record-audit.js";

type RequestInfo = Parameters<typeof actorOf>[1];

export async function signOut(db: Db, principal: Principal, request: RequestInfo, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    if (principal.sessionTokenHash) {
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(eq(sessions.tokenHash, principal.sessionTokenHash));
    }
    await recordAudit(tx, actorOf(principal, request), { action: "auth.sign_out" }, now);
  });
}
