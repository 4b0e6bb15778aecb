import { type Db, namedContacts, users } from "@guichet/db";
import { type Contract, namedContactClauseOf, namedContactLimitOf } from "@guichet/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import { supportOf } from "../organisations/support-plan-of.js";

/** The plan's named-contact limit (for its tenancy) and how much of it is used, for the Rights page (MCR-SUP-04). */
export async function namedContactQuota(db: Db, contract: Contract, organisationId: string, today: string) {
  const { plan, tenancy } = await supportOf(db, contract, organisationId, today);
  const limit = namedContactLimitOf(contract.supportPlans[plan], tenancy);
  const [held] = await db
    .select({ n: count() })
    .from(namedContacts)
    .innerJoin(users, eq(users.id, namedContacts.userId))
    .where(
      and(
        eq(namedContacts.organisationId, organisationId),
        inArray(users.status, ["invited", "active", "suspended"]),
      ),
    );
  return {
    plan,
    planName: contract.supportPlans[plan]?.name ?? { fr: plan, en: plan },
    limit,
    // MCR-SUP-04 (MCR 8.2.1 table): a plan without named contacts says "N/A", not "no limit" (issue 14).
    applies: Boolean(contract.supportPlans[plan]?.namedContacts),
    current: held?.n ?? 0,
    clause: namedContactClauseOf(contract, plan),
  };
}
