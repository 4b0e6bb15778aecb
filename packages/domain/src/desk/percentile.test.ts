import { describe, expect, it } from "vitest";
import { nearestRankPercentile } from "./percentile.js";

describe("nearest-rank percentile", () => {
  it("gives the report's hand-computed example: 10, 20, 40 minutes → median 20, 90th percentile 40", () => {
    expect(nearestRankPercentile([40, 10, 20], 50)).toBe(20);
    expect(nearestRankPercentile([40, 10, 20], 90)).toBe(40);
  });

  it("takes the lower middle value as median of an even count: always an observed time", () => {
    expect(nearestRankPercentile([10, 20], 50)).toBe(10);
    expect(nearestRankPercentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it("takes the ⌈0.9 n⌉-th value, without floating-point drift at exact ranks", () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(nearestRankPercentile(oneToTen, 90)).toBe(9);
    expect(nearestRankPercentile([...oneToTen, 11], 90)).toBe(10);
    expect(nearestRankPercentile(oneToTen, 100)).toBe(10);
    expect(nearestRankPercentile(oneToTen, 1)).toBe(1);
  });

  it("has no value for an empty set, and refuses a percentile outside (0, 100]", () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
    expect(nearestRankPercentile([7], 90)).toBe(7);
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 101)).toThrow(RangeError);
  });
});
