import { type Db, type SecurityContact, securityContacts } from "@guichet/db";
import { eq } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/** Confirms an organisation's security contact still current, unchanged (DSN-SEC-04: "kept current"). */
export async function confirmSecurityContact(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; clause: string },
  now: Date,
): Promise<SecurityContact | "not_found"> {
  const [confirmed] = await tx
    .update(securityContacts)
    .set({ confirmedAt: now, confirmedBy: actor.userId })
    .where(eq(securityContacts.organisationId, input.organisationId))
    .returning();
  if (!confirmed) return "not_found";
  await recordAudit(
    tx,
    actor,
    {
      action: "security_contact.confirmed",
      organisationId: confirmed.side === "operator" ? input.organisationId : null,
      targetType: "security_contact",
      targetId: confirmed.id,
      data: { side: confirmed.side, name: confirmed.name, email: confirmed.email, clause: input.clause },
    },
    now,
  );
  return confirmed;
}
