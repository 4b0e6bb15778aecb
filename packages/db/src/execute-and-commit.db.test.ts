import { sql } from "drizzle-orm";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, rowsOf } from "./client.js";
import { executeAndCommit } from "./execute-and-commit.js";
import { compileStatement } from "./prepared.js";
import { createTestDatabase, databaseKindsUnderTest } from "./testing/index.js";

// A transaction whose last statement commits it in the same round trip (opening a ticket): what
// it wrote is there, kept once and only once; a failure anywhere keeps nothing; the connection
// goes back to the pool as good as before.

const insertProbe = compileStatement(
  sql`insert into commit_probe (id, note) values (${sql.placeholder("id")}::int, ${sql.placeholder("note")}::text) returning id, note`,
);
const insertDeferred = compileStatement(
  sql`insert into commit_deferred (k) values (${sql.placeholder("k")}::int) returning k`,
);

describe.each(databaseKindsUnderTest(inject("postgresUrl")))("executeAndCommit on %s", (kind) => {
  let database: Database;
  const notes = async () =>
    rowsOf<{ id: number; note: string }>(
      await database.db.execute(sql`select id, note from commit_probe order by id`),
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind, inject("postgresUrl"));
    await database.db.execute(sql`create table commit_probe (id int primary key, note text not null)`);
    // Checked at COMMIT only: a duplicate fails the commit, not the statement.
    await database.db.execute(sql`create table commit_deferred (k int unique deferrable initially deferred)`);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers the statement's rows and commits with it, once", async () => {
    const seenMeanwhile = await database.db.transaction(async (tx) => {
      const rows = await executeAndCommit<{ id: number; note: string }>(tx, insertProbe, {
        id: 1,
        note: "ouvert",
      });
      expect(rows).toEqual([{ id: 1, note: "ouvert" }]);
      if (kind === "pglite") return undefined;
      // Another connection already sees it: the transaction committed with the statement.
      const pool = (database.db as unknown as { $client: pg.Pool }).$client;
      const other = await pool.connect();
      try {
        return (await other.query("select note from commit_probe where id = 1")).rows;
      } finally {
        other.release();
      }
    });
    if (kind === "postgresql") expect(seenMeanwhile).toEqual([{ note: "ouvert" }]);
    expect(await notes()).toEqual([{ id: 1, note: "ouvert" }]);
  });

  // Under PGlite the transaction is still open until its callback returns: nothing to refuse.
  if (kind === "postgresql")
    it("refuses a query after it, which would run outside the transaction, and keeps what committed", async () => {
      await expect(
        database.db.transaction(async (tx) => {
          await executeAndCommit(tx, insertProbe, { id: 2, note: "deux" });
          await tx.execute(sql`insert into commit_probe (id, note) values (3, 'trop tard')`);
        }),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/nothing may follow/) } });
      expect((await notes()).map((row) => row.id)).toEqual([1, 2]);
    });

  it("keeps nothing when the statement fails, and the connection works on", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into commit_probe (id, note) values (10, 'avant')`);
        // Id 1 exists: the statement fails, PostgreSQL skips the COMMIT behind it.
        await executeAndCommit(tx, insertProbe, { id: 1, note: "doublon" });
      }),
    ).rejects.toThrow();
    expect((await notes()).map((row) => row.id)).not.toContain(10);
    // The same pooled connection: a transaction that fails still rolls back, one that ends commits.
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into commit_probe (id, note) values (11, 'annulé')`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into commit_probe (id, note) values (12, 'gardé')`);
    });
    const ids = (await notes()).map((row) => row.id);
    expect(ids).not.toContain(11);
    expect(ids).toContain(12);
  });

  it("keeps nothing when the commit itself fails, and says so", async () => {
    await database.db.execute(sql`insert into commit_deferred (k) values (7)`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into commit_probe (id, note) values (20, 'avec le doublon')`);
        await executeAndCommit(tx, insertDeferred, { k: 7 });
      }),
    ).rejects.toThrow(/duplicate key|unique/);
    expect((await notes()).map((row) => row.id)).not.toContain(20);
    const kept = rowsOf(await database.db.execute(sql`select k from commit_deferred`));
    expect(kept).toEqual([{ k: 7 }]);
  });

  it("leaves every pooled connection as it found it, over many transactions", async () => {
    for (let i = 0; i < 12; i++) {
      await database.db.transaction(async (tx) => {
        await executeAndCommit(tx, insertProbe, { id: 100 + i, note: `n° ${i}` });
      });
    }
    // Concurrent transactions take several connections of the pool, each one used before.
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`insert into commit_probe (id, note) values (${200 + i}, 'ensuite')`);
        }),
      ),
    );
    const ids = (await notes()).map((row) => row.id);
    expect(ids.filter((id) => id >= 100)).toHaveLength(17);
  });
});
