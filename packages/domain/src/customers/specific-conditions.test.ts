import { describe, expect, it } from "vitest";
import { conditionsInForce, type SpecificConditions } from "./specific-conditions.js";

const version = (item: string, effectiveFrom: string, monthlyPriceCents: number): SpecificConditions => ({
  catalogueItemId: item,
  effectiveFrom,
  documentTitle: `CS ${item}`,
  documentVersion: effectiveFrom,
  monthlyPriceCents,
  minimumMonths: 12,
  terminationNoticeMonths: 3,
  maintenanceNoticeDays: 15,
  demo: true,
});

describe("specific conditions in force (DSN art. 4.2, 6, 9)", () => {
  const versions = [
    version("e-sav", "2025-01-01", 15000),
    version("e-sav", "2026-04-01", 17500),
    version("tao", "2025-01-01", 9000),
  ];

  it("answers the version in force on a date: the latest effective on or before it", () => {
    expect(conditionsInForce(versions, "e-sav", "2026-03-31")?.monthlyPriceCents).toBe(15000);
    expect(conditionsInForce(versions, "e-sav", "2026-04-01")?.monthlyPriceCents).toBe(17500);
    expect(conditionsInForce(versions, "tao", "2030-01-01")?.monthlyPriceCents).toBe(9000);
  });

  it("answers null before the first version and for an item without conditions", () => {
    expect(conditionsInForce(versions, "e-sav", "2024-12-31")).toBeNull();
    expect(conditionsInForce(versions, "eep", "2026-01-01")).toBeNull();
  });
});
