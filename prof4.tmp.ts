import { calendar24x7Spec, compileCalendar } from "./packages/domain/src/calendar/compile.js";
import { buildTimeline } from "./packages/domain/src/sla/timeline.js";
import { runClock } from "./packages/domain/src/sla/clock.js";
const c24 = compileCalendar(calendar24x7Spec());
const t = Date.UTC(2026, 5, 1, 10);
const log = [{ at: t, type: "created" as const, priority: "P2" as const }, { at: t + 20 * 60000, type: "agent_responded" as const }];
const bench = (name: string, fn: (i: number) => unknown) => {
  for (let r = 0; r < 3; r++) { const t0 = performance.now(); for (let i = 0; i < 100000; i++) fn(i); if (r == 2) console.log(name, (performance.now() - t0) / 100, "µs"); }
};
bench("timeline", (i) => buildTimeline(log, t + 3600000 + i));
bench("runClock", (i) => runClock({ calendar: c24, periods: [t, t + 1200000], targetMs: 3600000, thresholds: [75, 90], projectFrom: t + 1200000, stopped: true }));
bench("mb", (i) => c24.minutesBetween(t, t + 1200000 + i));
bench("am", (i) => c24.addMinutes(t, 45 + i / 1e6));
