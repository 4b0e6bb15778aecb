/**
 * Reminders of a new version awaiting the customer's signature (issue 18, DSN-BIL-02: DSN 10.1, the
 * general conditions and the security annex change only "par la signature par les Parties d'une
 * nouvelle version"). The contract says nothing of reminders: the cadence is a deployment rule,
 * given as an argument. Pure: `now` is an argument.
 */
export interface SignatureReminderRule {
  /** Days from the notice being made available (then from the previous reminder) to the next reminder. */
  everyDays: number;
  /** Reminders at most; after them the provider follows up by other means. */
  atMost: number;
}

/** The deployment's rule: one reminder a week, three at most. */
export const SIGNATURE_REMINDERS: SignatureReminderRule = { everyDays: 7, atMost: 3 };

export interface AwaitedSignature {
  signatureRequired: boolean;
  signedAt: Date | null;
  madeAvailableAt: Date;
  reminders: number;
  lastRemindedAt: Date | null;
}

const DAY_MS = 86_400_000;

/** When the next reminder falls due, or null when none will (signed, nothing to sign, or all sent). */
export function nextSignatureReminder(notice: AwaitedSignature, rule: SignatureReminderRule): Date | null {
  if (!notice.signatureRequired || notice.signedAt !== null) return null;
  if (notice.reminders >= rule.atMost) return null;
  const from = notice.lastRemindedAt ?? notice.madeAvailableAt;
  return new Date(from.getTime() + rule.everyDays * DAY_MS);
}

/** Whether a reminder is due at `now`: one at a time, so a late sweep sends one, not several. */
export function signatureReminderDue(
  notice: AwaitedSignature,
  rule: SignatureReminderRule,
  now: Date,
): boolean {
  const next = nextSignatureReminder(notice, rule);
  return next !== null && now.getTime() >= next.getTime();
}
