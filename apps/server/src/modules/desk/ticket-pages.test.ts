import { describe, expect, it } from "vitest";
import { createPageCache, ticketsChanged } from "./ticket-pages.js";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 24, 9, 0, 0) + seconds * 1000);

/** A page computation the test finishes when it wants, counting how often it was started. */
function computation(body: string) {
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const started = { count: 0 };
  const run = () => {
    started.count++;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { run, started, finish: () => finish(body), fail: () => fail(new Error("database gone")) };
}

describe("pages of tickets (ticket-pages.ts)", () => {
  it("computes a page once for every reader who arrives meanwhile, then serves it for its second", async () => {
    const pages = createPageCache();
    const first = computation("page@0");
    const computing = pages.compute("queue", at(0), first.run);
    const waiting = pages.serve("queue", at(0), first.run);
    expect(waiting).toBeInstanceOf(Promise);
    first.finish();
    expect(await computing).toBe("page@0");
    expect(await waiting).toBe("page@0");
    expect(pages.serve("queue", at(0.9), first.run)).toBe("page@0");
    expect(first.started.count).toBe(1);
  });

  it("serves the previous second's page while one reader computes the next, and nothing older", async () => {
    const pages = createPageCache();
    const first = computation("page@0");
    const computing = pages.compute("queue", at(0), first.run);
    first.finish();
    await computing;
    const next = computation("page@1");
    expect(pages.serve("queue", at(1), next.run)).toBe("page@0");
    expect(pages.serve("queue", at(1.5), next.run)).toBe("page@0");
    expect(next.started.count).toBe(1);
    next.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(pages.serve("queue", at(1.5), next.run)).toBe("page@1");
    // Two seconds on (or a clock moved by a test), the page is too old to serve at all.
    expect(pages.serve("queue", at(3), next.run)).toBeUndefined();
  });

  it("never serves a page computed before a change to tickets committed", async () => {
    const pages = createPageCache();
    const first = computation("page@0");
    const computing = pages.compute("queue", at(0), first.run);
    ticketsChanged(); // committed while the page was being read
    first.finish();
    expect(await computing).toBe("page@0"); // its own reader gets it, as any read beside a write
    expect(pages.serve("queue", at(0), first.run)).toBeUndefined();
    expect(pages.serve("queue", at(1), first.run)).toBeUndefined();
  });

  it("forgets a computation that failed, so the next reader computes again", async () => {
    const pages = createPageCache();
    const failing = computation("never");
    const computing = pages.compute("queue", at(0), failing.run);
    failing.fail();
    await expect(computing).rejects.toThrow("database gone");
    expect(pages.serve("queue", at(0), failing.run)).toBeUndefined();
  });

  it("keeps each reader's page apart", async () => {
    const pages = createPageCache();
    const mine = computation("mine");
    const computing = pages.compute('["org-a"]', at(0), mine.run);
    mine.finish();
    await computing;
    expect(pages.serve('["org-b"]', at(0), mine.run)).toBeUndefined();
  });
});
