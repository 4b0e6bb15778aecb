import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar, compileCalendar } from "../calendar/compile.js";
import { loadContractText } from "../contract/index.js";
import { evaluateSla } from "./evaluate.js";
import { explain } from "./explain.js";
import { T } from "./fixtures.test-helper.js";
import { buildSlaPolicy } from "./policy.js";

/** The SLA engine fed from the shipped contract files, as the server will feed it (GEN-01). */

function load(name: string) {
  const file = `contracts/${name}.yaml`;
  const contract = loadContractText(
    readFileSync(new URL(`../../../../${file}`, import.meta.url), "utf8"),
    file,
  );
  const calendars: Record<string, BusinessCalendar> = {};
  for (const [key, spec] of Object.entries(contract.calendars)) calendars[key] = compileCalendar(spec, key);
  const policy = (plan: string) => {
    const support = contract.supportPlans[plan];
    if (!support) throw new Error(`no plan ${plan}`);
    return buildSlaPolicy(
      support.sla,
      contract.sla.clockPolicy,
      calendars,
      support.name,
      contract.sla.autoClose,
    );
  };
  return { contract, policy };
}

describe("multicloud-ready (MCR)", () => {
  const { contract, policy } = load("multicloud-ready");

  it("builds a policy for every plan", () => {
    for (const plan of Object.keys(contract.supportPlans)) expect(() => policy(plan)).not.toThrow();
  });

  it("answers Premium P1 within 30 real minutes across the 2026-03-29 clock change (MCR-SUP-06)", () => {
    const log = [{ at: T("2026-03-29T01:50+01:00"), type: "created" as const, priority: "P1" as const }];
    const [mtti] = evaluateSla(log, policy("premium"), T("2026-03-29T03:00+02:00")).metrics;
    if (!mtti) throw new Error("Premium defines an initial response target");
    expect(mtti.dueAt).toBe(T("2026-03-29T03:20+02:00"));
    expect(explain(mtti, "en").text).toContain(
      "due Sun 29 Mar 2026 03:20 (Europe/Paris): Premium P1, < 30 min, 24x7",
    );
  });

  it("gives Standard P2 one business day, across Easter Monday, and auto-closes after 5 (MCR-SUP-10)", () => {
    const log = [
      { at: T("2026-04-03T18:30+02:00"), type: "created" as const, priority: "P2" as const },
      { at: T("2026-04-07T10:00+02:00"), type: "resolved" as const },
    ];
    const e = evaluateSla(log, policy("standard"), T("2026-04-07T12:00+02:00"));
    expect(e.metrics[0]).toMatchObject({ state: "met", dueAt: T("2026-04-07T18:30+02:00") });
    // Tuesday 7 April + 5 business days: 8, 9, 10, 13, 14 April.
    expect(e.autoClose?.dueAt).toBe(T("2026-04-14T10:00+02:00"));
    // The calendar is named in the contract's words (MCR 8.1 "Heures Ouvrées"), not by its id.
    expect(e.metrics[0] && explain(e.metrics[0]).text).toContain(
      "Standard P2, 1 jour ouvré, Heures Ouvrées ;",
    );
    expect(e.autoClose && explain(e.autoClose).text).toBe(
      "Clôture automatique : échéance mar. 14 avr. 2026 10:00 (Europe/Paris) : 5 jours ouvrés après la " +
        "résolution sans confirmation, Heures Ouvrées — MCR-SUP-10",
    );
    expect(e.autoClose && explain(e.autoClose, "en").text).toContain("without confirmation, Business Hours");
  });
});

describe("deux-sevres-eservices (DSN)", () => {
  it("builds its policies: no numeric target, no auto-close", () => {
    const { contract, policy } = load("deux-sevres-eservices");
    for (const plan of Object.keys(contract.supportPlans)) {
      const p = policy(plan);
      expect(p.autoClose).toBeUndefined();
      const log = [{ at: T("2026-06-13T17:30+02:00"), type: "created" as const, priority: "P2" as const }];
      for (const m of evaluateSla(log, p, T("2026-06-15T09:00+02:00")).metrics) expect(m.state).toBe("none");
    }
  });
});
