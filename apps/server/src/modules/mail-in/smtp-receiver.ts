import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";

/** The SMTP envelope of one message: who the sending server says it is from, and for which mailboxes. */
export interface Envelope {
  /** "" for the null reverse-path "<>" of bounces and auto-replies. */
  mailFrom: string;
  /** The accepted recipients, lower-cased. */
  rcptTo: string[];
}

/** What the receiver logs; a pino logger fits. */
export interface ReceiverLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SmtpReceiverOptions {
  host: string;
  /** 0 picks a free port (tests); the actual one is in the returned `port`. */
  port: number;
  /** Advertised with SIZE (RFC 1870); a larger message is refused with 552 and never handed over. */
  maxMessageBytes: number;
  /** Whether a mailbox is one of the desk's (lower-cased address); others are refused at RCPT with 550. */
  acceptRecipient(address: string): boolean;
  /**
   * Takes one message. Resolving means it is safely stored: the sending server then deletes its
   * copy. Throwing `MessageRefused` refuses it for good (5xx: the sender's own server writes the
   * bounce, so the desk sends no backscatter); throwing anything else answers 451 and the sending
   * server tries again later, so a database outage loses nothing.
   */
  onMessage(raw: Buffer, envelope: Envelope): Promise<void>;
  logger: ReceiverLogger;
}

export interface SmtpReceiver {
  readonly port: number;
  /** Stops accepting connections and resolves once the open ones are closed. */
  close(): Promise<void>;
}

/** A permanent refusal the handler chooses (unknown sender, channel not in the contract: MCR-SUP-03). */
export class MessageRefused extends Error {
  /** 550 by default: "mailbox unavailable / policy"; 554 "transaction failed" also fits. */
  readonly responseCode: number;

  constructor(message: string, responseCode = 550) {
    super(message);
    this.name = "MessageRefused";
    if (responseCode < 500 || responseCode > 599)
      throw new RangeError(`not a permanent SMTP code: ${responseCode}`);
    this.responseCode = responseCode;
  }
}

/** Open connections get this long to finish their transaction when the receiver closes. */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * The desk's inbound mail: an MX-like SMTP server on a configured port. No AUTH (senders are
 * other mail servers), no STARTTLS yet (no certificate configuration exists; run it behind the
 * host's MTA or on a private network until then).
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const { logger } = options;

  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: options.maxMessageBytes,
    // smtp-server answers 552 itself once the DATA went over `size`, whatever onData says.
    rejectOversized: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,

    onRcptTo(address, _session, callback) {
      const recipient = address.address.toLowerCase();
      if (options.acceptRecipient(recipient)) {
        callback();
        return;
      }
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
    },

    onData(stream, session, callback) {
      let answered = false;
      const answer = (error?: SMTPServerError) => {
        if (answered) return;
        answered = true;
        callback(error);
      };
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the message is refused anyway: stop holding it in memory.
        if (bytes <= options.maxMessageBytes) chunks.push(chunk);
      });
      stream.on("error", (error: Error) => answer(smtpError(451, `4.3.0 ${error.message}`)));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        const envelope: Envelope = {
          mailFrom: mailFrom ? mailFrom.address : "",
          rcptTo: rcptTo.map((recipient) => recipient.address.toLowerCase()),
        };
        if (stream.sizeExceeded) {
          logger.warn(
            { ...envelope, bytes, limit: options.maxMessageBytes },
            "inbound mail refused: too large",
          );
          // Said here too, not only by `rejectOversized`: accepting it would lose it in silence.
          answer(smtpError(552, "5.3.4 Message too big"));
          return;
        }
        // As the final delivery server, write down the envelope sender (RFC 5321 §4.4): it is how
        // a later reading of the stored message still tells a bounce ("<>") from a person's mail.
        const returnPath = Buffer.from(`Return-Path: <${envelope.mailFrom}>\r\n`);
        const raw = Buffer.concat([returnPath, ...chunks]);
        // Through a promise so that a handler throwing before its first await is still a 451.
        Promise.resolve()
          .then(() => options.onMessage(raw, envelope))
          .then(
            () => answer(),
            (error: unknown) => {
              if (error instanceof MessageRefused) {
                logger.info({ ...envelope, reason: error.message }, "inbound mail refused");
                answer(smtpError(error.responseCode, error.message));
                return;
              }
              logger.error({ ...envelope, err: error }, "inbound mail not taken; the sender will retry");
              answer(smtpError(451, "4.3.0 Temporary failure, please try again later"));
            },
          );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A client dropping its connection mid-session is the Internet's normal noise, not a crash.
  server.on("error", (error) => logger.warn({ err: error }, "inbound SMTP connection error"));
  const { port } = server.server.address() as AddressInfo;
  logger.info({ host: options.host, port }, "inbound SMTP receiver listening");

  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  // One reply line: a handler's message must not break the SMTP dialogue.
  const error: SMTPServerError = new Error(message.replace(/[\r\n]+/g, " "));
  error.responseCode = responseCode;
  return error;
}
