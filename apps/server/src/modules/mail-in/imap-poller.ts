import { BlockList, isIP } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { ImapFlow } from "imapflow";
import type { ReceiverLogger } from "./smtp-receiver.js";

/** An IMAP mailbox to log in to. */
export interface ImapAccount {
  host: string;
  port: number;
  /** TLS from the first byte (imaps). Otherwise STARTTLS, required unless the server is on loopback. */
  secure: boolean;
  user: string;
  password: string;
}

export interface ImapPollerOptions extends ImapAccount {
  /** The folder mail arrives in, e.g. "INBOX". */
  folder: string;
  /** Where a message goes once taken (created when missing); unset: it stays in `folder`, flagged \Seen. */
  processedFolder?: string | undefined;
  /** Seconds between two polls. IDLE wakes the poller sooner when the server announces new mail. */
  pollSeconds: number;
  /** A larger message is not fetched: it is flagged \Seen and left in `folder` for a person, with a warning. */
  maxMessageBytes: number;
  /**
   * Takes one message, its raw source. Resolving means it is safely stored: only then is it flagged
   * \Seen. Throwing leaves it unseen, so the next poll hands it over again: throw for transient
   * trouble only (a malformed mail should be taken and dropped, or it comes back at every poll).
   *
   * It must be idempotent. A crash or a lost connection between its resolving and the \Seen flag
   * reaching the server hands the same message over again at the next poll; nothing in IMAP can
   * make "stored" and "flagged" one step, so the callback has to recognise the message itself
   * (by its Message-ID).
   */
  onMessage(raw: Buffer): Promise<void>;
  logger: ReceiverLogger;
  /** Wait before reconnecting after a lost or refused connection: doubles from `firstMs` up to `maxMs`. */
  reconnect?: { firstMs: number; maxMs: number };
}

/** What one poll did; `pollNow` resolves with it. */
export interface PollReport {
  /** Handed over and flagged \Seen. */
  taken: number;
  /** `onMessage` threw: left unseen for the next poll. */
  failed: number;
  /** Over `maxMessageBytes`: flagged \Seen and left in the folder, not handed over. */
  tooLarge: number;
}

export interface ImapPoller {
  /** Polls now rather than at the next interval; resolves with that poll's report (after a reconnection if need be). */
  pollNow(): Promise<PollReport>;
  /** Lets the message in hand finish, logs out, and resolves once the connection is closed. */
  stop(): Promise<void>;
}

const DEFAULT_RECONNECT = { firstMs: 1_000, maxMs: 120_000 };
/** A server that does not answer LOGOUT in this time is simply disconnected. */
const LOGOUT_TIMEOUT_MS = 5_000;

/**
 * Polls a mailbox by IMAP, the other way for mail to reach the desk than the SMTP receiver:
 * each unseen message of `folder` is handed to `onMessage`, oldest first, and flagged \Seen (then
 * moved to `processedFolder`) only once `onMessage` resolved, so a crash never loses a mail.
 * Between polls the connection IDLEs, so new mail is taken as soon as the server announces it.
 * A lost connection is reopened with a doubling wait. Nothing secret is logged.
 */
