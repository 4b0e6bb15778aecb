import { PassThrough } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { readableLines } from "./logger.js";

describe("readable log lines (a person watching `npm run demo`)", () => {
  it("writes each event as its time, level, message and the fields that are not routine", async () => {
    const out = new PassThrough();
    let text = "";
    out.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    const logger = pino({ level: "info" }, readableLines(out));
    logger.info({ sweep: "desk.auto-close", closed: 2 }, "sweep done");
    logger.warn("database does not answer");
    logger.debug("not shown at level info");
    await new Promise((resolve) => setImmediate(resolve));
    const lines = text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d info sweep done sweep=desk\.auto-close closed=2$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d WARN database does not answer$/);
    expect(text).not.toContain("hostname");
  });
});
