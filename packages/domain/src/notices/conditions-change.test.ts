import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import {
  conditionsMove,
  decideConditionsChange,
  definedChangeNotice,
  onlyDefinesChangeNotice,
} from "./conditions-change.js";

const dsn = shippedContract("deux-sevres-eservices");
const inForce = {
  monthlyPriceCents: 15_000,
  minimumMonths: 12,
  terminationNoticeMonths: 3,
  maintenanceNoticeDays: 5,
  changeNoticeMonths: 2,
  documentTitle: "Conditions Spécifiques e-SAV",
  documentVersion: "1.0",
};
const holders = [{ organisationId: "a" }, { organisationId: "b" }];
const decide = (after: typeof inForce, effectiveFrom: string) =>
  decideConditionsChange(dsn, {
    today: "2026-12-05",
    effectiveFrom,
    move: conditionsMove(inForce, after),
    definedPeriod: definedChangeNotice(inForce),
    candidates: holders,
  });

// DSN 10.2: the specific conditions change with the notice they define, by e-mail (DSN-BIL-02),
// except their "Prix" annex, which follows the price notice in writing (DSN-BIL-01).
describe("a new version of specific conditions (DSN-BIL-01, DSN-BIL-02)", () => {
  it("judges each part: a longer minimum harms, a longer maintenance notice helps, a price rise harms", () => {
    expect(conditionsMove(inForce, { ...inForce, minimumMonths: 24 })).toEqual({
      price: null,
      terms: "increase",
    });
    expect(conditionsMove(inForce, { ...inForce, maintenanceNoticeDays: 10 })).toEqual({
      price: null,
      terms: "decrease",
    });
    expect(conditionsMove(inForce, { ...inForce, documentVersion: "1.1" })).toEqual({
      price: null,
      terms: "unchanged",
    });
    expect(conditionsMove(inForce, { ...inForce, monthlyPriceCents: 18_000 })).toEqual({
      price: "increase",
      terms: null,
    });
  });

  it("gives other terms the notice the conditions in force define, by e-mail, and a harmful one the right to terminate", () => {
    const early = decide({ ...inForce, minimumMonths: 24 }, "2027-02-04");
    expect(early).toEqual({
      ok: false,
      reason: "inside-notice",
      clause: "DSN-BIL-02",
      earliest: "2027-02-05",
      direction: "increase",
    });
    const ok = decide({ ...inForce, minimumMonths: 24 }, "2027-02-05");
    expect(ok).toMatchObject({ ok: true, earliest: "2027-02-05", clause: "DSN-BIL-02" });
    expect(ok.ok && ok.recipients[0]).toMatchObject({ channels: ["email"], harmfulTermination: true });
    const helps = decide({ ...inForce, maintenanceNoticeDays: 10 }, "2027-02-05");
    expect(helps.ok && helps.recipients[0]).toMatchObject({ harmfulTermination: false });
  });

  it("binds a price rise with a term change to the longer notice, in writing and by e-mail", () => {
    const both = decide({ ...inForce, monthlyPriceCents: 18_000, maintenanceNoticeDays: 10 }, "2027-03-04");
    expect(both).toMatchObject({ ok: false, clause: "DSN-BIL-01", earliest: "2027-03-05" });
    const ok = decide({ ...inForce, monthlyPriceCents: 18_000, maintenanceNoticeDays: 10 }, "2027-03-05");
    expect(ok.ok && ok.recipients[0]).toMatchObject({
      clause: "DSN-BIL-01",
      channels: ["written", "email"],
      harmfulTermination: true,
    });
  });

  it("refuses a term change when the conditions in force define no notice, citing DSN-BIL-02", () => {
    const undefinedNotice = decideConditionsChange(dsn, {
      today: "2026-12-05",
      effectiveFrom: "2027-06-01",
      move: { price: null, terms: "increase" },
      definedPeriod: definedChangeNotice({ changeNoticeMonths: null }),
      candidates: holders,
    });
    expect(undefinedNotice).toEqual({ ok: false, reason: "notice-set-elsewhere", clause: "DSN-BIL-02" });
  });
});

// The contract file's readings of DSN 10.2 (notices.specificConditionsChange), issue 18.
describe("harmful change and undefined notice (DSN 10.2, DSN-BIL-02)", () => {
  it("judges a version harmful when any term binding the operator gets worse, even if others improve", () => {
    const mixed = conditionsMove(inForce, { ...inForce, monthlyPriceCents: 12_000, minimumMonths: 24 });
    expect(mixed).toEqual({ price: "decrease", terms: "increase" });
    expect(conditionsMove(inForce, { ...inForce, documentVersion: "1.1" })).toEqual({
      price: null,
      terms: "unchanged",
    });
  });

  it("lets a version define the notice where none is, without notice, and nothing else so", () => {
    const undefinedNotice = { ...inForce, changeNoticeMonths: null };
    expect(onlyDefinesChangeNotice(undefinedNotice, { ...undefinedNotice, changeNoticeMonths: 1 })).toBe(
      true,
    );
    expect(
      onlyDefinesChangeNotice(undefinedNotice, {
        ...undefinedNotice,
        changeNoticeMonths: 1,
        minimumMonths: 24,
      }),
    ).toBe(false);
    expect(onlyDefinesChangeNotice(inForce, { ...inForce, changeNoticeMonths: 1 })).toBe(false);
  });
});