export function startImapPoller(options: ImapPollerOptions): ImapPoller {
  const { logger } = options;
  const retry = options.reconnect ?? DEFAULT_RECONNECT;
  const mailbox = { host: options.host, port: options.port, user: options.user, folder: options.folder };
  let stopping = false;
  let connecting: ImapFlow | undefined;
  /** Callers of pollNow waiting for a poll that starts after their call. */
  let requested: { resolve(report: PollReport): void; reject(error: Error): void }[] = [];
  /** End the wait between two polls, and the wait before reconnecting, early. */
  let endIdle: (() => void) | undefined;
  let endBackoff: (() => void) | undefined;

  /** Connects, then polls until the connection is lost (throws) or the poller stops. */
  async function serve(connection: ImapFlow, polled: () => void) {
    let mailArrived = false;
    connection.on("exists", ({ count, prevCount }) => {
      if (count > prevCount) mailArrived = true;
    });
    connecting = connection;
    await connection.connect();
    connecting = undefined;
    if (options.processedFolder) await connection.mailboxCreate(options.processedFolder);
    logger.info(mailbox, "IMAP mailbox connected");
    while (!stopping && connection.usable) {
      const callers = requested;
      requested = [];
      try {
        const report = await pollOnce(connection, options, {
          // Mail announced up to the sync is in this poll's search; only later mail calls for another.
          synced: () => {
            mailArrived = false;
          },
          stopping: () => stopping,
        });
        polled();
        for (const caller of callers) caller.resolve(report);
      } catch (error) {
        // Their poll did not happen: they wait for the next one, after the reconnection.
        requested.unshift(...callers);
        throw error;
      }
      if (stopping || requested.length > 0 || mailArrived) continue;
      await waitForMail(connection, options.pollSeconds * 1000);
    }
  }

  async function waitForMail(connection: ImapFlow, ms: number): Promise<void> {
    const wait = pause(ms);
    connection.on("exists", wait.end);
    connection.on("close", wait.end);
    endIdle = wait.end;
    // Any next command ends the IDLE; a failure here shows as "close", which ends the wait.
    connection.idle().catch(() => {});
    try {
      await wait.done;
    } finally {
      connection.off("exists", wait.end);
      connection.off("close", wait.end);
      endIdle = undefined;
    }
  }

  const running = (async () => {
    let failures = 0;
    while (!stopping) {
      const connection = await newClient(options);
      // Without a listener an "error" event would crash the process; the failed command says it too.
      connection.on("error", (error) =>
        logger.warn({ ...mailbox, error: describe(error) }, "IMAP connection error"),
      );
      let wasUp = false;
      try {
        await serve(connection, () => {
          wasUp = true;
        });
      } catch (error) {
        if (!stopping) logger.error({ ...mailbox, error: describe(error) }, messageFor(error));
      } finally {
        connecting = undefined;
        await logOut(connection);
      }
      if (stopping) break;
      // A connection that worked and dropped is retried soon; one that never gets as far as a
      // poll (server down, login refused, folder missing) ever later.
      failures = wasUp ? 1 : failures + 1;
      const wait = Math.min(retry.firstMs * 2 ** (failures - 1), retry.maxMs);
      logger.info({ ...mailbox, retryInMs: wait }, "IMAP mailbox disconnected; reconnecting");
      const backoff = pause(wait);
      endBackoff = backoff.end;
      await backoff.done;
      endBackoff = undefined;
    }
    for (const caller of requested) caller.reject(new Error("IMAP poller stopped"));
    requested = [];
  })();

  return {
    pollNow() {
      if (stopping) return Promise.reject(new Error("IMAP poller stopped"));
      return new Promise<PollReport>((resolve, reject) => {
        requested.push({ resolve, reject });
        // Cuts the wait between two polls short, not the wait before reconnecting.
        endIdle?.();
      });
    },
    async stop() {
      stopping = true;
      endIdle?.();
      endBackoff?.();
      // A connection still being opened (an unreachable host) is abandoned rather than awaited.
      connecting?.close();
      await running;
    },
  };
}

