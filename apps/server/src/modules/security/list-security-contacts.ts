import { type Db, organisations, type SecurityContact, securityContacts } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import { and, asc, eq } from "drizzle-orm";

export interface ContactsView {
  /** The provider's contact; `source` says where it comes from when its staff set none. */
  provider: {
    contact: SecurityContact | null;
    fallback: { kind: "contract"; email: string } | { kind: "security-officers" } | null;
  };
  operators: { organisationId: string; organisationName: string; contact: SecurityContact | null }[];
}

/**
 * The security contacts (DSN-SEC-04): the provider's, and the operators' the caller may see (all
 * for the provider's security staff, its own for an operator), each with when it was last confirmed.
 */
export async function listSecurityContacts(
  tx: Db,
  contract: Contract,
  scope: { organisationId: string } | "all",
): Promise<ContactsView> {
  const [provider] = await tx.select().from(securityContacts).where(eq(securityContacts.side, "provider"));
  const securityEmail = contract.provider.contacts.securityEmail;
  const rows = await tx
    .select({ organisation: organisations, contact: securityContacts })
    .from(organisations)
    .leftJoin(securityContacts, eq(securityContacts.organisationId, organisations.id))
    .where(
      and(
        eq(organisations.kind, "customer"),
        scope === "all" ? undefined : eq(organisations.id, scope.organisationId),
      ),
    )
    .orderBy(asc(organisations.name));
  return {
    provider: {
      contact: provider ?? null,
      fallback: provider
        ? null
        : securityEmail
          ? { kind: "contract", email: securityEmail }
          : { kind: "security-officers" },
    },
    operators: rows.map((row) => ({
      organisationId: row.organisation.id,
      organisationName: row.organisation.name,
      contact: row.contact,
    })),
  };
}
