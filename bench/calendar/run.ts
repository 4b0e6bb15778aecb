/**
 * Calendar and SLA benchmark: `npx tsx bench/calendar/run.ts` (or `npm run bench:calendar`).
 *
 * - addMinutes and minutesBetween on the MCR calendar (MCR-SUP-07: Mon–Fri 09:00–19:00,
 *   Europe/Paris, French public holidays) over random instants of 2026–2027 and random durations
 *   up to 5 business days (3000 minutes), against a naive minute-stepping implementation on
 *   fewer samples (whose results must agree);
 * - SLA state of 100,000 random ticket logs, against just iterating the logs.
 * Targets: >= 1M addMinutes/s on one core, >= 1000x the naive baseline, 100k tickets < 1 s.
 * Numbers only; no assertion fails the build on timing.
 */
import { performance } from "node:perf_hooks";
import { calendar24x7Spec, compileCalendar } from "../../packages/domain/src/calendar/compile.js";
import type { CalendarSpecInput } from "../../packages/domain/src/calendar/spec.js";
import { evaluateSla } from "../../packages/domain/src/sla/evaluate.js";
import { buildSlaPolicy } from "../../packages/domain/src/sla/policy.js";
import { ZAutoClose, ZPlanSla } from "../../packages/domain/src/sla/policy-schema.js";
import type { TicketEvent } from "../../packages/domain/src/sla/types.js";
import { naiveCalendar } from "./naive.js";
import { randomTicket, seeded } from "./tickets.js";

const MIN = 60_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const FAST_SAMPLES = 1_000_000;
const NAIVE_SAMPLES = 50;
const TICKETS = 100_000;

const day: [string, string][] = [["09:00", "19:00"]];
const MCR: CalendarSpecInput = {
  timeZone: "Europe/Paris",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidayRegions: ["FR"],
};

const rnd = seeded(20260329);
const instants = Float64Array.from(
  { length: FAST_SAMPLES },
  () => Math.floor((FROM + rnd() * (TO - FROM)) / MIN) * MIN,
);
const durations = Float64Array.from({ length: FAST_SAMPLES }, () => Math.floor(rnd() * 3001));

/** Runs fn over n samples and returns nanoseconds per call (best of a few rounds). */
function time(n: number, rounds: number, fn: (i: number) => number): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) sink += fn(i);
    best = Math.min(best, performance.now() - t0);
  }
  if (sink === -1) console.log(sink); // keeps the loop from being optimised away
  return (best * 1e6) / n;
}

// --- calendar -----------------------------------------------------------------------------
const t0 = performance.now();
const mcr = compileCalendar(MCR, "business-hours");
mcr.minutesBetween(FROM, TO); // builds the 2026–2027 chunks
const compileMs = performance.now() - t0;
const naive = naiveCalendar(MCR);

const ends = Float64Array.from(instants, (t, i) => mcr.addMinutes(t, durations[i] as number));
const addNs = time(FAST_SAMPLES, 5, (i) => mcr.addMinutes(instants[i] as number, durations[i] as number));
const betweenNs = time(FAST_SAMPLES, 5, (i) => mcr.minutesBetween(instants[i] as number, ends[i] as number));

let agree = 0;
const naiveAddNs = time(NAIVE_SAMPLES, 1, (i) => {
  const r = naive.addMinutes(instants[i] as number, durations[i] as number);
  if (r === ends[i]) agree++;
  return r;
});
const naiveBetweenNs = time(NAIVE_SAMPLES, 1, (i) => {
  const r = naive.minutesBetween(instants[i] as number, ends[i] as number);
  if (r === durations[i]) agree++;
  return r;
});

// --- SLA ----------------------------------------------------------------------------------
const calendars = { "business-hours": mcr, "24x7": compileCalendar(calendar24x7Spec(), "24x7") };
const bh = (target: string) => ({ target, calendar: "business-hours" });
const h24 = (target: string) => ({ target, calendar: "24x7" });
const clause = "MCR-SUP-06";
// MCR-SUP-06 matrix, plus a resolution metric so each ticket runs two clocks and the auto-close.
const plans = {
  Standard: {
    initialResponse: {
      clause,
      P1: bh("12 business hours"),
      P2: bh("1 business day"),
      P3: bh("1 business day"),
    },
    resolution: { clause, P1: bh("3 business days"), P2: bh("5 business days"), P3: bh("10 business days") },
  },
  Business: {
    initialResponse: { clause, P1: h24("1h"), P2: h24("2h"), P3: bh("1 business day") },
    resolution: { clause, P1: h24("8h"), P2: h24("24h"), P3: bh("5 business days") },
  },
  Premium: {
    initialResponse: { clause, P1: h24("30m"), P2: h24("1h"), P3: h24("8h") },
    resolution: { clause, P1: h24("4h"), P2: h24("8h"), P3: h24("48h") },
  },
};
const autoClose = ZAutoClose.parse({
  after: "5 business days",
  calendar: "business-hours",
  clause: "MCR-SUP-10",
});
const policies = Object.entries(plans).map(([name, plan]) =>
  buildSlaPolicy(ZPlanSla.parse(plan), {}, calendars, name, autoClose),
);
const tickets = Array.from({ length: TICKETS }, () => randomTicket(rnd, FROM, TO - 30 * 86_400_000));

const slaNs = time(TICKETS, 3, (i) => {
  const { log, now } = tickets[i] as { log: TicketEvent[]; now: number };
  const e = evaluateSla(log, policies[i % policies.length] as (typeof policies)[number], now);
  return e.metrics.length;
});
// Baseline: what any SLA computation must at least do, copy, sort and read each log.
const iterateNs = time(TICKETS, 3, (i) => {
  const { log } = tickets[i] as { log: TicketEvent[] };
  let s = 0;
  for (const e of [...log].sort((a, b) => a.at - b.at)) s += e.at;
  return s;
});

// --- report -------------------------------------------------------------------------------
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
const rows = [
  [
    "addMinutes",
    fmt(FAST_SAMPLES),
    fmt(addNs, 1),
    fmt(1e9 / addNs),
    fmt(naiveAddNs),
    fmt(naiveAddNs / addNs),
  ],
  [
    "minutesBetween",
    fmt(FAST_SAMPLES),
    fmt(betweenNs, 1),
    fmt(1e9 / betweenNs),
    fmt(naiveBetweenNs),
    fmt(naiveBetweenNs / betweenNs),
  ],
];
console.log(`MCR calendar compiled (2026–2027 chunks built) in ${fmt(compileMs, 1)} ms`);
console.log("operation       | samples   | ns/op  | ops/s      | naive ns/op | speed-up vs naive");
for (const r of rows) console.log(r.map((c, i) => c.padEnd([15, 9, 6, 10, 11, 0][i] as number)).join(" | "));
console.log(`naive agreed on ${agree}/${2 * NAIVE_SAMPLES} samples (naive: ${NAIVE_SAMPLES} samples each)`);
console.log(
  `SLA state (2 clocks + auto-close) of ${fmt(TICKETS)} tickets: ${fmt((slaNs * TICKETS) / 1e6, 1)} ms ` +
    `(${fmt(slaNs / 1000, 2)} µs/ticket); iterating the logs: ${fmt((iterateNs * TICKETS) / 1e6, 1)} ms; ` +
    `ratio ${fmt(slaNs / iterateNs, 1)}x`,
);
