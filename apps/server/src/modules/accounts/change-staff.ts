import { type Db, users } from "@guichet/db";
import type { ProviderRole } from "@guichet/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { lockedPersonOf } from "./locked-person.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

export type StaffChange = { kind: "roles"; roles: ProviderRole[] } | { kind: "remove" };

export type StaffChangeResult = { ok: true } | { ok: false; reason: "not_found" | "last_administrator" };

/**
 * Changes a provider staff member's roles, or removes the person (deactivated, signed out
 * everywhere; the identifier stays for the audit trail, DSN-SEC-01). Refused when it would leave
 * the provider without an administrator: someone must always be able to manage staff.
 */
export async function changeStaff(
  db: Db,
  actor: AuditActor,
  input: { providerId: string; userId: string; change: StaffChange },
  now: Date,
): Promise<StaffChangeResult> {
  return db.transaction(async (tx) => {
    const person = await lockedPersonOf(tx as unknown as Db, input.providerId, input.userId);
    if (!person) return { ok: false as const, reason: "not_found" as const };
    const staysAdmin = input.change.kind === "roles" && input.change.roles.includes("admin");
    if (person.roles.includes("admin") && !staysAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.organisationId, input.providerId),
            ne(users.id, person.id),
            inArray(users.status, ["active"]),
            sql`'admin' = any(${users.roles})`,
          ),
        );
      if (others.length === 0) return { ok: false as const, reason: "last_administrator" as const };
    }
    if (input.change.kind === "roles") {
      await tx.update(users).set({ roles: input.change.roles }).where(eq(users.id, person.id));
    } else {
      await tx
        .update(users)
        .set({ status: "deactivated", statusReason: "removed", statusChangedAt: now })
        .where(eq(users.id, person.id));
      await revokeSessionsOf(tx, person.id, now);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: input.change.kind === "roles" ? "staff.change_roles" : "staff.remove",
        organisationId: input.providerId,
        targetType: "user",
        targetId: person.id,
        data:
          input.change.kind === "roles"
            ? { email: person.email, from: person.roles, to: input.change.roles }
            : { email: person.email, roles: person.roles },
      },
      now,
    );
    return { ok: true as const };
  });
}
