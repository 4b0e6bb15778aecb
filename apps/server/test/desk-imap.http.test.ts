import { tickets } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, sql } from "drizzle-orm";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AppContext } from "../src/app-context.js";
import { readConfig } from "../src/config.js";
import type { IntakeOutcome } from "../src/modules/desk/mail-intake.js";
import { startDeskMailboxPoller } from "../src/modules/desk/mail-receiver.js";
import { deliverDueMail } from "../src/modules/mail/deliver-outbox.js";
import { createSmtpTransport } from "../src/modules/mail/smtp-transport.js";
import type { ImapPoller } from "../src/modules/mail-in/index.js";
import { type Dovecot, startDovecot } from "./helpers/dovecot.js";
import type { TestUser } from "./helpers/factories.js";
import { premiumDesk } from "./helpers/premium-desk.js";
import { type SmtpSink, startSmtpSink } from "./helpers/smtp-sink.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const DESK = "support@portail.example.fr";
/** Longer than any test: every poll below is IDLE's or an explicit pollNow(). */
const HOUR = "3600";

/** A mail as a customer's client writes it, ready to be put in the mailbox. */
function rawMail(fields: {
  from: string;
  subject: string;
  text: string;
  inReplyTo?: string;
}): Promise<Buffer> {
  return new MailComposer({ to: DESK, ...fields }).compile().build();
}

