import { useEffect, useState } from "react";

/**
 * The current time, ticking every `periodMs` so SLA countdowns move on screen. It only re-renders:
 * nothing is fetched (the tickets' due instants come with the page).
 */
export function useNow(periodMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), periodMs);
    return () => window.clearInterval(timer);
  }, [periodMs]);
  return now;
}
