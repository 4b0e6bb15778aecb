import { createTransport } from "nodemailer";
import { type IntakeOutcome, receiveDeskMail } from "../../src/modules/desk/mail-intake.js";
import { deliverDueMail } from "../../src/modules/mail/deliver-outbox.js";
import { createSmtpTransport } from "../../src/modules/mail/smtp-transport.js";
import { type SmtpReceiver, startSmtpReceiver } from "../../src/modules/mail-in/index.js";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.js";
import { createTestApp, type TestApp } from "./test-app.js";

/** The desk's address in the test deployments. */
export const DESK = "support@portail.example.fr";

/**
 * The desk by e-mail, with real SMTP both ways on loopback: customers' mail goes into the desk's
 * receiver, the desk's mail leaves through the outbox to a sink standing for their mailboxes.
 */
export function mailDesk(
  contractId: "multicloud-ready" | "deux-sevres-eservices",
  kind: "pglite" | "postgresql",
  postgresUrl: string,
) {
  let now = new Date("2026-11-23T09:00:00Z");
  const world = {} as { t: TestApp; receiver: SmtpReceiver; sink: SmtpSink; outcomes: IntakeOutcome[] };
  const clock = () => now;
  return {
    world,
    setNow: (at: string) => {
      now = new Date(at);
    },
    clock,
    async start() {
      world.t = await createTestApp(kind, postgresUrl, contractId, { clock });
      world.outcomes = [];
      world.sink = await startSmtpSink();
      world.receiver = await startSmtpReceiver({
        host: "127.0.0.1",
        port: 0,
        maxMessageBytes: 5 * 1024 * 1024,
        acceptRecipient: () => true,
        onMessage: async (raw) => {
          world.outcomes.push(await receiveDeskMail(world.t.context, world.t.database, raw, now));
        },
        logger: { info() {}, warn() {}, error() {} },
      });
    },
    async stop() {
      await world.receiver?.close();
      await world.sink?.stop();
      await world.t?.close();
    },
    /** A person writes to the desk; resolves once the desk has taken the mail. */
    async send(
      from: string,
      mail: {
        subject: string;
        text: string;
        inReplyTo?: string;
        headers?: Record<string, string>;
        attachments?: { filename: string; content: string }[];
      },
    ) {
      const transport = createTransport({
        host: "127.0.0.1",
        port: world.receiver.port,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({ from, to: DESK, ...mail });
      transport.close();
      return world.outcomes.at(-1);
    },
    /** Delivers what the outbox holds and returns what reached the people's mailboxes since the last call. */
    async deliver() {
      world.sink.clear();
      const report = await deliverDueMail(
        world.t.database.db,
        createSmtpTransport(world.sink.url, { from: { name: "Desk", address: DESK } }),
        now,
      );
      return world.sink.received.slice(0, report.sent);
    },
  };
}
