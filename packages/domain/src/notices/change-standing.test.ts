import { describe, expect, it } from "vitest";
import { changeStanding } from "./change-standing.js";

// DSN 10.1 (DSN-BIL-02): a new version of the general conditions or the security annex binds only once signed.
describe("changeStanding", () => {
  it("leaves a version needing a signature unapplied for a customer who has not signed, even past its date", () => {
    expect(changeStanding({ signatureRequired: true, signedOn: null }, "2027-01-01", "2027-03-01")).toEqual({
      state: "awaiting-signature",
      from: null,
    });
  });

  it("applies a signed version from its date, or from the signature when signed later", () => {
    const early = { signatureRequired: true, signedOn: "2026-12-10" };
    expect(changeStanding(early, "2027-01-01", "2026-12-31")).toEqual({
      state: "to-come",
      from: "2027-01-01",
    });
    expect(changeStanding(early, "2027-01-01", "2027-01-01")).toEqual({
      state: "in-force",
      from: "2027-01-01",
    });
    const late = { signatureRequired: true, signedOn: "2027-02-15" };
    expect(changeStanding(late, "2027-01-01", "2027-02-15")).toEqual({
      state: "in-force",
      from: "2027-02-15",
    });
  });

  it("applies a change needing no signature from its date", () => {
    expect(changeStanding({ signatureRequired: false, signedOn: null }, "2027-01-01", "2027-01-02")).toEqual({
      state: "in-force",
      from: "2027-01-01",
    });
  });
});
