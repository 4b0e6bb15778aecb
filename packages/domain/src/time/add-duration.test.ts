import { describe, expect, it } from "vitest";
import { addCalendarDuration, subtractCalendarDuration } from "./add-duration.js";

const paris = "Europe/Paris";

describe("calendar durations", () => {
  it("adds a month to the end of January as people read it", () => {
    const at = new Date("2026-01-31T10:00:00Z");
    expect(addCalendarDuration(at, { amount: 1, unit: "months", text: "1 month" }, paris).toISOString()).toBe(
      "2026-02-28T10:00:00.000Z",
    );
  });

  it("keeps the wall time across the spring clock change", () => {
    // 28 March 2026 12:00 in Paris is 11:00Z; a day later, 29 March 12:00 in summer time is 10:00Z.
    const at = new Date("2026-03-28T11:00:00Z");
    expect(addCalendarDuration(at, { amount: 1, unit: "days", text: "1 day" }, paris).toISOString()).toBe(
      "2026-03-29T10:00:00.000Z",
    );
  });

  it("goes back six months for the inactivity rule", () => {
    // 10:00 in Paris in November (UTC+1) is 10:00 in Paris in May (UTC+2).
    const at = new Date("2026-11-23T09:00:00Z");
    expect(
      subtractCalendarDuration(at, { amount: 6, unit: "months", text: "6 months" }, paris).toISOString(),
    ).toBe("2026-05-23T08:00:00.000Z");
  });
});
