/**
 * Pages of tickets (the provider's queue, a customer's requests), kept as sent for the rest of the
 * second they were computed in. A queue is read by every agent of a team, and refreshed, far more
 * often than tickets change; computing it means a page of rows, their timelines and every SLA
 * clock. A page is kept per reader (tenant, side, the query with "me" resolved) for the second of
 * the server's clock it was computed in. In the next second it is still served while one request
 * computes the new page, so a page is at most two seconds old and no reader waits for another's
 * computation once there is a page; a clock that jumps further (tests) never sees an old page.
 *
 * Writes make pages stale at once: each change to tickets in this process bumps a generation
 * *after* its commit, and a page computed under an older generation is never served. A page is
 * tagged with the generation read before its transaction began, so a page that may predate a
 * commit cannot outlive the bump that follows it. Other processes on the same PostgreSQL are told
 * through `onTicketsChanged` (runtime/cluster-relay.ts relays it by LISTEN/NOTIFY) and bump theirs
 * by `ticketsChangedElsewhere`; without the relay, another process's writes show within two seconds.
 */

let generation = 0;
const listeners = new Set<() => void>();

/** Call after a change to tickets has committed (HTTP writes, sweeps, mail intake). */
export function ticketsChanged(): void {
  generation++;
  for (const listener of listeners) listener();
}

/** Another process committed a change to tickets: pages computed before are stale here too. */
export function ticketsChangedElsewhere(): void {
  generation++;
}

/** Calls `listener` after each change to tickets committed in this process; returns the unsubscription. */
export function onTicketsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Readers kept at most; past it, all are dropped (a page lives a second anyway). */
const MAX_PAGES = 500;

export interface PageCache {
  /**
   * This reader's page now: the page of this second; while it is being computed, the previous
   * second's page, or the computation to wait for when there is none. Given the previous second's
   * page, this starts the computation of this second's with `refresh` and serves the previous one.
   * Undefined: nothing to serve, compute it (`compute`).
   */
  serve(key: string, now: Date, refresh: () => Promise<string>): string | Promise<string> | undefined;
  /**
   * Computes this reader's page, once for every reader of the same page who arrives meanwhile:
   * at each new second the whole team would otherwise compute the same page at the same time.
   */
  compute(key: string, now: Date, page: () => Promise<string>): Promise<string>;
}

/** One per application (each test application has its own database). */
export function createPageCache(): PageCache {
  type Page = { second: number; generation: number; body: string | Promise<string>; previous?: string };
  const pages = new Map<string, Page>();
  const secondOf = (now: Date) => Math.floor(now.getTime() / 1000);

  function compute(key: string, now: Date, page: () => Promise<string>, previous?: string) {
    // Read before the page's queries: a change committed after this cannot be in the page, and
    // its bump makes the page unservable (see the top of this file).
    const entry: Page = { second: secondOf(now), generation, body: page(), previous };
    if (pages.size >= MAX_PAGES && !pages.has(key)) pages.clear();
    pages.set(key, entry);
    const settled = (keep: boolean) => (body?: string) => {
      if (pages.get(key) !== entry) return;
      if (keep && body !== undefined) entry.body = body;
      else pages.delete(key);
      entry.previous = undefined;
    };
    (entry.body as Promise<string>).then(settled(true), settled(false));
    return entry.body as Promise<string>;
  }

  return {
    serve(key, now, refresh) {
      const page = pages.get(key);
      if (page?.generation !== generation) return undefined;
      const second = secondOf(now);
      if (page.second === second)
        return typeof page.body === "string" ? page.body : (page.previous ?? page.body);
      if (page.second !== second - 1 || typeof page.body !== "string") return undefined;
      void compute(key, now, refresh, page.body).catch(() => {}); // its failure is the refresher's to report
      return page.body;
    },
    compute: (key, now, page) => compute(key, now, page),
  };
}
