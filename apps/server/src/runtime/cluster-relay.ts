import pg from "pg";
import type { Logger } from "pino";
import { onTicketsChanged, ticketsChangedElsewhere } from "../modules/desk/ticket-pages.js";

/** The PostgreSQL channel on which processes tell each other that tickets changed. */
const CHANNEL = "guichet_tickets_changed";
const RECONNECT_MS = 1_000;

export interface ClusterRelay {
  stop(): Promise<void>;
}

/**
 * Relays "tickets changed" between the server processes of one PostgreSQL (issue 19), so a ticket
 * opened through one process is in the queue another serves within its page's second: each change
 * committed here is NOTIFYed (coalesced: at most one notification in flight, one more if changes
 * came meanwhile), and each notification from another process makes this one's pages stale. A
 * lost connection is reopened, and every page is taken as stale then (notifications may have been
 * missed). Not used on PGlite, which one process serves.
 */
export function startClusterRelay(databaseUrl: string, sender: string, logger: Logger): ClusterRelay {
  let stopped = false;
  let client: pg.Client | undefined;
  let sending = false;
  let again = false;

  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      if (message.payload !== sender) ticketsChangedElsewhere();
    });
    next.on("error", (error) => {
      logger.warn({ err: error }, "cluster relay connection lost; reconnecting");
      void next.end().catch(() => {});
      if (client === next) client = undefined;
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      client = next;
      ticketsChangedElsewhere();
    } catch (error) {
      logger.warn({ err: error }, "cluster relay cannot connect; retrying");
      void next.end().catch(() => {});
      setTimeout(() => void connect(), RECONNECT_MS).unref();
    }
  };

  const send = async () => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    do {
      again = false;
      try {
        await client?.query("select pg_notify($1, $2)", [CHANNEL, sender]);
      } catch (error) {
        logger.warn(
          { err: error },
          "cluster relay could not notify; other processes see it within two seconds",
        );
      }
    } while (again && !stopped);
    sending = false;
  };

  const unsubscribe = onTicketsChanged(() => void send());
  void connect();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      await client?.end().catch(() => {});
    },
  };
}
