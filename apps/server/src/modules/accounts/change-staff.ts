import { type Db, users } from "@guichet/db";
import type { ProviderRole } from "@guichet/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { revokeSessionsOf } from "./revoke-sessions.js";

export type StaffChange = { kind: "roles"; roles: ProviderRole[] } | { kind: "remove" };

export type StaffChangeResult = { ok: true } | { ok: false; reason: "not_found" | "last_administrator" };

/** Statuses that hold an identifier: a removed (deactivated) person no longer counts. */
const LIVE = ["invited", "active", "suspended"] as const;

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
    // Serialise staff changes so two removals cannot each leave the other as the last administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.providerId}))`);
    const [person] = await tx
      .select()
      .from(users)
      .where(
        and(
          eq(users.id, input.userId),
          eq(users.organisationId, input.providerId),
          inArray(users.status, [...LIVE]),
        ),
      );
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
