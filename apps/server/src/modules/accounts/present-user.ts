import type { namedContacts, users } from "@guichet/db";
import type { Role } from "@guichet/domain";
import { z } from "zod";
import { ZLanguage, ZRole } from "../../http/api-schemas.js";

/** What others may see of a person: never the password hash, TOTP secret or tokens. */
export const ZUserView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    locale: ZLanguage,
    status: z.enum(["invited", "active", "deactivated", "suspended", "revoked"]),
    statusReason: z.string().nullable(),
    statusChangedAt: z.string(),
    roles: z.array(ZRole),
    canInvite: z.boolean(),
    secondFactor: z.boolean(),
    lastUsedAt: z.string().nullable(),
    identifierDueAt: z.string().nullable(),
    namedContact: z.object({ jobTitle: z.string(), phone: z.string(), availability: z.string() }).nullable(),
  })
  .meta({ id: "User" });

export type UserView = z.infer<typeof ZUserView>;

export function presentUser(
  user: typeof users.$inferSelect,
  contact: typeof namedContacts.$inferSelect | null,
): UserView {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    status: user.status,
    statusReason: user.statusReason,
    statusChangedAt: user.statusChangedAt.toISOString(),
    // Written from validated roles only; the response schema checks each again on the way out.
    roles: user.roles as Role[],
    canInvite: user.canInvite,
    secondFactor: Boolean(user.totpSecret),
    lastUsedAt: user.lastUsedAt?.toISOString() ?? null,
    identifierDueAt: user.identifierDueAt?.toISOString() ?? null,
    namedContact: contact
      ? { jobTitle: contact.jobTitle, phone: contact.phone, availability: contact.availability }
      : null,
  };
}
