import { describe, expect, it } from "vitest";
import { CLAIM_MS, retryDelayMs } from "./deliver-outbox.js";
import { SEND_DEADLINE_MS, smtpOptionsFromUrl } from "./smtp-transport.js";

describe("SMTP_URL", () => {
  it("reads host, port, credentials; verifies certificates and requires STARTTLS off loopback", () => {
    expect(smtpOptionsFromUrl("smtp://guichet%40example.fr:p%3Ass@mail.example.fr:587")).toMatchObject({
      host: "mail.example.fr",
      port: 587,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: true },
      auth: { user: "guichet@example.fr", pass: "p:ss" },
    });
  });

  it("uses TLS from the start with smtps, port 465 by default", () => {
    expect(smtpOptionsFromUrl("smtps://mail.example.fr")).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
      tls: { rejectUnauthorized: true },
    });
  });

  it("lets a loopback relay answer without STARTTLS, and sends no credentials it was not given", () => {
    for (const url of ["smtp://127.0.0.1:2525", "smtp://localhost:25", "smtp://[::1]:25"]) {
      const options = smtpOptionsFromUrl(url);
      expect(options.requireTLS, url).toBe(false);
      expect(options.auth, url).toBeUndefined();
    }
  });

  it("refuses another scheme", () => {
    expect(() => smtpOptionsFromUrl("http://mail.example.fr")).toThrow("expected smtp:// or smtps://");
  });
});

describe("retry delays", () => {
  it("double from one minute up to one hour", () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n) / 60_000);
    expect(minutes).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("leave a whole send inside the claim", () => {
    expect(SEND_DEADLINE_MS).toBeLessThan(CLAIM_MS);
  });
});
