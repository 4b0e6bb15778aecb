import { describe, expect, it } from "vitest";
import { localDateIn } from "./local-date.js";

describe("localDateIn", () => {
  it("gives the provider's date, which changes at its midnight, not UTC's", () => {
    // Paris is UTC+1 in November: its midnight is 23:00 UTC.
    expect(localDateIn(new Date("2026-11-23T22:59:30Z"), "Europe/Paris")).toBe("2026-11-23");
    expect(localDateIn(new Date("2026-11-23T23:00:10Z"), "Europe/Paris")).toBe("2026-11-24");
    expect(localDateIn(new Date("2026-11-23T23:00:50Z"), "Europe/Paris")).toBe("2026-11-24");
    expect(localDateIn(new Date("2026-11-23T23:00:50Z"), "America/New_York")).toBe("2026-11-23");
    expect(localDateIn(new Date("2026-11-23T22:59:59Z"), "Europe/Paris")).toBe("2026-11-23");
  });

  it("refuses an invalid instant", () => {
    expect(() => localDateIn(new Date(Number.NaN), "Europe/Paris")).toThrow(RangeError);
  });
});
