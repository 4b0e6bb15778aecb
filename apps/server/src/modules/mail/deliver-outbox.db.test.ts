import { type Database, outbox } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.js";
import { CLAIM_MS, deliverDueMail, MAX_ATTEMPTS } from "./deliver-outbox.js";
import { createSmtpTransport, type MailTransport } from "./smtp-transport.js";
import { enqueueInvitation, SENDER } from "./test-fixtures.js";

const t0 = new Date("2026-03-10T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("deliverDueMail on %s", (kind) => {
  let database: Database;
  let sink: SmtpSink;
  let smtp: MailTransport;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    sink = await startSmtpSink();
    smtp = createSmtpTransport(sink.url, { from: SENDER });
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.close();
  });
  afterEach(async () => {
    await database.db.delete(outbox);
    sink.clear();
  });

  const rowOf = async (id: string) => {
    const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
    if (!row) throw new Error(`no outbox row ${id}`);
    return row;
  };

  it("sends a French mail through SMTP with its fixed Message-ID and marks it sent", async () => {
    const { id, messageId } = await enqueueInvitation(database.db, t0);
    const report = await deliverDueMail(database.db, smtp, t0);
    expect(report).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(mail?.envelopeTo).toEqual(["camille.martin@acme.example"]);
    expect(mail?.envelopeFrom).toBe("no-reply@portail.example.fr");
    expect(mail?.parsed.messageId).toBe(messageId);
    expect(mail?.parsed.date).toEqual(t0);
    expect(mail?.parsed.subject).toBe("Invitation à Portail Exemple");
    expect(mail?.parsed.text).toContain("Bonjour Camille,");
    expect(mail?.parsed.text).toContain("https://portail.example.fr/invitation/s3cr3t");
    expect(mail?.parsed.text).toContain("(MCR-ACC-01)");
    expect(mail?.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(await rowOf(id)).toMatchObject({ status: "sent", sentAt: t0, attempts: 1, claimedUntil: null });
  });

  it("writes to an English-preferring recipient in English", async () => {
    await enqueueInvitation(database.db, t0, { locale: "en", to: "sam.smith@acme.example" });
    await deliverDueMail(database.db, smtp, t0);
    const [mail] = await sink.waitFor(1);
    expect(mail?.envelopeTo).toEqual(["sam.smith@acme.example"]);
    expect(mail?.parsed.subject).toBe("Invitation to Example Portal");
    expect(mail?.parsed.text).toContain("Hello Camille,");
    expect(mail?.parsed.text).toContain("expires on Friday, 13 March 2026 at 10:00 GMT+1 (MCR-ACC-01).");
    expect(mail?.parsed.headers.get("content-language")).toBe("en");
  });

  it("retries a refused send after 1 then 2 minutes, then delivers it exactly once", async () => {
    const { id, messageId } = await enqueueInvitation(database.db, t0);
    sink.rejectNext(2);

    expect(await deliverDueMail(database.db, smtp, t0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: minutes(1) });
    expect((await rowOf(id)).lastError).toContain("451");

    expect(await deliverDueMail(database.db, smtp, minutes(0.99))).toMatchObject({ claimed: 0 });
    expect(await deliverDueMail(database.db, smtp, minutes(1))).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: minutes(3) });

    expect(await deliverDueMail(database.db, smtp, minutes(3))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await deliverDueMail(database.db, smtp, minutes(60))).toMatchObject({ claimed: 0 });
    expect(sink.rejected).toBe(2);
    expect(sink.received.map((m) => m.parsed.messageId)).toEqual([messageId]);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 3, sentAt: minutes(3) });
  });

  it(`gives up after ${MAX_ATTEMPTS} tries, waiting longer each time up to an hour`, async () => {
    const { id } = await enqueueInvitation(database.db, t0);
    const down: MailTransport = {
      send: async () => {
        throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNECTION" });
      },
    };
    const waits: number[] = [];
    let now = t0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueMail(database.db, down, now)).toMatchObject({ claimed: 1, retrying: 1 });
      const row = await rowOf(id);
      waits.push((row.nextAttemptAt.getTime() - now.getTime()) / 60_000);
      now = row.nextAttemptAt;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(await deliverDueMail(database.db, down, now)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await rowOf(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect((await rowOf(id)).lastError).toBe("ECONNECTION: connect ECONNREFUSED 127.0.0.1:1");
    expect(await deliverDueMail(database.db, smtp, minutes(24 * 60))).toMatchObject({ claimed: 0 });
    expect(sink.received).toEqual([]);
  });

  it("sends each message once when runs overlap or repeat", async () => {
    const ids = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        enqueueInvitation(database.db, t0, { to: `person${n}@acme.example` }),
      ),
    );
    let claimed = 0;
    for (let round = 0; round < 10; round++) {
      const runs = await Promise.all(
        [1, 2, 3, 4, 5].map(() => deliverDueMail(database.db, smtp, t0, { batch: 3 })),
      );
      const claimedNow = runs.reduce((sum, r) => sum + r.claimed, 0);
      if (claimedNow === 0) break;
      claimed += claimedNow;
    }
    expect(claimed).toBe(ids.length);
    // Every run awaited its sends: what the sink holds now is all that was sent.
    const received = sink.received.map((m) => m.parsed.messageId).sort();
    expect(received).toEqual(ids.map((i) => i.messageId).sort());
  });

  it("sends again, with the same Message-ID, a message whose worker died after the server took it", async () => {
    const { id, messageId } = await enqueueInvitation(database.db, t0);
    // The first worker hands the message over, then never comes back to mark it (a crash).
    let resume: () => void = () => {};
    const crashing: MailTransport = {
      send: async (message) => {
        await smtp.send(message);
        await new Promise<void>((resolve) => {
          resume = resolve;
        });
      },
    };
    const dead = deliverDueMail(database.db, crashing, t0);
    await sink.waitFor(1);
    expect(await rowOf(id)).toMatchObject({
      status: "sending",
      claimedUntil: new Date(t0.getTime() + CLAIM_MS),
    });

    expect(await deliverDueMail(database.db, smtp, minutes(4))).toMatchObject({ claimed: 0 });
    expect(await deliverDueMail(database.db, smtp, minutes(5.01))).toMatchObject({ claimed: 1, sent: 1 });
    await sink.waitFor(2);
    expect(sink.received.map((m) => m.parsed.messageId)).toEqual([messageId, messageId]);
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 2, sentAt: minutes(5.01) });

    resume();
    await dead;
  });

  it("marks failed, without sending, a message whose worker died during its last try", async () => {
    const { id } = await enqueueInvitation(database.db, t0);
    await database.db
      .update(outbox)
      .set({ status: "sending", attempts: MAX_ATTEMPTS, claimedUntil: minutes(5), lastError: "421 busy" })
      .where(eq(outbox.id, id));
    expect(await deliverDueMail(database.db, smtp, minutes(6))).toEqual({
      claimed: 0,
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await rowOf(id)).toMatchObject({
      status: "failed",
      claimedUntil: null,
      lastError: "421 busy; worker stopped during the last try",
    });
    expect(sink.received).toEqual([]);
  });

  it("refuses a server whose certificate it cannot verify, and keeps the message for later", async () => {
    const untrusted = await startSmtpSink({ tls: true });
    try {
      const { id } = await enqueueInvitation(database.db, t0);
      const transport = createSmtpTransport(untrusted.url, { from: SENDER });
      expect(await deliverDueMail(database.db, transport, t0)).toMatchObject({ claimed: 1, retrying: 1 });
      expect((await rowOf(id)).lastError).toMatch(/certificate/i);
      expect(untrusted.received).toEqual([]);
    } finally {
      await untrusted.stop();
    }
  });
});
