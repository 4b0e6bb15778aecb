import { customerDetails, type Db, organisations, users } from "@guichet/db";
import type { CustomerProblem, CustomerRecord } from "@guichet/domain";
import { and, inArray, ne } from "drizzle-orm";

/** SIRENs already a customer's, in its details or on its organisation row (older customers). */
async function sirensTaken(db: Db, sirens: string[]): Promise<Set<string | null>> {
  // One after the other: a transaction is one connection.
  const withDetails = await db
    .select({ siren: customerDetails.siren })
    .from(customerDetails)
    .where(inArray(customerDetails.siren, sirens));
  const withNumber = await db
    .select({ siren: organisations.registrationNumber })
    .from(organisations)
    .where(inArray(organisations.registrationNumber, sirens));
  return new Set([...withDetails, ...withNumber].map((row) => row.siren));
}

/**
 * What only the database knows about new customers: a SIREN already a customer's, an
 * administrator's address that already has an identifier (DSN-ID-01: one per person). Read in
 * two queries for a whole import. Provider staff see every tenant's rows (guichet_staff).
 */
export async function takenIdentifiers(
  db: Db,
  records: readonly CustomerRecord[],
): Promise<Map<CustomerRecord, CustomerProblem[]>> {
  const problems = new Map<CustomerRecord, CustomerProblem[]>();
  if (records.length === 0) return problems;
  const sirens = records.flatMap((r) => (r.siren ? [r.siren] : []));
  const emails = records.map((r) => r.administrator.email);
  const people = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), ne(users.status, "revoked")));
  // A customer established abroad has no SIREN to compare (issue 17).
  const takenSirens = sirens.length === 0 ? new Set<string | null>() : await sirensTaken(db, sirens);
  const takenEmails = new Set(people.map((row) => row.email));
  for (const record of records) {
    const found: CustomerProblem[] = [];
    if (record.siren && takenSirens.has(record.siren))
      found.push({
        field: "siren",
        reason: "taken",
        value: record.siren,
        expected: "a SIREN not already a customer's",
      });
    if (takenEmails.has(record.administrator.email))
      found.push({
        field: "administrator.email",
        reason: "taken",
        value: record.administrator.email,
        expected: "an address without an identifier",
      });
    if (found.length > 0) problems.set(record, found);
  }
  return problems;
}
