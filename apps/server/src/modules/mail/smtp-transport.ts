import { isIP } from "node:net";
import nodemailer from "nodemailer";
import type { SMTPTransportOptions } from "nodemailer/lib/smtp-transport";

/** One message as the outbox hands it over; the same row always gives the same message. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<uuid@host>`, fixed at creation: a resend after a crash is recognisably the same message. */
  messageId: string;
  /** When the message was written (the Date header), not when it happens to be sent. */
  date: Date;
  headers: Record<string, string>;
}

/** Hands a message to a mail server; rejects when the server did not take it. */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
}

/**
 * Longest a single send may take before it is abandoned and counted as failed. It must stay
 * well under the outbox claim (deliver-outbox.ts), so a slow send is never sent again by a
 * second worker while the first still holds it.
 */
export const SEND_DEADLINE_MS = 2 * 60_000;

/**
 * Connection options from SMTP_URL (`smtp://` with STARTTLS, `smtps://` with TLS from the
 * start; user and password URL-encoded). Certificates are always verified. STARTTLS is required
 * except towards a loopback relay, so links that sign people in never cross a network in clear.
 */
export function smtpOptionsFromUrl(smtpUrl: string): SMTPTransportOptions {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`SMTP_URL: expected smtp:// or smtps://, got ${url.protocol}//`);
  }
  const secure = url.protocol === "smtps:";
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const options: SMTPTransportOptions = {
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !isLoopback(host),
    tls: { rejectUnauthorized: true },
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
  if (url.username) {
    options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }
  return options;
}

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/**
 * The SMTP transport built from SMTP_URL. `from` is the sender of every message, e.g.
 * `{ name: "Portail Multicloud Ready", address: "no-reply@portail.example.fr" }`; as an object
 * the name needs no quoting.
 */
export function createSmtpTransport(
  smtpUrl: string,
  options: { from: string | { name: string; address: string } },
): MailTransport {
  const transporter = nodemailer.createTransport(smtpOptionsFromUrl(smtpUrl));
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        date: message.date,
        headers: message.headers,
        signal: AbortSignal.timeout(SEND_DEADLINE_MS),
      });
      // One recipient per message: a partial acceptance cannot happen, but a refusal must not pass.
      if (info.rejected.length > 0) throw new Error(`recipient refused: ${info.response}`);
    },
  };
}
