import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

/** A message as it arrived: the SMTP envelope and the parsed message. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** SMTP_URL of this sink, e.g. "smtp://127.0.0.1:40123". */
  readonly url: string;
  /** Messages accepted so far, in arrival order. */
  readonly received: ReceivedMail[];
  /** Messages refused so far by `rejectNext`. */
  readonly rejected: number;
  /** Refuses the next `count` messages at the end of DATA with this reply (451: try again later). */
  rejectNext(count: number, reply?: { code: number; message: string }): void;
  /** Resolves once `count` messages in all have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port for tests; what it accepts is parsed with
 * mailparser. No authentication, and no TLS unless `tls` is set: then it speaks TLS from the
 * first byte with smtp-server's built-in self-signed certificate (`smtps://`), which a
 * verifying client must refuse.
 */
export async function startSmtpSink(options: { tls?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let toReject = 0;
  let rejected = 0;
  let rejectReply = { code: 451, message: "4.3.0 Try again later (test sink)" };

  const server = new SMTPServer({
    secure: options.tls ?? false,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if (toReject > 0) {
          toReject -= 1;
          rejected += 1;
          const error: SMTPServerError = new Error(rejectReply.message);
          error.responseCode = rejectReply.code;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            const from = session.envelope.mailFrom;
            received.push({
              envelopeFrom: from ? from.address : "",
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              parsed,
            });
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A connection the client drops mid-session is not a test failure.
  server.on("error", () => {});
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `${options.tls ? "smtps" : "smtp"}://127.0.0.1:${port}`,
    received,
    get rejected() {
      return rejected;
    },
    rejectNext(count, reply) {
      toReject = count;
      if (reply) rejectReply = reply;
    },
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          cleanup();
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`smtp sink: ${received.length} of ${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    clear() {
      received.length = 0;
      rejected = 0;
      toReject = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
