import type { ClockState, SlaClockState } from "../api/desk-types";

/**
 * SLA clocks between two reads of the ticket: the server gives each clock's state and due instant
 * (MCR-SUP-06, DSN-SUP-06); the portal counts down to that instant on its own, so a running clock
 * whose due instant has passed reads as breached without asking the server again.
 */

/** A clock's state at `now`: a running clock past its due instant is breached. */
export function stateAt(clock: SlaClockState, now: number): ClockState {
  if (clock.state === "running" && clock.dueAt && Date.parse(clock.dueAt) <= now) return "breached";
  return clock.state;
}

/** Whole minutes from `now` to the clock's due instant (negative once past), or undefined without one. */
export function minutesToDue(clock: SlaClockState, now: number): number | undefined {
  if (!clock.dueAt) return undefined;
  const ms = Date.parse(clock.dueAt) - now;
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/**
 * The clock a list shows: the first target clock still counting (running, breached or paused),
 * else the auto-close deadline while it runs, else the first clock. The queue is ordered the same
 * way on the server (ticket-sla.ts, urgencyOf).
 */
export function leadingClock(clocks: readonly SlaClockState[]): SlaClockState | undefined {
  const counting = clocks.find(
    (clock) => clock.metric !== "autoClose" && ["running", "breached", "paused"].includes(clock.state),
  );
  const autoClose = clocks.find((clock) => clock.metric === "autoClose" && clock.state === "running");
  return counting ?? autoClose ?? clocks[0];
}

/** A duration in days, hours and minutes, for "reste 1 h 05 min". */
export function splitMinutes(total: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(total));
  return {
    days: Math.floor(minutes / 1440),
    hours: Math.floor((minutes % 1440) / 60),
    minutes: minutes % 60,
  };
}
