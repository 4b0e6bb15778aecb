import type { ParsedMail } from "mailparser";
import { createTransport } from "nodemailer";
import { freePort } from "../../apps/server/test/helpers/free-port.js";
import { startSmtpSink } from "../../apps/server/test/helpers/smtp-sink.js";

/** What a person's mail client sends. */
export interface OutgoingMail {
  from: string;
  /** The desk's address unless given (a plan's own address: DSN-SUP-08's fallback). */
  to?: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
}

/**
 * Real e-mail both ways for a spawned server: people's mail goes to the server's built-in SMTP
 * receiver (DESK_SMTP_PORT), and the server's outbox delivers to an SMTP sink standing for their
 * mailboxes (SMTP_URL). `env` is what the server needs to be started with.
 */
export interface Mailboxes {
  /** The desk's mailbox (DESK_MAIL_ADDRESS): where customers write, the Reply-To of desk mails. */
  readonly deskAddress: string;
  readonly env: Record<string, string>;
  /** Sends over SMTP to the desk; resolves with the Message-ID once the desk took the mail (250). */
  send(mail: OutgoingMail): Promise<string>;
  /**
   * The first mail delivered to `to` whose subject matches and that no earlier call returned;
   * waits for it (the outbox worker sends every 5 s).
   */
  receive(to: string, subject: string | RegExp, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startMailboxes(input: { deskAddress: string; mailFrom: string }): Promise<Mailboxes> {
  const sink = await startSmtpSink();
  const deskPort = await freePort();
  const taken = new Set<ParsedMail>();
  const matches = (subject: string | RegExp, actual: string | undefined) =>
    typeof subject === "string" ? actual === subject : subject.test(actual ?? "");
  return {
    deskAddress: input.deskAddress,
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: input.mailFrom,
      DESK_SMTP_PORT: String(deskPort),
      DESK_MAIL_ADDRESS: input.deskAddress,
    },
    async send(mail) {
      const transport = createTransport({
        host: "127.0.0.1",
        port: deskPort,
        secure: false,
        ignoreTLS: true,
      });
      try {
        const sent = await transport.sendMail({ ...mail, to: mail.to ?? input.deskAddress });
        return sent.messageId;
      } finally {
        transport.close();
      }
    },
    async receive(to, subject, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = sink.received.find(
          (mail) =>
            !taken.has(mail.parsed) && mail.envelopeTo.includes(to) && matches(subject, mail.parsed.subject),
        );
        if (found) {
          taken.add(found.parsed);
          return found.parsed;
        }
        if (Date.now() > deadline) {
          const seen = sink.received.map((mail) => `${mail.envelopeTo.join(",")}: ${mail.parsed.subject}`);
          throw new Error(`no mail to ${to} matching ${String(subject)}; delivered: ${seen.join(" | ")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () => sink.stop(),
  };
}

/** The headers a mail client writes when answering `mail`: same thread, subject "RE: …". */
export function replyHeaders(mail: ParsedMail): Pick<OutgoingMail, "subject" | "inReplyTo" | "references"> {
  const earlier = typeof mail.references === "string" ? [mail.references] : (mail.references ?? []);
  const id = mail.messageId ?? "";
  return { subject: `RE: ${mail.subject ?? ""}`, inReplyTo: id, references: [...earlier, id] };
}
