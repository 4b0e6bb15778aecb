import { type CsvLineProblem, type CustomerRecord, csvColumnOf, readCustomerCsv } from "@guichet/domain";
import type { AppContext } from "../../app-context.js";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";
import { createCustomer } from "./create-customer.js";
import { takenIdentifiers } from "./taken-identifiers.js";

export type ImportOutcome =
  | { ok: true; created: { line: number; organisationId: string; legalName: string }[] }
  | { ok: false; problems: CsvLineProblem[]; empty: boolean };

/**
 * Imports a provider's existing customers from CSV (issue 16), all or nothing: every line is
 * checked first (fields and keys, duplicates in the file, SIRENs and addresses already known), and
 * one problem anywhere imports nothing and reports every problem, line by line. Otherwise each
 * customer is created as from the back office, administrators invited, in the caller's transaction.
 */
export async function importCustomers(
  context: AppContext,
  actor: AuditActor,
  csv: string,
  now: Date,
): Promise<ImportOutcome> {
  const { records, problems } = readCustomerCsv(csv);
  const taken = await takenIdentifiers(
    context.database.db,
    records.map((r) => r.record),
  );
  for (const { line, record } of records) {
    for (const problem of taken.get(record) ?? []) {
      problems.push({ ...problem, line, column: csvColumnOf(problem.field) });
    }
  }
  if (problems.length > 0 || records.length === 0) {
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems, empty: problems.length === 0 };
  }
  const created: { line: number; organisationId: string; legalName: string }[] = [];
  for (const { line, record } of records as { line: number; record: CustomerRecord }[]) {
    const customer = await createCustomer(context, actor, record, now);
    created.push({ line, organisationId: customer.organisationId, legalName: record.legalName });
  }
  await recordAudit(
    context.database.db,
    actor,
    { action: "customer.import", targetType: "import", data: { customers: created.length } },
    now,
  );
  return { ok: true, created };
}