/** One pass over the unseen messages of the folder, oldest first. */
async function pollOnce(
  connection: ImapFlow,
  options: ImapPollerOptions,
  { synced, stopping }: { synced(): void; stopping(): boolean },
): Promise<PollReport> {
  const report: PollReport = { taken: 0, failed: 0, tooLarge: 0 };
  const lock = await connection.getMailboxLock(options.folder);
  try {
    // A session sees mail delivered by others only once the server synced its view; NOOP is
    // that sync (RFC 3501 §6.1.2), so the search below includes everything delivered until now.
    await connection.noop();
    synced();
    const unseen = (await connection.search({ seen: false }, { uid: true })) || [];
    if (unseen.length === 0) return report;
    // Sizes first: a message is read whole into memory, so an oversized one is never fetched.
    const sizes = await connection.fetchAll(unseen, { uid: true, size: true }, { uid: true });
    for (const { uid, size } of sizes.sort((a, b) => a.uid - b.uid)) {
      if (stopping()) break;
      const range = String(uid);
      if ((size ?? 0) > options.maxMessageBytes) {
        options.logger.warn(
          { folder: options.folder, uid, bytes: size, limit: options.maxMessageBytes },
          "IMAP message too large: flagged seen and left in the folder for a person",
        );
        await connection.messageFlagsAdd(range, ["\\Seen"], { uid: true });
        report.tooLarge += 1;
        continue;
      }
      // BODY.PEEK: reading the message does not flag it \Seen, only success below does.
      const message = await connection.fetchOne(range, { source: true }, { uid: true });
      const raw = message ? message.source : undefined;
      if (!raw) continue; // expunged by someone else meanwhile
      try {
        await options.onMessage(raw);
      } catch (error) {
        report.failed += 1;
        options.logger.error(
          { folder: options.folder, uid, err: error },
          "IMAP message not taken; left unseen, tried again at the next poll",
        );
        continue;
      }
      await connection.messageFlagsAdd(range, ["\\Seen"], { uid: true });
      report.taken += 1;
      if (options.processedFolder) {
        // Already flagged: a failed move leaves it in the folder, taken and not taken again.
        await connection
          .messageMove(range, options.processedFolder, { uid: true })
          .catch((error: unknown) => {
            options.logger.warn(
              {
                folder: options.folder,
                uid,
                processedFolder: options.processedFolder,
                error: describe(error),
              },
              "IMAP message taken but not moved to the processed folder",
            );
          });
      }
    }
  } finally {
    lock.release();
  }
  return report;
}

async function newClient(options: ImapPollerOptions): Promise<ImapFlow> {
  // Loaded when a mailbox is polled at all: a server's start stays short.
  const { ImapFlow } = await import("imapflow");
  return new ImapFlow({
    host: options.host,
    port: options.port,
    secure: options.secure,
    // The password never crosses a network in clear; certificates are always verified.
    doSTARTTLS: options.secure ? undefined : !isLoopback(options.host),
    tls: { rejectUnauthorized: true },
    auth: { user: options.user, pass: options.password },
    // Its own log would carry every command; what matters is logged here, without secrets.
    logger: false,
    // IDLE is started between polls, not by the library between any two commands.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
  });
}

/** A wait of `ms` that `end()` cuts short. */
function pause(ms: number): { done: Promise<void>; end(): void } {
  let end = () => {};
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    end = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, end };
}

async function logOut(connection: ImapFlow): Promise<void> {
  if (connection.usable) {
    await Promise.race([
      connection.logout().catch(() => {}),
      delay(LOGOUT_TIMEOUT_MS, undefined, { ref: false }),
    ]);
  }
  connection.close();
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? "ipv4" : "ipv6");
}

/** What an IMAP error says, without anything the server or the library attached (commands, responses). */
function describe(error: unknown): { message: string; code?: string; serverSaid?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, responseText } = error as { code?: unknown; responseText?: unknown };
  return {
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof responseText === "string" ? { serverSaid: responseText } : {}),
  };
}

function messageFor(error: unknown): string {
  const { authenticationFailed, responseStatus } = (error ?? {}) as {
    authenticationFailed?: boolean;
    responseStatus?: string;
  };
  if (authenticationFailed) return "IMAP login refused: check the mailbox's user and password";
  if (responseStatus === "NO" || responseStatus === "BAD")
    return "IMAP server refused a command: is the folder there?";
  return "IMAP mailbox unreachable or connection lost";
}
