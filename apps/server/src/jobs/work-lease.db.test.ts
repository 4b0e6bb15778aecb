import { type Database, workLeases } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { keepLease, leaseHolder, releaseLease, takeLease } from "./work-lease.js";

const until = async (condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

// Issue 19: the once-only work runs in one process at a time and is taken over when it dies.
describe.each(databaseKindsUnderTest(inject("postgresUrl")))("work leases on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(workLeases);
  });

  it("lets one holder take a lease, refuses others while it runs, and lets its holder renew it", async () => {
    const { db } = database;
    expect(await takeLease(db, "work", "a", 60_000)).toBe(true);
    expect(await takeLease(db, "work", "b", 60_000)).toBe(false);
    expect(await takeLease(db, "work", "a", 60_000)).toBe(true);
    expect((await leaseHolder(db, "work"))?.holder).toBe("a");
    await releaseLease(db, "work", "b"); // not b's to release
    expect((await leaseHolder(db, "work"))?.holder).toBe("a");
    await releaseLease(db, "work", "a");
    expect(await leaseHolder(db, "work")).toBeUndefined();
    expect(await takeLease(db, "work", "b", 60_000)).toBe(true);
  });

  it("gives a dead holder's lease to another once it runs out, never before", async () => {
    const { db } = database;
    expect(await takeLease(db, "work", "dead", 400)).toBe(true); // and never renewed
    const changes: boolean[] = [];
    const takenAt: number[] = [];
    const started = Date.now();
    const survivor = keepLease({
      db,
      name: "work",
      holder: "survivor",
      ttlMs: 300,
      onChange: (held) => {
        changes.push(held);
        takenAt.push(Date.now() - started);
      },
    });
    await until(() => survivor.held());
    expect(takenAt[0]).toBeGreaterThanOrEqual(300);
    expect((await leaseHolder(db, "work"))?.holder).toBe("survivor");
    // Renewed every third of its life: still held well past one lifetime.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(survivor.held()).toBe(true);
    await survivor.stop();
    expect(changes).toEqual([true, false]);
    expect(await leaseHolder(db, "work")).toBeUndefined();
  });

  it("gives a lease to exactly one of many holders trying at once", async () => {
    const { db } = database;
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => takeLease(db, "contended", `holder-${i}`, 60_000)),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
  });
});
