import pg from "pg";
import pino from "pino";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPageCache, ticketsChanged } from "../modules/desk/ticket-pages.js";
import { startClusterRelay } from "./cluster-relay.js";

const postgresUrl = inject("postgresUrl");
const logger = pino({ level: "silent" });
const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("not in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

// Issue 19: a change committed through one process makes the pages another keeps stale at once.
describe.runIf(postgresUrl)("the cluster relay (LISTEN/NOTIFY)", () => {
  const relays: { stop(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
  });

  it("makes a page kept here stale when another process says tickets changed, and tells others of changes here", async () => {
    const here = startClusterRelay(postgresUrl as string, "process-here", logger);
    relays.push(here);
    const other = new pg.Client({ connectionString: postgresUrl });
    await other.connect();
    const heard: string[] = [];
    other.on("notification", (message) => heard.push(message.payload ?? ""));
    await other.query("LISTEN guichet_tickets_changed");
    try {
      const pages = createPageCache();
      const now = new Date();
      const kept = async () => (await pages.compute("queue", now, async () => "page")) !== undefined;
      // Wait until the relay listens (its first connection makes every page stale once).
      await new Promise((resolve) => setTimeout(resolve, 500));
      await kept();
      expect(pages.serve("queue", now, async () => "refreshed")).toBe("page");

      await other.query("select pg_notify('guichet_tickets_changed', 'process-there')");
      await until(() => pages.serve("queue", now, async () => "refreshed") === undefined);

      // A change committed here is announced to the others, named as this process's.
      ticketsChanged();
      await until(() => heard.includes("process-here"));
    } finally {
      await other.end();
    }
  });
});
