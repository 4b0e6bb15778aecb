import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { decidePlanChangeCancellation } from "./cancel-plan-change.js";
import { explainCommitment } from "./explain.js";

const mcr = shippedContract("multicloud-ready");

// Issue 16 (MCR-SUP-02): a pending plan change is withdrawn until its effective date, not after.
describe("decidePlanChangeCancellation", () => {
  const base = { plans: mcr.supportPlans, planInForce: "standard", commitmentEnd: "2026-09-01" };
  const change = { plan: "premium", previous: "standard", effective: "2026-06-01" };
  it("cancels a change before its date, the plan in force and its commitment going on", () => {
    const d = decidePlanChangeCancellation({ ...base, change, today: "2026-05-31" });
    expect(d).toMatchObject({ decision: "accepted", clause: "MCR-SUP-02", commitmentEnd: "2026-09-01" });
    expect(explainCommitment(d, "fr", (p) => mcr.supportPlans[p]?.name.fr ?? p, "EUR")).toContain(
      "Standard reste en vigueur",
    );
  });
  it("refuses once the change is in force, saying since when, and when there is none", () => {
    const late = decidePlanChangeCancellation({ ...base, change, today: "2026-06-01" });
    expect(late).toMatchObject({ decision: "refused", effectiveDate: "2026-06-01" });
    expect(explainCommitment(late, "en", (p) => p, "EUR")).toContain("in force since 2026-06-01");
    expect(decidePlanChangeCancellation({ ...base, change: null, today: "2026-05-31" }).reason.code).toBe(
      "plan-change-cancel-none",
    );
  });
});
