import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "guichet-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guichet contract check", { timeout: 60_000 }, () => {
  it.each(["contracts/multicloud-ready.yaml", "contracts/deux-sevres-eservices.yaml"])(
    "accepts %s",
    async (file) => {
      const result = await runCli(["contract", "check", file]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("valid contract");
    },
  );

  it("refuses a broken copy, naming the file, the key's path and what was expected", async () => {
    const text = readFileSync(join(REPO_ROOT, "contracts/multicloud-ready.yaml"), "utf8");
    const broken = text.replace(
      "P1: { target: 30m, calendar: always }",
      "P1: { target: soon, calendar: always }",
    );
    expect(broken).not.toBe(text);
    const file = join(dir, "broken.yaml");
    writeFileSync(file, broken);
    const result = await runCli(["contract", "check", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /broken\.yaml: supportPlans\.premium\.sla\.initialResponse\.P1\.target: expected a duration such as "30m"/,
    );
  });

  it("prints the contract file's JSON Schema for editors", async () => {
    const result = await runCli(["contract", "schema"]);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" });
    expect(schema.required).toEqual(
      expect.arrayContaining(["id", "provider", "supportPlans", "ticketWorkflow"]),
    );
  });

  it("says so when the file does not exist", async () => {
    const result = await runCli(["contract", "check", "contracts/nope.yaml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("contracts/nope.yaml: cannot read the contract file");
  });
});

describe("guichet calendar eval", { timeout: 60_000 }, () => {
  it("evaluates conformance cases with the product's calendar engine, a bad case alone failing", async () => {
    const file = join(dir, "cases.json");
    writeFileSync(
      file,
      JSON.stringify({
        calendars: {
          mcr: {
            timeZone: "Europe/Paris",
            week: {
              mon: [["09:00", "19:00"]],
              tue: [["09:00", "19:00"]],
              wed: [["09:00", "19:00"]],
              thu: [["09:00", "19:00"]],
              fri: [["09:00", "19:00"]],
            },
            holidays: [],
            holidayRegions: ["FR"],
          },
        },
        cases: [
          // Friday 18:30 + 60 business minutes: 30 on Friday, 30 on Monday 9:00 (Paris, UTC+1 in winter).
          {
            id: "friday-evening",
            calendar: "mcr",
            op: "addMinutes",
            start: "2026-11-20T17:30:00Z",
            minutes: 60,
          },
          { id: "open", calendar: "mcr", op: "isOpen", at: "2026-11-11T10:00:00Z" },
          { id: "bad", calendar: "nope", op: "isOpen", at: "2026-11-11T10:00:00Z" },
        ],
      }),
    );
    const result = await runCli(["calendar", "eval", file]);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output["friday-evening"]).toBe("2026-11-23T08:30:00Z");
    // 11 November is a French public holiday.
    expect(output.open).toBe(false);
    expect(output.bad).toEqual({ error: expect.any(String) });
  });
});

describe("guichet commitments eval", { timeout: 60_000 }, () => {
  it("answers the issue's cases with the product's decisions (MCR-SUP-02, DSN-ORD-04)", async () => {
    const service = { activation: "2025-06-15", minimumMonths: 12, monthlyPrice: "150.00", noticeMonths: 3 };
    const run = async (contract: string, cases: unknown[]) => {
      const file = join(dir, `commitments-${contract}.json`);
      writeFileSync(file, JSON.stringify({ contract, cases }));
      const result = await runCli(["commitments", "eval", file]);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).results;
    };
    const [a, bad] = await run("multicloud-ready", [
      {
        id: "a",
        kind: "change-plan",
        history: [{ plan: "standard", effective: "2026-03-01" }],
        to: "premium",
        at: "2026-05-14T10:00:00Z",
      },
      { id: "bad", kind: "change-plan", history: [], to: "premium", at: "2026-05-14T10:00:00Z" },
    ]);
    expect(a).toEqual({
      id: "a",
      decision: "accepted",
      clause: "MCR-SUP-02",
      effectiveDate: "2026-06-01",
      commitmentEnd: "2026-12-01",
      feesDue: null,
      explanation: expect.stringContaining("Premium"),
    });
    expect(bad).toEqual({ id: "bad", error: expect.stringContaining("history") });
    const [b, c] = await run("deux-sevres-eservices", [
      { id: "b", kind: "terminate-service", service, noticeReceived: "2026-01-10" },
      { id: "c", kind: "terminate-contract", services: [service, service], noticeReceived: "2026-01-10" },
    ]);
    // 10 April to 15 June 2026 at 150.00 a month: 105.00 + 150.00 + 70.00.
    expect(b).toMatchObject({
      id: "b",
      decision: "accepted",
      clause: "DSN-ORD-04",
      effectiveDate: "2026-04-10",
      feesDue: "325.00",
    });
    expect(c).toMatchObject({
      id: "c",
      decision: "accepted",
      clause: "DSN-ORD-04",
      effectiveDate: "2026-04-10",
      feesDue: "650.00",
    });
  });
});

// Issue 13: `npm install` runs `guichet prepare`, so that the README's `npm run demo` starts without
// building the portal or running PostgreSQL's initdb while a newcomer waits at the address.
describe("guichet prepare", { timeout: 120_000 }, () => {
  it("leaves a portal built from the same sources as it is, bundles the server and has the database template ready", async () => {
    const index = join(REPO_ROOT, "apps/web/dist/index.html");
    const build = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, "apps/web/scripts/build.mjs")]);
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.once("exit", (code) => resolve({ code, out }));
    });
    // The test run builds the portal first (`pretest`): nothing changed since, nothing is rebuilt.
    expect(build).toEqual({ code: 0, out: expect.stringContaining("déjà construit") });
    const builtAt = statSync(index).mtimeMs;

    const result = await runCli(["prepare"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("portal built, server bundled, database template ready");
    expect(statSync(index).mtimeMs).toBe(builtAt);
  });
});
