import type { AppContext } from "../app-context.js";
import { sweepInactiveIdentifiers } from "../modules/accounts/sweep-inactive-identifiers.js";
import { anchorAuditChains } from "../modules/audit/anchor-audit.js";
import { writePendingDetailedLines } from "../modules/billing/detailed-lines.js";
import { sweepAutoClose, sweepSlaWarnings } from "../modules/desk/desk-sweeps.js";
import { sweepSignatureReminders } from "../modules/notices/sweep-signature-reminders.js";
import { sweepIdentifiersDue } from "../modules/orders/sweep-identifiers-due.js";
import { sweepRemediationPlans } from "../modules/security/sweep-remediation-plans.js";

/**
 * Declared sweeps: each derives its work from the database state, so a run repeated, or run by
 * several server processes on one PostgreSQL, changes nothing more than one run.
 */
export interface Sweep {
  id: string;
  /** How often a server process runs it. */
  everyMs: number;
  run(context: AppContext, now: Date): Promise<Record<string, number>>;
}

export const SWEEPS: readonly Sweep[] = [
  {
    id: "accounts.inactive-identifiers",
    // The contract says daily (DSN-ID-03); hourly runs are harmless and shorten the delay after a restart.
    everyMs: 3600_000,
    run: sweepInactiveIdentifiers,
  },
  { id: "desk.auto-close", everyMs: 60_000, run: sweepAutoClose },
  { id: "desk.sla-warnings", everyMs: 60_000, run: sweepSlaWarnings },
  // DSN-ID-02: a warning one working day before a received order's identifiers are due.
  { id: "orders.identifiers-due", everyMs: 300_000, run: sweepIdentifiersDue },
  // DSN-SEC-05: the remediation plan's reminder, then its overdue notice, each once.
  { id: "security.remediation-plans", everyMs: 300_000, run: sweepRemediationPlans },
  // DSN-BIL-02 (DSN 10.1): a new version awaiting a customer's signature, its administrators reminded.
  { id: "notices.signature-reminders", everyMs: 3600_000, run: sweepSignatureReminders },
  // Issue 17: the detailed lines' Parquet of the imports that committed without it (an upload,
  // the watched folder), written off their critical path; at start too, so a crash resumes it.
  {
    id: "billing.detailed-lines",
    everyMs: 15_000,
    run: (context) => writePendingDetailedLines(context, context.database.db),
  },
  // The provider's anchor chain records the heads of the chains that moved (DSN-SEC-01).
  { id: "audit.anchor", everyMs: 60_000, run: (context, now) => anchorAuditChains(context.database.db, now) },
];
