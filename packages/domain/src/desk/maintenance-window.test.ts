import { describe, expect, it } from "vitest";
import { parseTerm, type Term } from "../contract/duration.js";
import { checkMaintenancePlan, heldDuring, maintenanceNoticeOf } from "./maintenance-window.js";
import { shippedContract } from "./shipped-contract.test-helper.js";

const paris = "Europe/Paris";
const term = (text: string) => parseTerm(text) as Term;
const announcedAt = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
const plan = (startsAt: string, endsAt: string, expectedMinutes = 60) => ({
  announcedAt,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  expectedMinutes,
});

describe("scheduled maintenance notice (DSN-SUP-07)", () => {
  it("takes the DSN notice from each e-service's specific conditions in force, and invents none where they state none (issue 14)", () => {
    const dsn = shippedContract("deux-sevres-eservices");
    const notice = dsn.ticketWorkflow.maintenance?.notice as Term;
    expect(notice).toEqual({ kind: "elsewhere", document: "specific-conditions" });
    const conditions = { documentTitle: "Conditions Spécifiques e-SAV", documentVersion: "v3" };
    expect(maintenanceNoticeOf(notice, { ...conditions, maintenanceNoticeDays: 15 })).toEqual({
      duration: { amount: 15, unit: "days", text: "15 days" },
      source: "specific-conditions",
      document: "Conditions Spécifiques e-SAV v3",
    });
    // The conditions ask for no notice.
    expect(maintenanceNoticeOf(notice, { ...conditions, maintenanceNoticeDays: 0 })).toMatchObject({
      duration: null,
      source: "specific-conditions",
    });
    // Conditions recorded without a maintenance notice, or none recorded at all: no rule, said so.
    expect(maintenanceNoticeOf(notice, { ...conditions, maintenanceNoticeDays: null })).toEqual({
      duration: null,
      source: "not-stated",
      document: "Conditions Spécifiques e-SAV v3",
    });
    expect(maintenanceNoticeOf(notice, null)).toEqual({
      duration: null,
      source: "not-stated",
      document: null,
    });
  });

  it("uses a duration the contract writes, and requires nothing for none", () => {
    expect(maintenanceNoticeOf(term("10 days"), null)).toEqual({
      duration: { amount: 10, unit: "days", text: "10 days" },
      source: "contract",
      document: null,
    });
    expect(maintenanceNoticeOf(term("none"), null)).toEqual({
      duration: null,
      source: "contract",
      document: null,
    });
  });

  it("refuses a start earlier than the announcement plus the notice, and says when it could start", () => {
    const week = maintenanceNoticeOf(term("7 days"), null);
    const tooSoon = checkMaintenancePlan(
      plan("2026-11-30T08:59:00Z", "2026-11-30T12:00:00Z"),
      week,
      paris,
      "DSN-SUP-07",
    );
    expect(tooSoon).toEqual({
      ok: false,
      reason: "notice_too_short",
      clause: "DSN-SUP-07",
      earliestStart: new Date("2026-11-30T09:00:00Z"),
    });
    const justInTime = checkMaintenancePlan(
      plan("2026-11-30T09:00:00Z", "2026-11-30T12:00:00Z"),
      week,
      paris,
      "DSN-SUP-07",
    );
    expect(justInTime.ok).toBe(true);
  });

  it("counts the notice in Paris wall time across the clock change", () => {
    // Announced Monday 23 March 2026 10:00 (UTC+1); a week later is Monday 30 March 10:00 (UTC+2).
    const decision = checkMaintenancePlan(
      {
        ...plan("2026-03-30T08:00:00Z", "2026-03-30T10:00:00Z"),
        announcedAt: new Date("2026-03-23T09:00:00Z"),
      },
      maintenanceNoticeOf(term("7 days"), null),
      paris,
      "DSN-SUP-07",
    );
    expect(decision).toEqual({ ok: true, earliestStart: new Date("2026-03-30T08:00:00Z") });
  });

  it("refuses a window that ends before it starts, or is shorter than its expected duration", () => {
    const none = maintenanceNoticeOf(term("none"), null);
    expect(
      checkMaintenancePlan(plan("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z"), none, paris, "X"),
    ).toEqual({
      ok: false,
      reason: "ends_before_start",
      clause: "X",
    });
    expect(
      checkMaintenancePlan(plan("2026-12-01T10:00:00Z", "2026-12-01T11:30:00Z", 120), none, paris, "X"),
    ).toEqual({ ok: false, reason: "duration_exceeds_window", clause: "X", windowMinutes: 90 });
    expect(
      checkMaintenancePlan(plan("2026-12-01T10:00:00Z", "2026-12-01T11:30:00Z", 90), none, paris, "X").ok,
    ).toBe(true);
  });
});

describe("who holds the service during a maintenance", () => {
  it("counts a subscription held on any day from the announcement to the window's end", () => {
    const from = "2026-11-23";
    const to = "2026-12-01";
    expect(heldDuring({ startsOn: "2026-01-01", endsOn: null }, from, to)).toBe(true);
    expect(heldDuring({ startsOn: "2026-12-01", endsOn: null }, from, to)).toBe(true);
    expect(heldDuring({ startsOn: "2026-12-02", endsOn: null }, from, to)).toBe(false);
    expect(heldDuring({ startsOn: "2026-01-01", endsOn: "2026-11-23" }, from, to)).toBe(true);
    expect(heldDuring({ startsOn: "2026-01-01", endsOn: "2026-11-22" }, from, to)).toBe(false);
  });
});
