import { calendar24x7Spec, compileCalendar } from "./packages/domain/src/calendar/compile.js";
import { evaluateSla } from "./packages/domain/src/sla/evaluate.js";
import { buildSlaPolicy } from "./packages/domain/src/sla/policy.js";
import { ZPlanSla } from "./packages/domain/src/sla/policy-schema.js";
const c24 = compileCalendar(calendar24x7Spec());
const h24 = (target: string) => ({ target, calendar: "24" });
const pol = buildSlaPolicy(ZPlanSla.parse({ initialResponse: { clause: "MCR-SUP-06", P1: h24("30m"), P2: h24("1h"), P3: h24("8h") } }), {}, { "24": c24 }, "x");
const t = Date.UTC(2026, 5, 1, 10);
const log = [{ at: t, type: "created" as const, priority: "P2" as const }, { at: t + 20 * 60000, type: "agent_responded" as const }];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 100000; i++) evaluateSla(log, pol, t + 3600000 + i);
  console.log((performance.now() - t0) / 100000 * 1000, "µs");
}
