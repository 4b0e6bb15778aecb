import { Writable } from "node:stream";
import pino from "pino";
import type { Config } from "../config.js";

/**
 * The server's log. JSON lines for a log collector by default; for a person watching a terminal
 * (stdout is a TTY, as under `npm run demo`), one short readable line per event and no line per
 * request, so the demo's banner and what matters stay visible (issue 13). `LOG_FORMAT` forces
 * either.
 */
export function serverLogger(config: Config): { logger: pino.Logger; logRequests: boolean } {
  const readable =
    config.LOG_FORMAT === "readable" || (config.LOG_FORMAT === undefined && process.stdout.isTTY === true);
  if (!readable) return { logger: pino({ level: config.LOG_LEVEL }), logRequests: true };
  return { logger: pino({ level: config.LOG_LEVEL }, readableLines(process.stdout)), logRequests: false };
}

const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
/** Fields every pino line carries, left out of the readable line. */
const ROUTINE = new Set(["level", "time", "pid", "hostname", "msg"]);

/** A stream that writes each pino JSON line as `12:34:56 info message key=value…`. */
export function readableLines(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) {
        if (line.trim() !== "") out.write(`${readable(line)}\n`);
      }
      done();
    },
  });
}

function readable(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
  const extras = Object.entries(entry)
    .filter(([key]) => !ROUTINE.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return [time, LEVELS[Number(entry.level)] ?? entry.level, entry.msg, ...extras].join(" ");
}
