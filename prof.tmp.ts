import { calendar24x7Spec, compileCalendar } from "./packages/domain/src/calendar/compile.js";
import { evaluateSla } from "./packages/domain/src/sla/evaluate.js";
import { buildSlaPolicy } from "./packages/domain/src/sla/policy.js";
import { ZPlanSla } from "./packages/domain/src/sla/policy-schema.js";
import { randomTicket, seeded } from "./bench/calendar/tickets.js";
const day: [string, string][] = [["09:00", "19:00"]];
const mcr = compileCalendar({ timeZone: "Europe/Paris", week: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidayRegions: ["FR"] });
const c24 = compileCalendar(calendar24x7Spec());
const bh = (target: string) => ({ target, calendar: "bh" });
const h24 = (target: string) => ({ target, calendar: "24" });
const mk = (p: any) => buildSlaPolicy(ZPlanSla.parse(p), {}, { bh: mcr, "24": c24 }, "x");
const pol = [mk({ initialResponse: { clause: "MCR-SUP-06", P1: bh("12 business hours"), P2: bh("1 business day"), P3: bh("1 business day") } }),
 mk({ initialResponse: { clause: "MCR-SUP-06", P1: h24("30m"), P2: h24("1h"), P3: h24("8h") } })];
const rnd = seeded(1);
const tk = Array.from({ length: 20000 }, () => randomTicket(rnd, Date.UTC(2026,0,1), Date.UTC(2027,11,1)));
for (const k of [0, 1]) {
  const t0 = performance.now();
  for (const t of tk) evaluateSla(t.log, pol[k]!, t.now);
  console.log(k, (performance.now() - t0) / tk.length * 1000, "µs/ticket");
}
let t0 = performance.now();
for (const t of tk) { mcr.addBusinessDays(t.now, 1); }
console.log("abd", (performance.now() - t0) / tk.length * 1000);
t0 = performance.now();
for (const t of tk) { mcr.addMinutes(t.now, 600); }
console.log("am", (performance.now() - t0) / tk.length * 1000);
