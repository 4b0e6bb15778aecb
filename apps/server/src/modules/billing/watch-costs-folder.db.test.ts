import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditLog, costDaily, costImports, type Database } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readConfig } from "../../config.js";
import { loadContract } from "../../contract/load-contract.js";
import { FOCUS_SAMPLE, sampleWithLine } from "./focus-files.test-helper.js";
import { type CostsFolderWatcher, costsFolderWatcher } from "./watch-costs-folder.js";

const postgresUrl = inject("postgresUrl");
const contract = loadContract("multicloud-ready");
const now = new Date("2026-10-15T10:00:00Z");
const sample = readFileSync(FOCUS_SAMPLE, "utf8");

describe.each(databaseKindsUnderTest(postgresUrl))(
  "FOCUS files dropped in the watched folder on %s (MCR-BIL-01)",
  (kind) => {
    let database: Database;
    let dataDir: string;
    let inbox: string;
    let watcher: CostsFolderWatcher;
    const lines = async () => {
      const [row] = await database.db
        .select({ lines: sql<number>`coalesce(sum(${costDaily.lineCount}), 0)::int` })
        .from(costDaily);
      return row?.lines;
    };
    const imports = async () => (await database.db.select().from(costImports)).length;

    beforeAll(async () => {
      database = await createTestDatabase(kind, postgresUrl);
      dataDir = mkdtempSync(join(tmpdir(), "guichet-costs-"));
      inbox = join(dataDir, "inbox");
      const config = readConfig({ GUICHET_DATA_DIR: dataDir, COSTS_WATCH_DIR: inbox });
      watcher = costsFolderWatcher({ config, contract, clock: () => now }, database.db, inbox);
    });
    afterAll(async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("takes a file only once it stopped growing, imports it under the system actor and moves it to done/", async () => {
      expect(await watcher.tick()).toEqual([]); // no folder yet: nothing to do, no error
      mkdirSync(inbox);
      const half = sample.indexOf("\n", sample.length / 2) + 1;
      writeFileSync(join(inbox, "focus.csv"), sample.slice(0, half));
      expect(await watcher.tick()).toEqual([]); // first seen
      appendFileSync(join(inbox, "focus.csv"), sample.slice(half)); // the writer goes on
      expect(await watcher.tick()).toEqual([]); // it grew: not taken
      expect(await imports()).toBe(0);
      const [taken] = await watcher.tick(); // unchanged since the last look
      expect(taken).toMatchObject({
        file: "focus.csv",
        outcome: "imported",
        movedTo: join(inbox, "done", "focus.csv"),
      });
      expect(await lines()).toBe(1000);
      expect(readdirSync(inbox).sort()).toEqual(["done"]);
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "billing.costs_imported"));
      expect(entry).toMatchObject({
        actorUserId: null,
        via: "system",
        actorLabel: "Guichet (costs watched folder)",
      });
    });

    it("leaves a .part file alone until it is renamed; the same file again bills nothing twice", async () => {
      writeFileSync(join(inbox, "focus.csv.part"), sample);
      writeFileSync(join(inbox, ".focus.csv.tmp"), sample); // a hidden file, as rsync writes
      await watcher.tick();
      expect(await watcher.tick()).toEqual([]);
      renameSync(join(inbox, "focus.csv.part"), join(inbox, "focus.csv"));
      await watcher.tick();
      const [again] = await watcher.tick();
      expect(again?.outcome).toBe("imported");
      if (again?.outcome !== "imported") return;
      expect(again.summary.units.every((u) => u.outcome === "unchanged")).toBe(true);
      expect(await lines()).toBe(1000);
      // Never overwritten: the second focus.csv is kept beside the first, under the time it was taken.
      expect(readdirSync(join(inbox, "done")).sort()).toEqual(["20261015T100000Z_focus.csv", "focus.csv"]);
    });

    it("moves a refused file to refused/ with a report naming the file, the row, the column and the fix", async () => {
      const before = await imports();
      sampleWithLine(join(inbox, "bad.csv"), 500, (l) => l.replace('"Usage"', '"Refund"'));
      await watcher.tick();
      const [refused] = await watcher.tick();
      expect(refused).toMatchObject({ file: "bad.csv", outcome: "refused" });
      expect(readdirSync(join(inbox, "refused")).sort()).toEqual(["bad.csv", "bad.csv.refused.txt"]);
      const report = readFileSync(join(inbox, "refused", "bad.csv.refused.txt"), "utf8");
      expect(report).toContain("Fichier : bad.csv");
      expect(report).toContain("Ligne de données (l'en-tête n'est pas comptée) : 500");
      expect(report).toContain("Colonne : ChargeCategory");
      expect(report).toContain("Valeur : Refund");
      expect(report).toContain(
        "Comment corriger : Remplacez cette valeur par l'une de : Usage, Purchase, Tax, Credit, Adjustment.",
      );
      expect(report).toContain("Refusé le 15 octobre 2026 à 12:00 (Europe/Paris)");
      expect(report).toContain("Column: ChargeCategory");
      expect(report).toContain("How to fix it: Replace this value with one of:");
      expect(await imports()).toBe(before);
      expect(await lines()).toBe(1000);
    });
  },
);
