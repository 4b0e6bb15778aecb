import { type Database, outbox } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.js";
import { listOutbox } from "./list-outbox.js";
import { startMailWorker, type WorkerLogger } from "./mail-worker.js";
import { createSmtpTransport, type MailTransport } from "./smtp-transport.js";
import { enqueueInvitation, SENDER } from "./test-fixtures.js";

const t0 = new Date("2026-03-10T09:00:00Z");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recordingLogger() {
  const lines: { level: string; message: string; details: object }[] = [];
  const logger: WorkerLogger = {
    info: (details, message) => lines.push({ level: "info", message, details }),
    error: (details, message) => lines.push({ level: "error", message, details }),
  };
  return { logger, lines };
}

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("mail worker on %s", (kind) => {
  let database: Database;
  let sink: SmtpSink;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
    await database?.close();
  });
  afterEach(async () => {
    await database.db.delete(outbox);
    sink.clear();
  });

  it("delivers what is enqueued, run after run, on a real timer", async () => {
    const { logger, lines } = recordingLogger();
    const worker = startMailWorker({
      db: database.db,
      transport: createSmtpTransport(sink.url, { from: SENDER }),
      clock: () => t0,
      logger,
      intervalMs: 20,
      batch: 2,
    });
    try {
      await enqueueInvitation(database.db, t0, { to: "first@acme.example" });
      await sink.waitFor(1);
      for (const name of ["a", "b", "c", "d", "e"]) {
        await enqueueInvitation(database.db, t0, { to: `${name}@acme.example` });
      }
      await sink.waitFor(6);
    } finally {
      await worker.stop();
    }
    expect((await listOutbox(database.db, { status: "sent" })).items).toHaveLength(6);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.some((l) => l.message === "outbox delivery")).toBe(true);
  });

  it("stops only once the batch in flight is sent and recorded", async () => {
    let release: () => void = () => {};
    let started: () => void = () => {};
    const sendStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow: MailTransport = {
      send: async () => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    await enqueueInvitation(database.db, t0);
    const worker = startMailWorker({
      db: database.db,
      transport: slow,
      clock: () => t0,
      logger: recordingLogger().logger,
    });
    await sendStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await listOutbox(database.db)).items.map((i) => i.status)).toEqual(["sent"]);
  });

  it("keeps running after a failed run, and logs it", async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    const worker = startMailWorker({
      db: database.db,
      transport: createSmtpTransport(sink.url, { from: SENDER }),
      clock: () => {
        calls += 1;
        // An invalid date makes the first run's query fail, as a database error would.
        return calls === 1 ? new Date(Number.NaN) : t0;
      },
      logger,
      intervalMs: 20,
    });
    try {
      await enqueueInvitation(database.db, t0);
      await sink.waitFor(1);
    } finally {
      await worker.stop();
    }
    expect(lines.filter((l) => l.level === "error").map((l) => l.message)).toEqual([
      "outbox delivery failed; retrying later",
    ]);
  });

  it("without a transport sends nothing: mail stays pending, listed for the back office", async () => {
    const { logger, lines } = recordingLogger();
    await enqueueInvitation(database.db, t0);
    const worker = startMailWorker({
      db: database.db,
      transport: undefined,
      clock: () => t0,
      logger,
      intervalMs: 10,
    });
    await sleep(100);
    await worker.stop();
    const [message] = (await listOutbox(database.db)).items;
    expect(message).toMatchObject({ status: "pending", attempts: 0 });
    expect(message?.text).toContain("https://portail.example.fr/invitation/s3cr3t");
    expect(sink.received).toEqual([]);
    expect(lines.map((l) => l.message)).toEqual(["SMTP_URL is not set: mail stays in the outbox"]);
  });
});