/** A pino logger whose JSON lines land in `lines`, as the server's would on stdout. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const outcomes = () =>
    lines.filter((l) => String(l.msg).startsWith("desk mail ")).map((l) => l.mail as IntakeOutcome);
  return { logger, lines, outcomes };
}

/**
 * The desk's mailbox polled by IMAP (DESK_IMAP_URL), against a real Dovecot on loopback: mail is
 * put in the mailbox by IMAP APPEND as a delivery agent would, the desk's answers leave through the
 * outbox to an SMTP sink standing for the customers' mailboxes.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("MCR desk mailbox by IMAP on %s", (kind) => {
  const now = new Date("2026-11-23T09:00:00Z");
  const log = capturedLogger();
  let dovecot: Dovecot;
  let t: TestApp;
  let sink: SmtpSink;
  let poller: ImapPoller;
  let customer: TestUser;

  const ticketsOf = (ticketId: string) =>
    t.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
  const deliver = async () => {
    sink.clear();
    const transport = createSmtpTransport(sink.url, { from: { name: "Desk", address: DESK } });
    const report = await deliverDueMail(t.database.db, transport, now);
    return sink.received.slice(0, report.sent);
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    sink = await startSmtpSink();
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    ({ premiumAdmin: customer } = await premiumDesk(t.database.db));
    const config = readConfig({
      GUICHET_CONTRACT: "multicloud-ready",
      DESK_IMAP_URL: dovecot.url,
      DESK_IMAP_POLL_SECONDS: HOUR,
    });
    const context: AppContext = { ...t.context, config };
    const started = startDeskMailboxPoller(context, t.database, log.logger);
    if (!started) throw new Error("DESK_IMAP_URL set, yet no poller");
    poller = started;
  });
  afterAll(async () => {
    await poller?.stop();
    await Promise.all([dovecot?.stop(), sink?.stop(), t?.close()]);
  });

  it("opens a ticket from a Premium named contact's mail, acknowledges it, and joins the reply to it, each mail taken once and flagged seen (MCR-SUP-03, MCR-SUP-09)", async () => {
    await dovecot.append(
      await rawMail({
        from: customer.email,
        subject: "[INC-7] Console AWS inaccessible",
        text: "Priorité : P2\nService : aws\n\nLa console renvoie une erreur 503 depuis 8 h.",
      }),
    );
    await poller.pollNow();
    expect(log.outcomes()).toMatchObject([{ outcome: "opened" }]);
    const opened = log.outcomes()[0];
    if (opened?.outcome !== "opened") throw new Error(JSON.stringify(opened));
    const [ticket] = await ticketsOf(opened.ticketId);
    expect(ticket).toMatchObject({
      channel: "email",
      priority: "P2",
      catalogueItemId: "aws",
      customerReference: "INC-7",
      title: "Console AWS inaccessible",
    });
    expect(await dovecot.messages()).toMatchObject([
      { seen: true, subject: "[INC-7] Console AWS inaccessible" },
    ]);

    const [ack] = await deliver();
    expect(ack?.envelopeTo).toEqual([customer.email]);
    expect(ack?.parsed.subject).toBe(`[${opened.reference}] Demande enregistrée : Console AWS inaccessible`);

    // The customer answers the acknowledgement from a mail client.
    await dovecot.append(
      await rawMail({
        from: customer.email,
        subject: `RE: ${ack?.parsed.subject}`,
        inReplyTo: ack?.parsed.messageId,
        text: "Le journal d'erreurs est en pièce jointe de notre outil.\n\n> Demande enregistrée",
      }),
    );
    await poller.pollNow();
    expect(log.outcomes()).toEqual([
      opened,
      { outcome: "joined", ticketId: opened.ticketId, duplicate: false },
    ]);

    // Another poll finds nothing unseen: neither mail is taken twice.
    expect(await poller.pollNow()).toEqual({ taken: 0, failed: 0, tooLarge: 0 });
    expect(log.outcomes()).toHaveLength(2);
    expect((await dovecot.messages()).map((m) => m.seen)).toEqual([true, true]);
    expect(await t.database.db.$count(tickets)).toBe(1);
  });

  it("takes new mail as soon as the server announces it (IDLE), without waiting for the next poll", async () => {
    const before = log.outcomes().length;
    await dovecot.append(
      await rawMail({ from: "inconnu@example.org", subject: "[A-1] Bonjour", text: "Qui êtes-vous ?" }),
    );
    const deadline = Date.now() + 10_000;
    while (log.outcomes().length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(log.outcomes().slice(before)).toEqual([{ outcome: "refused", reason: "unknown_sender" }]);
  });

  it("leaves a mail unseen while the database refuses it, and takes it at the next poll", async () => {
    const { db } = t.database;
    await db.execute(
      sql.raw(`CREATE FUNCTION test_refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device (test)'; END $$`),
    );
    await db.execute(
      sql.raw(
        "CREATE TRIGGER test_refuse_ticket BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION test_refuse_ticket()",
      ),
    );
    const uid = await dovecot.append(
      await rawMail({ from: customer.email, subject: "[INC-8] Sauvegardes en échec", text: "Priorité : P3" }),
    );
    const before = log.outcomes().length;

    expect(await poller.pollNow()).toMatchObject({ taken: 0, failed: 1 });
    expect(log.outcomes()).toHaveLength(before);
    expect((await dovecot.messages()).find((m) => m.uid === uid)).toMatchObject({ seen: false });
    expect(log.lines.at(-1)).toMatchObject({
      level: 50,
      uid,
      msg: "IMAP message not taken; left unseen, tried again at the next poll",
      err: { message: expect.stringContaining("No space left on device") },
    });
    expect(await t.database.db.$count(tickets)).toBe(1);

    await db.execute(sql.raw("DROP TRIGGER test_refuse_ticket ON tickets"));
    await db.execute(sql.raw("DROP FUNCTION test_refuse_ticket()"));
    expect(await poller.pollNow()).toEqual({ taken: 1, failed: 0, tooLarge: 0 });
    expect(log.outcomes().slice(before)).toMatchObject([{ outcome: "opened" }]);
    expect((await dovecot.messages()).find((m) => m.uid === uid)).toMatchObject({ seen: true });
    expect(await t.database.db.$count(tickets)).toBe(2);
  });

  it("never logs the mailbox's password", () => {
    expect(log.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(log.lines)).not.toContain(dovecot.password);
  });
});
