import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FOCUS_SAMPLE } from "../src/modules/billing/focus-files.test-helper.js";
import { runCli } from "./helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "guichet-costs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { GUICHET_DATA_DIR: join(dir, "data"), LANG: "fr_FR.UTF-8" };

describe("guichet costs import and rates import (MCR-BIL-01)", { timeout: 180_000 }, () => {
  it("imports FOCUS files, says what matches no customer, and refuses a broken file by row and column", async () => {
    const first = await runCli(["costs", "import", FOCUS_SAMPLE], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Imported 1000 lines from 1 file(s):");
    expect(first.stdout).toContain("2024-09 AWS 1234567890123: 942 lines, imported");
    expect(first.stdout).toMatch(/\d+ vendor account\(s\) match no customer/);

    const lines = readFileSync(FOCUS_SAMPLE, "utf8").split("\n");
    lines[20] = (lines[20] as string).replace('"2024-09-01 00:00:00"', '"le 1er septembre"');
    const broken = join(dir, "broken.csv");
    writeFileSync(broken, lines.join("\n"));
    const refused = await runCli(["costs", "import", broken], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "broken.csv : ligne 20, colonne BillingPeriodStart : n'est pas une date et heure",
    );
  });

  it("imports ECB reference rates, refusing a malformed file by line", async () => {
    const rates = join(dir, "eurofxref-hist.csv");
    writeFileSync(rates, "Date,USD,JPY,\n2026-10-01,1.0845,162.04,\n2026-09-30,1.0812,N/A,\n");
    const ok = await runCli(["rates", "import", rates], env);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe("Imported 3 rates for 2 day(s): JPY, USD\n");
    writeFileSync(rates, "Date,USD\n2026-10-01,1,0845\n");
    const bad = await runCli(["rates", "import", rates], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("eurofxref-hist.csv : line 2:");
  });
});
