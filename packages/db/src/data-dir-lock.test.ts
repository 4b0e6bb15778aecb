import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimDataDir, DataDirInUseError } from "./data-dir-lock.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "guichet-claim-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.pid`, { force: true });
  }
});

// Issue 19: the embedded database serves one process; a second is refused, not let in to corrupt it.
describe("claiming the embedded database's directory", () => {
  it("refuses a directory a live process holds, naming it, the process and what to do", () => {
    const dir = tempDir();
    // The test runner's parent is alive and is not this process.
    writeFileSync(`${dir}.pid`, String(process.ppid));
    expect(() => claimDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => claimDataDir(dir)).toThrow(new RegExp(`${dir}.*process ${process.ppid}.*DATABASE_URL`));
  });

  it("takes over the claim of a process that died without releasing it (kill -9)", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    writeFileSync(`${dir}.pid`, dead);
    const release = claimDataDir(dir);
    expect(readFileSync(`${dir}.pid`, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(`${dir}.pid`)).toBe(false);
  });
});
