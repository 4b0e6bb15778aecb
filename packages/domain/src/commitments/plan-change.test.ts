import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { localDateIn } from "../time/local-date.js";
import { explainCommitment } from "./explain.js";
import { decidePlanChange, type PlanPeriod } from "./plan-change.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");

function change(history: PlanPeriod[], to: string, at: string, contract = mcr) {
  return decidePlanChange({
    plans: contract.supportPlans,
    history,
    to,
    today: localDateIn(new Date(at), "Europe/Paris"),
  });
}

describe("support plan changes (MCR-SUP-02, MCR 8.2.1)", () => {
  it("accepts an upgrade during the commitment, from the next 1st, with a new 6-month commitment (issue case a)", () => {
    const d = change([{ plan: "standard", effective: "2026-03-01" }], "premium", "2026-05-14T10:00:00Z");
    expect(d).toMatchObject({
      decision: "accepted",
      clause: "MCR-SUP-02",
      effectiveDate: "2026-06-01",
      commitmentEnd: "2026-12-01",
      feesDueCents: null,
    });
    expect(explainCommitment(d, "fr", (p) => mcr.supportPlans[p]?.name.fr ?? p, "EUR")).toBe(
      "Passage de Standard à Premium accepté (montée de gamme pendant l'engagement) : effet le 01/06/2026, début du mois calendaire suivant, engagement de Premium jusqu'au 01/12/2026 (MCR-SUP-02).",
    );
  });

  it("refuses a downgrade inside the commitment with the earliest date it could take effect", () => {
    const d = change([{ plan: "premium", effective: "2026-06-01" }], "business", "2026-07-10T09:00:00Z");
    expect(d).toMatchObject({
      decision: "refused",
      clause: "MCR-SUP-02",
      effectiveDate: "2026-12-01",
      commitmentEnd: "2026-12-01",
    });
    expect(explainCommitment(d, "en", (p) => p, "EUR")).toContain(
      "can take effect on 2026-12-01 at the earliest",
    );
  });

  it("rounds the earliest date up to a 1st when the commitment ends mid-month", () => {
    // Business from 15 March: committed until 15 September; a change asked in August would take
    // effect on 1 September, inside it; 1 October is the first 1st after its end.
    const d = change([{ plan: "business", effective: "2026-03-15" }], "standard", "2026-08-20T10:00:00Z");
    expect(d).toMatchObject({
      decision: "refused",
      effectiveDate: "2026-10-01",
      commitmentEnd: "2026-09-15",
    });
  });

  it("accepts a downgrade that takes effect on the commitment's last boundary", () => {
    const d = change([{ plan: "premium", effective: "2026-06-01" }], "basic", "2026-11-20T10:00:00Z");
    expect(d).toMatchObject({ decision: "accepted", effectiveDate: "2026-12-01", commitmentEnd: null });
  });

  it("lets Basic, which has no commitment, move at any time; the new paid plan commits for 6 months", () => {
    const d = change([{ plan: "basic", effective: "2026-01-01" }], "standard", "2026-01-01T08:00:00Z");
    expect(d).toMatchObject({
      decision: "accepted",
      effectiveDate: "2026-02-01",
      commitmentEnd: "2026-08-01",
    });
  });

  it("counts the month in Europe/Paris: 31 May 22:30 UTC is already 1 June in Paris", () => {
    const d = change([{ plan: "standard", effective: "2026-03-01" }], "business", "2026-05-31T22:30:00Z");
    expect(d.effectiveDate).toBe("2026-07-01");
    expect(
      change([{ plan: "standard", effective: "2026-03-01" }], "business", "2026-05-31T21:30:00Z")
        .effectiveDate,
    ).toBe("2026-06-01");
  });

  it("counts the commitment from the last upgrade", () => {
    const history = [
      { plan: "standard", effective: "2026-03-01" },
      { plan: "business", effective: "2026-05-01" },
    ];
    expect(change(history, "standard", "2026-09-10T10:00:00Z")).toMatchObject({
      decision: "refused",
      effectiveDate: "2026-11-01",
    });
    expect(change(history, "premium", "2026-06-10T10:00:00Z")).toMatchObject({
      decision: "accepted",
      effectiveDate: "2026-07-01",
      commitmentEnd: "2027-01-01",
    });
  });

  it("refuses the plan in force, a plan the contract does not offer, and a second change while one is coming", () => {
    expect(
      change([{ plan: "standard", effective: "2026-03-01" }], "standard", "2026-05-14T10:00:00Z").reason.code,
    ).toBe("plan-change-same-plan");
    expect(
      change([{ plan: "standard", effective: "2026-03-01" }], "gold", "2026-05-14T10:00:00Z"),
    ).toMatchObject({
      decision: "refused",
      effectiveDate: null,
      reason: { code: "plan-change-unknown-plan" },
    });
    // Found by the hostile-requests test (issue 14): an object's own property names are no plans.
    for (const name of ["valueOf", "constructor", "__proto__", "toString"])
      expect(
        change([{ plan: "standard", effective: "2026-03-01" }], name, "2026-05-14T10:00:00Z").reason.code,
      ).toBe("plan-change-unknown-plan");
    expect(
      change(
        [
          { plan: "standard", effective: "2026-03-01" },
          { plan: "premium", effective: "2026-06-01" },
        ],
        "business",
        "2026-05-20T10:00:00Z",
      ).reason,
    ).toEqual({ code: "plan-change-pending", pendingPlan: "premium", pendingFrom: "2026-06-01" });
  });

  it("reads DSN's only plan from its contract: e-soutien cannot change", () => {
    const d = change(
      [{ plan: "e-soutien", effective: "2025-01-01" }],
      "e-soutien",
      "2026-05-14T10:00:00Z",
      dsn,
    );
    expect(d).toMatchObject({ decision: "refused", clause: "DSN-SUP-01" });
  });
});
