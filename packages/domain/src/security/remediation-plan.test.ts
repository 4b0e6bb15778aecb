import { describe, expect, it } from "vitest";
import { parseCalendarDuration } from "../contract/duration.js";
import { remediationPlanDue, remediationPlanState, remediationReminderDue } from "./remediation-plan.js";

const tenDays = parseCalendarDuration("10 days");
const threeDays = parseCalendarDuration("3 days");
if (!tenDays || !threeDays) throw new Error("durations");

// DSN-SEC-05 (DSN annex 2 §5): 10 calendar days from the notification, the day itself not counted.
describe("remediationPlanDue (DSN-SEC-05)", () => {
  it("counts 10 calendar days from the notification, ending at midnight in Paris", () => {
    // Friday 4 December 2026, 16:00 in Paris: due Monday 14 December, late from Tuesday 00:00 Paris.
    const due = remediationPlanDue(new Date("2026-12-04T15:00:00Z"), tenDays, "Europe/Paris");
    expect(due).toEqual({ dueOn: "2026-12-14", dueAt: new Date("2026-12-14T23:00:00Z") });
  });

  it("does not skip weekends or holidays (calendar days, not Jours Ouvrés)", () => {
    // Notified Monday 21 December 2026: 31 December, across Christmas and two weekends.
    const due = remediationPlanDue(new Date("2026-12-21T09:00:00Z"), tenDays, "Europe/Paris");
    expect(due.dueOn).toBe("2026-12-31");
  });

  it("takes the Paris date of a late-evening notification (23:30 Paris is already the next UTC day's eve)", () => {
    const due = remediationPlanDue(new Date("2027-03-27T22:30:00Z"), tenDays, "Europe/Paris");
    // 23:30 on Saturday 27 March in Paris; the clocks change on the 28th: due 6 April, late at 22:00 UTC.
    expect(due).toEqual({ dueOn: "2027-04-06", dueAt: new Date("2027-04-06T22:00:00Z") });
  });

  it("is due, then overdue at the instant, unless filed or approved", () => {
    const dueAt = new Date("2026-12-14T23:00:00Z");
    const audit = { nonConformity: true, planDueAt: dueAt, planFiledAt: null, planApprovedAt: null };
    expect(remediationPlanState(audit, new Date("2026-12-14T22:59:59Z"))).toBe("due");
    expect(remediationPlanState(audit, dueAt)).toBe("overdue");
    expect(remediationPlanState({ ...audit, planFiledAt: dueAt }, dueAt)).toBe("filed");
    expect(remediationPlanState({ ...audit, planFiledAt: dueAt, planApprovedAt: dueAt }, dueAt)).toBe(
      "approved",
    );
    expect(remediationPlanState({ ...audit, nonConformity: false, planDueAt: null }, dueAt)).toBe(
      "not-required",
    );
  });

  it("reminds from three days before the due instant until it", () => {
    const dueAt = new Date("2026-12-14T23:00:00Z");
    expect(remediationReminderDue(dueAt, threeDays, "Europe/Paris", new Date("2026-12-11T22:59:00Z"))).toBe(
      false,
    );
    expect(remediationReminderDue(dueAt, threeDays, "Europe/Paris", new Date("2026-12-11T23:00:00Z"))).toBe(
      true,
    );
    expect(remediationReminderDue(dueAt, threeDays, "Europe/Paris", dueAt)).toBe(false);
  });
});
