import { type Db, users } from "@guichet/db";
import { contractRules, type Role } from "@guichet/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { lockedPersonOf } from "./locked-person.js";

export type RightsRefusal =
  | { reason: "not_found" }
  | { reason: "role_not_offered"; roles: string[]; clause: string }
  | { reason: "delegated_invitation_not_offered"; clause: string }
  | { reason: "named_contact_elsewhere"; clause: string }
  | { reason: "last_administrator"; clause: string };

/**
 * Changes the roles and the right to invite of a person of a customer organisation (MCR-ACC-03,
 * MCR 6.1.2 "gère les droits des utilisateurs"; issue 14: until now only invite and revoke
 * existed). Refused, changing nothing: a role the contract does not offer customers, the right to
 * invite where the contract has no delegated invitation, the last administrator losing the
 * administrator role (someone must always be able to manage rights), and becoming or ceasing to be
 * a named contact, which has its own details and plan limit (MCR-SUP-04: the named contacts
 * section). Runs in the caller's tenant: another organisation's person is not found.
 */
export async function changeRights(
  context: Pick<AppContext, "contract" | "database">,
  actor: AuditActor,
  input: { organisationId: string; userId: string; roles: Role[]; canInvite: boolean },
  now: Date,
): Promise<{ ok: true } | ({ ok: false } & RightsRefusal)> {
  const rules = contractRules(context.contract);
  const offered: readonly string[] = rules.customerRoles;
  const roles = [...new Set(input.roles)];
  const extra = roles.filter((role) => !offered.includes(role));
  if (extra.length) return { ok: false, reason: "role_not_offered", roles: extra, clause: rules.rights };
  if (input.canInvite && !rules.delegatedInvitation)
    return { ok: false, reason: "delegated_invitation_not_offered", clause: rules.rights };
  return context.database.db.transaction(async (tx) => {
    const person = await lockedPersonOf(tx as unknown as Db, input.organisationId, input.userId);
    if (!person?.roles.every((role) => offered.includes(role)))
      return { ok: false as const, reason: "not_found" as const };
    if (person.roles.includes("named_contact") !== roles.includes("named_contact"))
      return {
        ok: false as const,
        reason: "named_contact_elsewhere" as const,
        clause: rules.namedContacts ?? rules.rights,
      };
    if (person.roles.includes("customer_admin") && !roles.includes("customer_admin")) {
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.organisationId, input.organisationId),
            ne(users.id, person.id),
            eq(users.status, "active"),
            sql`'customer_admin' = any(${users.roles})`,
          ),
        )
        .limit(1);
      if (!other) return { ok: false as const, reason: "last_administrator" as const, clause: rules.rights };
    }
    await tx.update(users).set({ roles, canInvite: input.canInvite }).where(eq(users.id, person.id));
    await recordAudit(
      tx,
      actor,
      {
        action: "user.change_rights",
        organisationId: input.organisationId,
        targetType: "user",
        targetId: person.id,
        data: {
          email: person.email,
          from: person.roles,
          to: roles,
          canInviteFrom: person.canInvite,
          canInviteTo: input.canInvite,
          clause: rules.rights,
        },
      },
      now,
    );
    return { ok: true as const };
  });
}
