import { type Db, type SecurityContact, securityContacts } from "@guichet/db";
import { eq } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { mailSecurity, operatorById } from "./security-mail.js";
import { providerSecurityRecipients } from "./security-recipients.js";

export interface ContactInput {
  name: string;
  email: string;
  phone: string | null;
}

/**
 * Sets an organisation's security contact (DSN-SEC-04, annex 2 §4): the operator's, kept by its
 * administrator, or the provider's, by its security staff. Saving confirms it current. An
 * operator's change is the written notice annex 2 §7 asks for: mailed to the provider's security
 * contact in the same transaction, and audited.
 */
export async function saveSecurityContact(
  tx: Db,
  context: Pick<AppContext, "contract" | "config">,
  actor: AuditActor & { userId: string },
  input: { organisationId: string; side: "provider" | "operator"; contact: ContactInput; clause: string },
  now: Date,
): Promise<SecurityContact> {
  const values = { ...input.contact, confirmedAt: now, confirmedBy: actor.userId, updatedAt: now };
  const [before] = await tx
    .select()
    .from(securityContacts)
    .where(eq(securityContacts.organisationId, input.organisationId));
  const [saved] = await tx
    .insert(securityContacts)
    .values({ organisationId: input.organisationId, side: input.side, ...values })
    .onConflictDoUpdate({ target: securityContacts.organisationId, set: values })
    .returning();
  if (!saved) throw new Error("upsert returned no row");
  const changed =
    !before ||
    before.name !== saved.name ||
    before.email !== saved.email ||
    (before.phone ?? "") !== (saved.phone ?? "");
  await recordAudit(
    tx,
    actor,
    {
      action: changed ? "security_contact.saved" : "security_contact.confirmed",
      organisationId: input.side === "operator" ? input.organisationId : null,
      targetType: "security_contact",
      targetId: saved.id,
      data: {
        side: input.side,
        name: saved.name,
        email: saved.email,
        phone: saved.phone,
        clause: input.clause,
      },
    },
    now,
  );
  if (changed && input.side === "operator") {
    const organisation = await operatorById(tx, input.organisationId);
    await mailSecurity(tx, context, now, {
      organisationId: input.organisationId,
      kind: "security_contact_changed",
      clause: input.clause,
      recipients: await providerSecurityRecipients(tx, context.contract),
      params: ({ firstName }) => ({
        firstName,
        organisationName: organisation?.name ?? "",
        contactName: saved.name,
        contactEmail: saved.email,
        contactPhone: saved.phone ?? "",
      }),
    });
  }
  return saved;
}
