import { describe, expect, it } from "vitest";
import { explainCommitment } from "../commitments/explain.js";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import {
  changeRuleOf,
  decideChange,
  decideHarmfulChangeTermination,
  earliestEffectiveDate,
  priceDirection,
} from "./change-notice.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");
const up = { organisationId: "a", direction: "increase" as const };
const down = { organisationId: "b", direction: "decrease" as const };
const same = { organisationId: "c", direction: "unchanged" as const };

describe("direction of a price change, per customer (issue 18)", () => {
  it("is an increase when any part rises, even if another falls", () => {
    expect(priceDirection({ basisPoints: 750, minimumCents: 6900 }, { basisPoints: 800 })).toBe("increase");
    expect(
      priceDirection({ basisPoints: 750, minimumCents: 6900 }, { basisPoints: 800, minimumCents: 5000 }),
    ).toBe("increase");
    expect(priceDirection({ monthlyCents: 15_000 }, { monthlyCents: 12_000 })).toBe("decrease");
    expect(priceDirection({ monthlyCents: 15_000 }, { monthlyCents: 15_000 })).toBe("unchanged");
  });
});

describe("MCR 5.3.5 (MCR-BIL-05): 30 days by e-mail for an increase, prices revised on the 1st", () => {
  it("computes the earliest date: 30 calendar days, moved to the next 1st", () => {
    const rule = changeRuleOf(mcr, "price", "increase");
    expect(rule?.clause).toBe("MCR-BIL-05");
    expect(rule?.channels).toEqual(["email"]);
    // 5 December + 30 days = 4 January; the next 1st is 1 February.
    expect(rule && earliestEffectiveDate(rule, "2026-12-05")).toBe("2027-02-01");
    // 2 December + 30 days = 1 January, a 1st already.
    expect(rule && earliestEffectiveDate(rule, "2026-12-02")).toBe("2027-01-01");
  });

  it("refuses an increase inside the 30 days, citing the clause and the earliest date", () => {
    const d = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-01-01",
      candidates: [up],
    });
    expect(d).toEqual({
      ok: false,
      reason: "inside-notice",
      clause: "MCR-BIL-05",
      earliest: "2027-02-01",
      direction: "increase",
    });
  });

  it("refuses a date that is not a 1st, and accepts the earliest 1st", () => {
    const mid = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-02-15",
      candidates: [up],
    });
    expect(mid).toMatchObject({ ok: false, reason: "not-first-of-month" });
    const ok = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-02-01",
      candidates: [up],
    });
    expect(ok).toMatchObject({ ok: true, earliest: "2027-02-01", clause: "MCR-BIL-05" });
  });

  it("lets a decrease apply from the next 1st, published in the portal only", () => {
    const d = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-01-01",
      candidates: [down],
    });
    expect(d).toMatchObject({ ok: true, earliest: "2027-01-01" });
    if (d.ok) expect(d.recipients[0]?.channels).toEqual(["portal"]);
  });

  it("binds a mixed change to the increase: someone's increase gives everyone its notice", () => {
    const d = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-01-01",
      candidates: [down, up, same],
    });
    expect(d).toMatchObject({ ok: false, reason: "inside-notice", earliest: "2027-02-01" });
  });

  it("refuses a change that moves nobody's price", () => {
    const d = decideChange(mcr, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-03-01",
      candidates: [same],
    });
    expect(d).toEqual({ ok: false, reason: "no-affected-customer", clause: "MCR-BIL-05" });
  });

  it("has no annex or general-conditions rule: the contract does not provide for them", () => {
    const d = decideChange(mcr, {
      kind: "annex",
      today: "2026-12-05",
      effectiveFrom: "2027-03-01",
      candidates: [same],
    });
    expect(d).toEqual({ ok: false, reason: "not-in-contract", kind: "annex" });
  });
});

describe("DSN 10.1 and 10.2 (DSN-BIL-01, DSN-BIL-02)", () => {
  it("gives an increase 3 months and a decrease 1 month, in writing, counted from day to day", () => {
    const inc = decideChange(dsn, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-03-04",
      candidates: [up],
    });
    expect(inc).toEqual({
      ok: false,
      reason: "inside-notice",
      clause: "DSN-BIL-01",
      earliest: "2027-03-05",
      direction: "increase",
    });
    const ok = decideChange(dsn, {
      kind: "price",
      today: "2026-12-05",
      effectiveFrom: "2027-03-05",
      candidates: [up],
    });
    expect(ok).toMatchObject({ ok: true, earliest: "2027-03-05" });
    if (ok.ok) expect(ok.recipients[0]).toMatchObject({ channels: ["written"], harmfulTermination: true });
    const dec = decideChange(dsn, {
      kind: "price",
      today: "2026-11-30",
      effectiveFrom: "2026-12-29",
      candidates: [down],
    });
    expect(dec).toMatchObject({ ok: false, reason: "inside-notice", earliest: "2026-12-30" });
  });

  it("ends a month on the month's last day when the day does not exist (31 January + 1 month)", () => {
    const d = decideChange(dsn, {
      kind: "price",
      today: "2027-01-31",
      effectiveFrom: "2027-02-27",
      candidates: [down],
    });
    expect(d).toMatchObject({ ok: false, reason: "inside-notice", earliest: "2027-02-28" });
  });

  it("gives an annex 1 month in writing, and the general conditions and security annex a signature", () => {
    const annex = decideChange(dsn, {
      kind: "annex",
      today: "2026-12-05",
      effectiveFrom: "2027-01-04",
      candidates: [same],
    });
    expect(annex).toMatchObject({
      ok: false,
      reason: "inside-notice",
      clause: "DSN-BIL-02",
      earliest: "2027-01-05",
    });
    for (const kind of ["general-conditions", "security-annex"] as const) {
      const d = decideChange(dsn, {
        kind,
        today: "2026-12-05",
        effectiveFrom: "2026-12-05",
        candidates: [same],
      });
      expect(d).toMatchObject({ ok: true, earliest: "2026-12-05" });
      if (d.ok) expect(d.recipients[0]).toMatchObject({ signature: true, clause: "DSN-BIL-02" });
    }
    const none = decideChange(dsn, {
      kind: "annex",
      today: "2026-12-05",
      effectiveFrom: "2027-03-01",
      candidates: [],
    });
    expect(none).toEqual({ ok: false, reason: "no-affected-customer", clause: "DSN-BIL-02" });
  });

  it("lets a harmful change be terminated without fees until its date, effective on it", () => {
    const change = { title: "Prix e-SAV 2027", effectiveFrom: "2027-03-05" };
    const open = decideHarmfulChangeTermination("DSN-BIL-02", change, "2027-03-05");
    expect(open).toMatchObject({ decision: "accepted", effectiveDate: "2027-03-05", feesDueCents: 0 });
    expect(explainCommitment(open, "fr", (p) => p, "EUR")).toContain("sans pénalité");
    const closed = decideHarmfulChangeTermination("DSN-BIL-02", change, "2027-03-06");
    expect(closed).toMatchObject({ decision: "refused", clause: "DSN-BIL-02" });
    expect(explainCommitment(closed, "en", (p) => p, "EUR")).toContain("(DSN-BIL-02).");
  });
});
