import { describe, expect, it } from "vitest";
import { nextSignatureReminder, SIGNATURE_REMINDERS, signatureReminderDue } from "./signature-reminder.js";

// DSN-BIL-02 (DSN 10.1): a new version of the general conditions waits for both parties' signatures.
describe("signature reminders (DSN-BIL-02)", () => {
  const awaited = {
    signatureRequired: true,
    signedAt: null,
    madeAvailableAt: new Date("2026-12-05T10:00:00Z"),
    reminders: 0,
    lastRemindedAt: null,
  };

  it("reminds a week after the notice, then a week after each reminder", () => {
    expect(nextSignatureReminder(awaited, SIGNATURE_REMINDERS)).toEqual(new Date("2026-12-12T10:00:00Z"));
    expect(signatureReminderDue(awaited, SIGNATURE_REMINDERS, new Date("2026-12-12T09:59:59Z"))).toBe(false);
    expect(signatureReminderDue(awaited, SIGNATURE_REMINDERS, new Date("2026-12-12T10:00:00Z"))).toBe(true);
    const once = { ...awaited, reminders: 1, lastRemindedAt: new Date("2026-12-14T08:00:00Z") };
    expect(nextSignatureReminder(once, SIGNATURE_REMINDERS)).toEqual(new Date("2026-12-21T08:00:00Z"));
  });

  it("stops once signed, after the last reminder, and where nothing is to sign", () => {
    const late = new Date("2027-06-01T00:00:00Z");
    expect(signatureReminderDue({ ...awaited, signedAt: new Date() }, SIGNATURE_REMINDERS, late)).toBe(false);
    expect(signatureReminderDue({ ...awaited, reminders: 3 }, SIGNATURE_REMINDERS, late)).toBe(false);
    expect(signatureReminderDue({ ...awaited, signatureRequired: false }, SIGNATURE_REMINDERS, late)).toBe(
      false,
    );
  });
});
