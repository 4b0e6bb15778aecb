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

  it("trusts no proxy by default, and reads a hop count or proxy addresses (issue 14)", () => {
    expect(readConfig({}).TRUST_PROXY).toBeUndefined();
    expect(readConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(readConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).TRUST_PROXY).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
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
    [{ TRUST_PROXY: "true" }, /^Configuration error: TRUST_PROXY: expected a hop count/],
    [{ TRUST_PROXY: "0" }, /^Configuration error: TRUST_PROXY: expected a hop count/],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /^Configuration error: TRUST_PROXY: /],
    [{ TRUST_PROXY: "proxy.example.fr" }, /^Configuration error: TRUST_PROXY: /],
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

  describe("the desk's IMAP mailbox (DESK_IMAP_*)", () => {
    const PASSWORD = "s3cret-pw";

    /** The one-line message of the ConfigError readConfig throws for `env`. */
    function errorOf(env: NodeJS.ProcessEnv): string {
      try {
        readConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error(`expected a configuration error for ${JSON.stringify(env)}`);
    }

    it("is off unless DESK_IMAP_URL is set, polling INBOX every 60 seconds", () => {
      const config = readConfig({ DESK_IMAP_URL: "", DESK_IMAP_PROCESSED_FOLDER: "" });
      expect(config.DESK_IMAP_URL).toBeUndefined();
      expect(config.DESK_IMAP_PROCESSED_FOLDER).toBeUndefined();
      expect(config).toMatchObject({ DESK_IMAP_FOLDER: "INBOX", DESK_IMAP_POLL_SECONDS: 60 });
    });

    it("reads imaps:// as TLS on port 993, with the user and password percent-decoded", () => {
      const config = readConfig({
        DESK_IMAP_URL: "imaps://support%40example.fr:p%40ss%3Aw%2Fd%20x@imap.example.fr",
        DESK_IMAP_FOLDER: "Support",
        DESK_IMAP_PROCESSED_FOLDER: "Support/Traités",
      });
      expect(config.DESK_IMAP_URL).toEqual({
        host: "imap.example.fr",
        port: 993,
        secure: true,
        user: "support@example.fr",
        password: "p@ss:w/d x",
      });
      expect(config).toMatchObject({
        DESK_IMAP_FOLDER: "Support",
        DESK_IMAP_PROCESSED_FOLDER: "Support/Traités",
      });
    });

    it("reads imap:// as STARTTLS on port 143 unless the URL gives one, and an IPv6 host without brackets", () => {
      expect(readConfig({ DESK_IMAP_URL: "imap://desk:pw@imap.example.fr" }).DESK_IMAP_URL).toEqual({
        host: "imap.example.fr",
        port: 143,
        secure: false,
        user: "desk",
        password: "pw",
      });
      expect(readConfig({ DESK_IMAP_URL: "imap://desk:pw@127.0.0.1:1143" }).DESK_IMAP_URL).toMatchObject({
        host: "127.0.0.1",
        port: 1143,
        secure: false,
      });
      expect(readConfig({ DESK_IMAP_URL: "imaps://desk:pw@[::1]:10993/" }).DESK_IMAP_URL).toMatchObject({
        host: "::1",
        port: 10993,
        secure: true,
      });
    });

    it.each([
      ["a wrong scheme", `pop3://desk:${PASSWORD}@mail.example.fr`, /expected imap:\/\/ or imaps:\/\//],
      ["no user", `imaps://:${PASSWORD}@imap.example.fr`, /expected the mailbox's user and password/],
      ["no password", "imaps://desk@imap.example.fr", /expected the mailbox's user and password/],
      ["no credentials", "imaps://imap.example.fr", /expected the mailbox's user and password/],
      ["a folder", `imaps://desk:${PASSWORD}@imap.example.fr/INBOX`, /expected no folder in the URL/],
      [
        "a bad escape",
        `imaps://desk:${PASSWORD}%ZZ@imap.example.fr`,
        /expected the user and password percent-encoded/,
      ],
      ["an unencoded @", `imaps://desk:${PASSWORD}@x@imap.example.fr/INBOX`, /expected no folder in the URL/],
      ["a port out of range", `imaps://desk:${PASSWORD}@imap.example.fr:99999`, /expected an IMAP URL/],
      ["no URL at all", "imap.example.fr", /expected an IMAP URL/],
    ])("stops on %s in DESK_IMAP_URL with one line that never repeats the password", (_, url, expected) => {
      const message = errorOf({ DESK_IMAP_URL: url });
      expect(message).toMatch(/^Configuration error: DESK_IMAP_URL: /);
      expect(message).toMatch(expected);
      expect(message).not.toContain("\n");
      expect(message).not.toContain(PASSWORD);
    });

    it.each([
      ["the scheme forgotten", `desk:${PASSWORD}@imap.example.fr`],
      ["one slash", `imaps:/desk:${PASSWORD}@imap.example.fr`],
      ["a line break in it", `imaps://desk:${PASSWORD}\nx@imap.example.fr/INBOX`],
    ])("never repeats the password of a URL with %s", (_, url) => {
      expect(errorOf({ DESK_IMAP_URL: url })).not.toContain(PASSWORD);
    });

    it.each([
      ["0", /expected between 1 and 3600 seconds/],
      ["3601", /expected between 1 and 3600 seconds/],
      ["1.5", /expected a whole number of seconds/],
      ["soon", /expected a number of seconds/],
    ])("stops on DESK_IMAP_POLL_SECONDS=%s", (value, expected) => {
      expect(errorOf({ DESK_IMAP_POLL_SECONDS: value })).toMatch(
        new RegExp(`^Configuration error: DESK_IMAP_POLL_SECONDS: ${expected.source}, got "${value}"$`),
      );
    });

    it("takes DESK_IMAP_POLL_SECONDS from 1 to 3600", () => {
      expect(readConfig({ DESK_IMAP_POLL_SECONDS: "1" }).DESK_IMAP_POLL_SECONDS).toBe(1);
      expect(readConfig({ DESK_IMAP_POLL_SECONDS: "3600" }).DESK_IMAP_POLL_SECONDS).toBe(3600);
    });
  });
});
