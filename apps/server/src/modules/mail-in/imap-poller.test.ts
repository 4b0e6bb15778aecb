import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Dovecot, startDovecot } from "../../../test/helpers/dovecot.js";
import { startImapPoller } from "./imap-poller.js";

/** Longer than any test: every poll below is an explicit pollNow(). */
const HOUR = 3600;

function subjectOf(raw: Buffer): string {
  return /^Subject: (.*)$/m.exec(raw.toString())?.[1] ?? "";
}

/** What the poller logged, as the server's pino logger would have it. */
function capturedLogger() {
  const lines: { level: string; msg: string; details: object }[] = [];
  const record = (level: string) => (details: object, msg: string) => lines.push({ level, msg, details });
  return { lines, logger: { info: record("info"), warn: record("warn"), error: record("error") } };
}

/**
 * The poller against a real Dovecot on loopback (test/helpers/dovecot.ts): what happens to the
 * connection and to the messages, whatever takes them. The desk behind it: desk-imap.http.test.ts.
 */
describe("IMAP poller", () => {
  let dovecot: Dovecot;
  const taken: string[] = [];
  const log = capturedLogger();
  const options = () => ({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
    password: dovecot.password,
    folder: "INBOX",
    pollSeconds: HOUR,
    maxMessageBytes: 1024 * 1024,
    reconnect: { firstMs: 100, maxMs: 1_000 },
    onMessage: async (raw: Buffer) => {
      taken.push(subjectOf(raw));
    },
    logger: log.logger,
  });
  const start = (more: { processedFolder?: string; maxMessageBytes?: number } = {}) =>
    startImapPoller({ ...options(), ...more });
  const append = async (subject: string, text = "Bonjour") =>
    dovecot.append(
      await new MailComposer({ from: "client@example.org", to: "desk@example.fr", subject, text })
        .compile()
        .build(),
    );

  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(() => dovecot?.stop());

  // Each poller starts after the mail is in the mailbox: its first poll is the one pollNow() reports.
  it("moves each message it took to the processed folder, creating it", async () => {
    await append("Premier");
    const poller = start({ processedFolder: "Traités" });
    expect(await poller.pollNow()).toEqual({ taken: 1, failed: 0, tooLarge: 0 });
    await poller.stop();
    expect(taken).toEqual(["Premier"]);
    expect(await dovecot.messages("INBOX")).toEqual([]);
    expect(await dovecot.messages("Traités")).toMatchObject([{ seen: true, subject: "Premier" }]);
  });

  it("leaves a message over the size limit in the folder, flagged seen and never handed over", async () => {
    taken.length = 0;
    await append("Énorme", "x".repeat(10_000));
    await append("Petit");
    const poller = start({ maxMessageBytes: 4096 });
    expect(await poller.pollNow()).toEqual({ taken: 1, failed: 0, tooLarge: 1 });
    await poller.stop();
    expect(taken).toEqual(["Petit"]);
    expect(await dovecot.messages()).toMatchObject([
      { subject: "Énorme", seen: true },
      { subject: "Petit", seen: true },
    ]);
  });

  it("leaves a message whose handling failed unseen, and hands it over again at the next poll", async () => {
    taken.length = 0;
    const uid = await append("Panne de la base");
    let refusals = 1;
    const poller = startImapPoller({
      ...options(),
      onMessage: async (raw) => {
        if (refusals-- > 0) throw new Error("connection to the database lost");
        taken.push(subjectOf(raw));
      },
    });
    expect(await poller.pollNow()).toEqual({ taken: 0, failed: 1, tooLarge: 0 });
    expect((await dovecot.messages()).find((m) => m.uid === uid)).toMatchObject({ seen: false });
    expect(log.lines.at(-1)).toMatchObject({
      level: "error",
      msg: "IMAP message not taken; left unseen, tried again at the next poll",
    });
    expect(await poller.pollNow()).toEqual({ taken: 1, failed: 0, tooLarge: 0 });
    expect(await poller.pollNow()).toEqual({ taken: 0, failed: 0, tooLarge: 0 });
    await poller.stop();
    expect(taken).toEqual(["Panne de la base"]);
    expect((await dovecot.messages()).find((m) => m.uid === uid)).toMatchObject({ seen: true });
  });

  it("reconnects after the server went away, then takes what arrived meanwhile; stop() logs out", async () => {
    taken.length = 0;
    const poller = start();
    expect(await poller.pollNow()).toEqual({ taken: 0, failed: 0, tooLarge: 0 });
    await dovecot.restart();
    await append("Pendant la coupure");
    // Resolves after a poll on the new connection (which, or the one before it, took the mail).
    await poller.pollNow();
    expect(taken).toEqual(["Pendant la coupure"]);
    expect(log.lines.map((l) => l.msg)).toContain("IMAP mailbox disconnected; reconnecting");

    await poller.stop();
    await expect(poller.pollNow()).rejects.toThrow("IMAP poller stopped");
    // Every session since the restart, the poller's and the test's own, ended with LOGOUT. Dovecot
    // writes its log through a separate process: the last line may come a moment later.
    const endings = await vi.waitFor(
      () => {
        const sinceRestart = dovecot.log().split("starting up").at(-1) ?? "";
        const found = sinceRestart
          .split("\n")
          .filter((line) => line.includes("imap(desk)") && line.includes("Disconnected"));
        expect(found.length).toBeGreaterThanOrEqual(2);
        return found;
      },
      { timeout: 5_000, interval: 50 },
    );
    for (const ending of endings) expect(ending).toContain("Disconnected: Logged out");
  });

  // Last: Dovecot slows down every login from an address that failed one.
  it("says a refused login is one, and never logs the password", async () => {
    const poller = startImapPoller({ ...options(), password: "not-the-password" });
    const deadline = Date.now() + 10_000;
    while (!log.lines.some((l) => l.msg.includes("login refused")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await poller.stop();
    expect(log.lines.find((l) => l.msg.includes("login refused"))).toMatchObject({
      level: "error",
      msg: "IMAP login refused: check the mailbox's user and password",
      details: { host: "127.0.0.1", user: "desk", folder: "INBOX" },
    });
    const logged = JSON.stringify(log.lines);
    expect(logged).not.toContain("not-the-password");
    expect(logged).not.toContain(dovecot.password);
  });
});
