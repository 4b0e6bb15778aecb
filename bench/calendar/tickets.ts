import type { Priority } from "../../packages/domain/src/sla/policy-schema.js";
import type { TicketEvent } from "../../packages/domain/src/sla/types.js";

/**
 * Random but plausible ticket logs for the SLA benchmark: created, sometimes a priority change,
 * sometimes an on-hold pause, a first reply, a resolution, and sometimes a reopening.
 */

export type Random = () => number;

/** mulberry32: a small seeded generator, so runs are comparable. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIORITIES: Priority[] = ["P1", "P2", "P3"];
const MIN = 60_000;

export function randomTicket(rnd: Random, from: number, to: number): { log: TicketEvent[]; now: number } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let t = Math.floor((from + rnd() * (to - from)) / MIN) * MIN;
  const step = () => (t += Math.floor(1 + rnd() * 600) * MIN);
  const log: TicketEvent[] = [{ at: t, type: "created", priority: pick(PRIORITIES), status: "new" }];
  if (rnd() < 0.3) log.push({ at: step(), type: "priority_changed", priority: pick(PRIORITIES) });
  if (rnd() < 0.3) {
    log.push({ at: step(), type: "status_changed", status: "on_hold" });
    log.push({ at: step(), type: "status_changed", status: "in_progress" });
  }
  if (rnd() < 0.8) log.push({ at: step(), type: "agent_responded" });
  if (rnd() < 0.6) log.push({ at: step(), type: "resolved" });
  if (rnd() < 0.1) log.push({ at: step(), type: "reopened" });
  return { log, now: step() };
}
