import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** Thrown when the embedded database is already open in another live process. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in process ${pid}. PGlite serves one ` +
        "process only: stop that process first, or run several processes over PostgreSQL (DATABASE_URL).",
    );
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Claims the embedded database's directory for this process, so a second process (a second
 * `guichet start`, a CLI command while the server runs) is refused with a clear message instead
 * of opening the same files and corrupting them. The claim is a file beside the directory (not in
 * it: a dump of the directory must not carry it) holding the owner's pid; one left by a process
 * that died (kill -9) is taken over. Returns the release.
 */
export function claimDataDir(dataDir: string): () => void {
  const path = `${dataDir.replace(/\/+$/, "")}.pid`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not claim ${dataDir}: its claim file keeps coming back`);
}
