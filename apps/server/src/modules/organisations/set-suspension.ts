import { type Db, organisations } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { AuditActor } from "../audit/record-audit.js";
import { recordAudit } from "../audit/record-audit.js";

/**
 * Suspends an organisation at once, without notice (DSN-SEC-02, MCR-ACC-06), or lifts the
 * suspension. Nothing is deleted: every session and token of the organisation is refused while
 * it is suspended (checked on each request) and works again when lifted.
 * Returns false when the organisation is not a customer or already in that state.
 */
export async function setSuspension(
  db: Db,
  actor: AuditActor,
  input: { organisationId: string; suspended: boolean; reason: string; clause: string },
  now: Date,
): Promise<"changed" | "unchanged" | "not_found"> {
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.kind, "customer")));
    if (!organisation) return "not_found";
    const status = input.suspended ? "suspended" : "active";
    if (organisation.status === status) return "unchanged";
    await tx.update(organisations).set({ status }).where(eq(organisations.id, organisation.id));
    await recordAudit(
      tx,
      actor,
      {
        action: input.suspended ? "organisation.suspend" : "organisation.lift_suspension",
        organisationId: organisation.id,
        targetType: "organisation",
        targetId: organisation.id,
        data: { reason: input.reason, clause: input.clause },
      },
      now,
    );
    return "changed";
  });
}
