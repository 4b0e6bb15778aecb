import { describe, expect, it } from "vitest";
import { inputValueOf, localToIso } from "./form-data";

describe("date-times typed in the deployment's time zone", () => {
  it("reads a Paris wall time as its instant, winter and summer", () => {
    expect(localToIso("2026-12-01T08:00", "Europe/Paris")).toBe("2026-12-01T07:00:00.000Z");
    expect(localToIso("2026-07-14T08:00", "Europe/Paris")).toBe("2026-07-14T06:00:00.000Z");
  });

  it("keeps the wall time on both sides of a clock change", () => {
    // Sunday 25 October 2026: 03:00 summer time becomes 02:00 winter time.
    expect(localToIso("2026-10-24T12:00", "Europe/Paris")).toBe("2026-10-24T10:00:00.000Z");
    expect(localToIso("2026-10-26T12:00", "Europe/Paris")).toBe("2026-10-26T11:00:00.000Z");
  });

  it("shows an instant as the Paris wall time an input holds", () => {
    expect(inputValueOf(Date.parse("2026-12-01T07:00:00Z"), "Europe/Paris")).toBe("2026-12-01T08:00");
    expect(inputValueOf(Date.parse("2026-12-31T23:30:00Z"), "Europe/Paris")).toBe("2027-01-01T00:30");
  });
});
