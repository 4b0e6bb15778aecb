import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { THROTTLE_RULES } from "../src/modules/accounts/login-throttle.js";
import { totpCodeAt } from "../src/modules/accounts/totp.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const PROXY = "127.0.0.1";

interface Attempt {
  email: string;
  password: string;
  totpCode?: string;
  /** The connection's address (the proxy's, behind one). */
  from: string;
  /** What the proxy says the client's address is. */
  forwardedFor?: string;
}

/**
 * Sign-in throttling that an attacker cannot turn against users (issue 14 part 2, OWASP
 * Authentication Cheat Sheet): per (account, address) and per address, with growing delays,
 * never a lock of the account; the client's address taken from a trusted proxy only.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("sign-in throttling on %s", (kind) => {
  let now = new Date("2026-11-23T09:00:00Z");
  const signIn = (app: TestApp, attempt: Attempt) =>
    app.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      remoteAddress: attempt.from,
      headers: attempt.forwardedFor ? { "x-forwarded-for": attempt.forwardedFor } : {},
      payload: {
        email: attempt.email,
        password: attempt.password,
        ...(attempt.totpCode ? { totpCode: attempt.totpCode } : {}),
      },
    });

  describe("without a proxy", () => {
    let t: TestApp;
    let owner: TestUser;
    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      const provider = await createOrganisation(t.database.db, "provider");
      owner = await createUser(t.database.db, provider.id, ["admin"], { totp: true });
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it("1,000 guesses at one account from one address leave its owner signing in from hers, password and TOTP", {
      timeout: 600_000,
    }, async () => {
      const attacker = "203.0.113.7";
      const statuses = new Map<number, number>();
      for (let i = 0; i < 1_000; i++) {
        now = new Date(now.getTime() + 1_000);
        const answer = await signIn(t, { email: owner.email, password: `guess ${i}`, from: attacker });
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      }
      // A few guesses are checked; then the address waits longer and longer, and is refused unchecked.
      expect([...statuses.keys()].sort()).toEqual([401, 429]);
      expect(statuses.get(401)).toBeLessThan(20);
      const refused = await signIn(t, { email: owner.email, password: owner.password, from: attacker });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      // The owner, from her own address (her known device), at the same moment.
      const totpCode = totpCodeAt(owner.totpSecret as string, now);
      const mine = await signIn(t, {
        email: owner.email,
        password: owner.password,
        totpCode,
        from: "198.51.100.4",
      });
      expect(mine.statusCode, mine.body).toBe(200);
    });

    it("answers an unknown account as a real one, guess after guess, in a similar time (no enumeration)", {
      timeout: 300_000,
    }, async () => {
      // Real and unknown guesses alternate, so a busy machine slows both alike: the medians compare
      // the work each answer does, not what else the machine was doing meanwhile.
      const real = { seen: [] as string[], times: [] as number[] };
      const unknown = { seen: [] as string[], times: [] as number[] };
      const guess = async (into: typeof real, email: string, from: string) => {
        const started = performance.now();
        const answer = await signIn(t, { email, password: "not the password", from });
        into.times.push(performance.now() - started);
        into.seen.push(`${answer.statusCode} ${answer.json().code} ${answer.json().message}`);
      };
      for (let i = 0; i <= THROTTLE_RULES.pair.free; i++) {
        await guess(real, owner.email, "192.0.2.50");
        await guess(unknown, "nobody@example.fr", "192.0.2.51");
      }
      const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)] as number;
      expect(unknown.seen).toEqual(real.seen);
      expect(real.seen.at(-1)).toMatch(/^429 rate_limited /);
      // Both check a password (the unknown one against a decoy hash) until the wait, then neither.
      const [unknownMs, realMs] = [median(unknown.times), median(real.times)];
      // Without the decoy, an unknown account answers after one indexed query, against argon2's
      // 20–40 ms for a real one (passwords.ts): bounds of 10x either way catch that, not a busy machine
      // (3x failed once under CI load, with both answers doing the same work).
      const ratio = unknownMs / realMs;
      expect(ratio, `unknown ${unknownMs} ms, real ${realMs} ms`).toBeGreaterThan(0.1);
      expect(ratio, `unknown ${unknownMs} ms, real ${realMs} ms`).toBeLessThan(10);
    });

    it("slows an address guessing at many accounts, and no one else; a forged X-Forwarded-For changes nothing", {
      timeout: 300_000,
    }, async () => {
      const scanner = "203.0.113.99";
      for (let i = 0; i < THROTTLE_RULES.address.free; i++) {
        const answer = await signIn(t, { email: `person${i}@example.fr`, password: "x", from: scanner });
        expect(answer.statusCode).toBe(401);
      }
      const slowed = await signIn(t, { email: "someone@example.fr", password: "x", from: scanner });
      expect(slowed.statusCode).toBe(429);
      // No proxy is trusted: the header is the client's own word, and ignored.
      const forged = await signIn(t, {
        email: "someone@example.fr",
        password: "x",
        from: scanner,
        forwardedFor: "192.0.2.200",
      });
      expect(forged.statusCode).toBe(429);
      const totpCode = totpCodeAt(owner.totpSecret as string, now);
      const other = await signIn(t, {
        email: owner.email,
        password: owner.password,
        totpCode,
        from: "198.51.100.9",
      });
      expect(other.statusCode, other.body).toBe(200);
    });
  });

  describe("behind a reverse proxy (TRUST_PROXY)", { timeout: 300_000 }, () => {
    let t: TestApp;
    let people: TestUser[];
    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", {
        clock: () => now,
        env: { TRUST_PROXY: PROXY },
      });
      const customer = await createOrganisation(t.database.db, "customer");
      people = [
        await createUser(t.database.db, customer.id, ["customer_admin"]),
        await createUser(t.database.db, customer.id, ["user"]),
      ];
    }, 180_000);
    afterAll(async () => {
      await t?.close();
    });

    it("25 failures through the proxy's address slow their client only: everyone else still signs in through it", async () => {
      const [victim, colleague] = people as [TestUser, TestUser];
      for (let i = 0; i < 25; i++) {
        await signIn(t, {
          email: victim.email,
          password: `guess ${i}`,
          from: PROXY,
          forwardedFor: "203.0.113.5",
        });
      }
      const attacker = await signIn(t, {
        email: colleague.email,
        password: colleague.password,
        from: PROXY,
        forwardedFor: "203.0.113.5",
      });
      expect(attacker.statusCode).toBe(429);
      for (const [person, client] of [
        [victim, "198.51.100.20"],
        [colleague, "198.51.100.21"],
      ] as const) {
        const answer = await signIn(t, {
          email: person.email,
          password: person.password,
          from: PROXY,
          forwardedFor: client,
        });
        expect(answer.statusCode, answer.body).toBe(200);
      }
    });
  });
});
