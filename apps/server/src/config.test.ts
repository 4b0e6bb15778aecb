import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.js";

describe("configuration", () => {
  it("defaults to the embedded database and the MultiCloud Ready contract", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      GUICHET_DATA_DIR: "./data",
      GUICHET_CONTRACT: "multicloud-ready",
      PUBLIC_URL: "http://localhost:3000",
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /^Configuration error: PORT: .*got "abc"$/],
    [{ PORT: "70000" }, /^Configuration error: PORT: expected a port between 1 and 65535/],
    [{ DATABASE_URL: "mysql://x" }, /^Configuration error: DATABASE_URL: expected a PostgreSQL URL/],
    [{ PUBLIC_URL: "not a url" }, /^Configuration error: PUBLIC_URL: expected an absolute URL/],
    [{ SMTP_URL: "http://mail" }, /^Configuration error: SMTP_URL: expected an SMTP URL/],
    [{ LOG_LEVEL: "loud" }, /^Configuration error: LOG_LEVEL: /],
  ])("stops on %o with one line naming the variable", (env, expected) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    try {
      readConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(expected);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("drops a trailing slash from PUBLIC_URL so links join cleanly", () => {
    expect(readConfig({ PUBLIC_URL: "https://portail.example.fr/" }).PUBLIC_URL).toBe(
      "https://portail.example.fr",
    );
  });
});
