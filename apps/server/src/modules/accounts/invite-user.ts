import { type Db, namedContacts, organisations, rowsOf, users } from "@guichet/db";
import type { Language } from "@guichet/domain";
import {
  canAddNamedContact,
  contractRules,
  localDateIn,
  namedContactClauseOf,
  namedContactLimitOf,
  orDeploymentRule,
  type Role,
  rolesFitOrganisation,
} from "@guichet/domain";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../../app-context.js";
import { calendarOf } from "../../contract/calendars.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { supportOf } from "../organisations/support-plan-of.js";
import { timeZoneOf } from "./issue-link.js";
import { sendInvitation } from "./send-invitation.js";

export interface InviteInput {
  organisationId: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  canInvite: boolean;
  locale: Language;
  /** Required details when the person is a named contact (MCR-SUP-04). */
  namedContact?: { jobTitle: string; phone: string; availability: string };
}

/** Why an invitation is refused, each with the clause that says so. */
export type InviteRefusal =
  | { reason: "organisation_not_found" }
  | { reason: "roles_do_not_fit"; roles: string[] }
  | { reason: "named_contact_details_required"; clause: string }
  | { reason: "role_not_offered"; roles: string[]; clause: string }
  | { reason: "delegated_invitation_not_offered"; clause: string }
  | { reason: "identifier_exists"; clause: string }
  | { reason: "identifier_limit"; limit: number; clause: string }
  | {
      reason: "named_contacts_not_offered";
      plan: string;
      planName: { fr: string; en: string };
      clause: string;
    }
  | {
      reason: "named_contact_limit";
      limit: number | "unlimited";
      current: number;
      plan: string;
      planName: { fr: string; en: string };
      clause: string;
    };

/** Statuses that hold an identifier: deactivated and revoked ones no longer count (DSN-ID-01). */
const LIVE = ["invited", "active", "suspended"] as const;

/**
 * Creates an invited identifier and e-mails it a single-use link to set its password
 * (MCR-ACC-01, MCR-ACC-02, DSN-ID-01, DSN-ID-02); named contacts within the plan's limit
 * (MCR-SUP-04). All in one transaction: either the person, the link, the mail and the audit
 * entry exist, or none does.
 */
export async function inviteUser(
  context: AppContext,
  actor: AuditActor,
  input: InviteInput,
  now: Date,
): Promise<{ ok: true; userId: string; identifierDueAt: Date | null } | ({ ok: false } & InviteRefusal)> {
  const { db } = context.database;
  const { contract } = context;
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    // Serialise invitations per organisation so two concurrent ones cannot both pass a limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.organisationId}))`);
    const [organisation] = await tx
      .select()
      .from(organisations)
      .where(eq(organisations.id, input.organisationId));
    if (!organisation) return { ok: false, reason: "organisation_not_found" };
    if (!rolesFitOrganisation(input.roles, organisation.kind)) {
      return { ok: false, reason: "roles_do_not_fit", roles: input.roles };
    }
    const refusal = refuseByContract(contract, input, organisation.kind);
    if (refusal) return { ok: false, ...refusal };
    const isNamedContact = input.roles.includes("named_contact");
    const policy = contract.identifierPolicy;
    // Identifiers are unique across organisations (DSN-ID-01): asked through the owner's function,
    // since row-level security hides other tenants' people.
    const [existing] = rowsOf<{ used: boolean }>(
      await tx.execute(sql`select identifier_in_use(${email}) as used`),
    );
    if (existing?.used)
      return {
        ok: false,
        reason: "identifier_exists",
        clause: orDeploymentRule(policy.onePerPerson?.clause),
      };
    if (policy.maxPerOrganisation && organisation.kind === "customer") {
      const [held] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.organisationId, organisation.id), inArray(users.status, [...LIVE])));
      if ((held?.n ?? 0) >= policy.maxPerOrganisation.limit) {
        return { ok: false, reason: "identifier_limit", ...policy.maxPerOrganisation };
      }
    }
    if (isNamedContact) {
      // The plan and tenancy in force today, the provider's day (issue 16).
      const { plan, tenancy } = await supportOf(
        tx as unknown as Db,
        contract,
        organisation.id,
        localDateIn(now, timeZoneOf(contract)),
      );
      const planName = contract.supportPlans[plan]?.name ?? { fr: plan, en: plan };
      // MCR-SUP-04 (MCR 8.2.1 table: "N/A" for Basic): a plan without named contacts has none to add,
      // which is not "no limit" (issue 14); the Rights page says N/A for the same reason.
      if (!contract.supportPlans[plan]?.namedContacts)
        return {
          ok: false,
          reason: "named_contacts_not_offered",
          plan,
          planName,
          clause: namedContactClauseOf(contract, plan),
        };
      const limit = namedContactLimitOf(contract.supportPlans[plan], tenancy);
      const [held] = await tx
        .select({ n: count() })
        .from(namedContacts)
        .innerJoin(users, eq(users.id, namedContacts.userId))
        .where(and(eq(namedContacts.organisationId, organisation.id), inArray(users.status, [...LIVE])));
      const decision = canAddNamedContact(limit, held?.n ?? 0, namedContactClauseOf(contract, plan));
      if (!decision.allowed) {
        return { ok: false, reason: "named_contact_limit", ...decision, plan, planName };
      }
    }

    const sentWithin = policy.identifiersSentWithin;
    const identifierDueAt = sentWithin
      ? new Date(calendarOf(contract, sentWithin.calendar).addBusinessDays(now.getTime(), sentWithin.within))
      : null;
    const [user] = await tx
      .insert(users)
      .values({
        organisationId: organisation.id,
        email,
        firstName: input.firstName,
        lastName: input.lastName,
        locale: input.locale,
        roles: input.roles,
        canInvite: input.canInvite,
        status: "invited",
        statusChangedAt: now,
        identifierDueAt,
        createdAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("insert returned no row");
    if (input.namedContact) {
      await tx
        .insert(namedContacts)
        .values({ userId: user.id, organisationId: organisation.id, ...input.namedContact, createdAt: now });
    }
    await sendInvitation(
      tx,
      context,
      { userId: user.id, email, firstName: input.firstName, locale: input.locale, organisation },
      now,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: "user.invite",
        organisationId: organisation.id,
        targetType: "user",
        targetId: user.id,
        data: {
          email,
          roles: input.roles,
          canInvite: input.canInvite,
          namedContact: Boolean(input.namedContact),
        },
      },
      now,
    );
    return { ok: true, userId: user.id, identifierDueAt };
  });
}

/**
 * What the contract itself refuses before anything is read: a customer role it does not offer,
 * the right to invite where only administrators invite (MCR-ACC-02), a named contact without the
 * details its record needs (MCR-SUP-04).
 */
function refuseByContract(
  contract: AppContext["contract"],
  input: InviteInput,
  kind: "provider" | "customer",
): InviteRefusal | undefined {
  const rules = contractRules(contract);
  if (kind === "customer") {
    const offered: readonly string[] = rules.customerRoles;
    const extra = input.roles.filter((role) => !offered.includes(role));
    if (extra.length) return { reason: "role_not_offered", roles: extra, clause: rules.rights };
    if (input.canInvite && !rules.delegatedInvitation) {
      return { reason: "delegated_invitation_not_offered", clause: rules.rights };
    }
  }
  if (input.roles.includes("named_contact") && !input.namedContact) {
    return { reason: "named_contact_details_required", clause: rules.namedContacts ?? rules.rights };
  }
  return undefined;
}
