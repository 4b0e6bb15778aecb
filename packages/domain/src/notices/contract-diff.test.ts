import { describe, expect, it } from "vitest";
import { diffContractDocuments } from "./contract-diff.js";

describe("the changes between two contract files (GEN-01)", () => {
  it("lists each term changed, added or removed with its path and its values as text", () => {
    const before = {
      version: "1.0.0",
      prices: { "support-standard": { percent: "7.5%", monthlyMinimum: "69 EUR" } },
      notices: { priceIncrease: { period: "30 days", channels: ["email"] } },
      liability: { cap: "12 months" },
    };
    const after = {
      version: "1.1.0",
      prices: { "support-standard": { percent: "8.5%", monthlyMinimum: "69 EUR" } },
      notices: { priceIncrease: { period: "30 days", channels: ["email", "portal"] } },
      edition: "2027",
    };
    expect(diffContractDocuments(before, after)).toEqual([
      { path: ["version"], change: "changed", before: "1.0.0", after: "1.1.0" },
      { path: ["prices", "support-standard", "percent"], change: "changed", before: "7.5%", after: "8.5%" },
      {
        path: ["notices", "priceIncrease", "channels"],
        change: "changed",
        before: "email",
        after: "email, portal",
      },
      { path: ["edition"], change: "added", after: "2027" },
      { path: ["liability"], change: "removed", before: "cap: 12 months" },
    ]);
  });

  it("walks a list of items by their ids, so one item's change shows alone", () => {
    const before = {
      catalogue: {
        items: [
          { id: "aws", minimum: 1 },
          { id: "gcp", minimum: 1 },
        ],
      },
    };
    const after = {
      catalogue: {
        items: [
          { id: "aws", minimum: 1 },
          { id: "gcp", minimum: 2 },
        ],
      },
    };
    expect(diffContractDocuments(before, after)).toEqual([
      { path: ["catalogue", "items", "gcp", "minimum"], change: "changed", before: "1", after: "2" },
    ]);
  });

  it("finds nothing between a file and itself", () => {
    const doc = { a: { b: [1, 2] } };
    expect(diffContractDocuments(doc, structuredClone(doc))).toEqual([]);
  });
});
