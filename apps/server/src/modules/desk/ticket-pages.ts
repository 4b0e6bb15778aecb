/**
 * Pages of tickets (the provider's queue, a customer's requests), kept as sent for the rest of the
 * second they were computed in. A queue is read by every agent of a team, and refreshed, far more
 * often than tickets change; computing it means a page of rows, their timelines and every SLA
 * clock explained. A page is kept per reader (tenant, locale, the query with "me" resolved) and
 * served only in the second of the server's clock it was computed in, so it is at most a second
 * old, and tests that move the clock never see a page of another instant.
 *
 * Writes make pages stale at once: each change to tickets in this process bumps a generation
 * *after* its commit, and a page computed under an older generation is never served. A page is
 * tagged with the generation read before its transaction began, so a page that may predate a
 * commit cannot outlive the bump that follows it. Another process's writes show within the second.
 */

let generation = 0;

/** Call after a change to tickets has committed (HTTP writes, sweeps, mail intake). */
export function ticketsChanged(): void {
  generation++;
}

/** Readers kept at most; past it, all are dropped (a page lives a second anyway). */
const MAX_PAGES = 500;

export interface PageCache {
  /** The page kept for this reader, if computed in this second under the current generation. */
  lookup(key: string, now: Date): string | undefined;
  /** The generation to tag a page with: read it before computing the page. */
  generation(): number;
  remember(key: string, now: Date, computedUnder: number, body: string): void;
}

/** One per application (each test application has its own database). */
export function createPageCache(): PageCache {
  const pages = new Map<string, { second: number; generation: number; body: string }>();
  const secondOf = (now: Date) => Math.floor(now.getTime() / 1000);
  return {
    lookup(key, now) {
      const page = pages.get(key);
      return page?.generation === generation && page.second === secondOf(now) ? page.body : undefined;
    },
    generation: () => generation,
    remember(key, now, computedUnder, body) {
      if (computedUnder !== generation) return;
      if (pages.size >= MAX_PAGES && !pages.has(key)) pages.clear();
      pages.set(key, { second: secondOf(now), generation: computedUnder, body });
    },
  };
}
