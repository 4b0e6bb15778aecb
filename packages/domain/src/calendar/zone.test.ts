import { describe, expect, it } from "vitest";
import { daysFromCivil, formatDay, parseDay, wallFields, weekdayOf } from "./civil.js";
import { zoneIndex } from "./zone.js";

const H = 3_600_000;
const wall = (s: string): number => Date.parse(`${s}Z`); // a wall reading written as if UTC

describe("zoneIndex: wall time → instant across clock changes (documented DST mapping)", () => {
  const paris = zoneIndex("Europe/Paris");
  const ny = zoneIndex("America/New_York");

  it("maps a non-existent wall time forward by the gap (02:30 → 03:30 CEST on 2026-03-29)", () => {
    expect(paris.toInstant(wall("2026-03-29T02:30:00"))).toBe(Date.parse("2026-03-29T03:30:00+02:00"));
    expect(paris.toInstant(wall("2026-03-29T02:00:00"))).toBe(Date.parse("2026-03-29T03:00:00+02:00"));
    expect(ny.toInstant(wall("2026-03-08T02:15:00"))).toBe(Date.parse("2026-03-08T03:15:00-04:00"));
  });

  it("takes the first occurrence of an ambiguous wall time (02:30 on 2026-10-25 is CEST)", () => {
    expect(paris.toInstant(wall("2026-10-25T02:30:00"))).toBe(Date.parse("2026-10-25T02:30:00+02:00"));
    expect(ny.toInstant(wall("2026-11-01T01:30:00"))).toBe(Date.parse("2026-11-01T01:30:00-04:00"));
  });

  it("reads offsets on both sides of a transition", () => {
    const change = Date.parse("2026-03-29T01:00:00Z");
    expect(paris.offsetAt(change - 1)).toBe(H);
    expect(paris.offsetAt(change)).toBe(2 * H);
    expect(paris.toWall(change)).toBe(wall("2026-03-29T03:00:00"));
  });

  it("rejects an unknown zone", () => {
    expect(() => zoneIndex("Europe/Atlantis")).toThrow(/unknown IANA time zone/);
  });
});

describe("civil date arithmetic", () => {
  it("round-trips day numbers and weekdays", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDay(daysFromCivil(2024, 2, 29))).toBe("2024-02-29");
    expect(weekdayOf(daysFromCivil(2026, 3, 29))).toBe(6); // Sunday
    expect(parseDay("2026-02-30")).toBeUndefined();
    expect(wallFields(wall("2026-03-03T10:30:15"))).toMatchObject({
      weekday: 1,
      hour: 10,
      minute: 30,
      second: 15,
    });
  });

  it("agrees with Date for every day of 1900–2100", () => {
    for (let d = daysFromCivil(1900, 1, 1); d <= daysFromCivil(2100, 12, 31); d++) {
      const date = new Date(d * 86_400_000);
      expect(formatDay(d)).toBe(date.toISOString().slice(0, 10));
    }
  });
});
