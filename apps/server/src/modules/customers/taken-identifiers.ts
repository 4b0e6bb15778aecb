import { customerDetails, type Db, organisations, users } from "@guichet/db";
import type { CustomerProblem, CustomerRecord } from "@guichet/domain";
import { and, inArray, ne } from "drizzle-orm";

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
  const sirens = records.map((r) => r.siren);
  const emails = records.map((r) => r.administrator.email);
  // One after the other: a transaction is one connection.
  const withDetails = await db
    .select({ siren: customerDetails.siren })
    .from(customerDetails)
    .where(inArray(customerDetails.siren, sirens));
  const withNumber = await db
    .select({ siren: organisations.registrationNumber })
    .from(organisations)
    .where(inArray(organisations.registrationNumber, sirens));
  const people = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), ne(users.status, "revoked")));
  const takenSirens = new Set([...withDetails, ...withNumber].map((row) => row.siren));
  const takenEmails = new Set(people.map((row) => row.email));
  for (const record of records) {
    const found: CustomerProblem[] = [];
    if (takenSirens.has(record.siren))
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
