import { Writable } from "node:stream";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import type { LightMyRequestResponse } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PERMISSIONS_POLICY } from "../src/http/security-headers.js";
import { REPORTS_PER_MINUTE } from "../src/modules/browser-reports/routes.js";
import { openTicketAs, premiumNamedContact } from "./helpers/desk.js";
import type { TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** A CSP header as directive → sources, to assert on one directive at a time. */
function policyOf(response: LightMyRequestResponse): Record<string, string[]> {
  const header = String(response.headers["content-security-policy"] ?? "");
  return Object.fromEntries(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

/** The headers every answer carries, whatever its policy (issue 21). */
function expectCommonHeaders(response: LightMyRequestResponse) {
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["x-frame-options"]).toBe("DENY");
  expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(response.headers["permissions-policy"]).toBe(PERMISSIONS_POLICY);
  expect(response.headers["permissions-policy"]).toContain("camera=()");
  expect(response.headers["reporting-endpoints"]).toBe('csp="/api/csp-reports"');
  const policy = policyOf(response);
  expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  expect(policy["object-src"]).toEqual(["'none'"]);
  expect(policy["base-uri"]).toEqual(["'none'"]);
  expect(policy["report-uri"]).toEqual(["/api/csp-reports"]);
  expect(policy["report-to"]).toEqual(["csp"]);
  expect(JSON.stringify(policy)).not.toContain("unsafe-eval");
}

describe.each(databaseKindsUnderTest(postgresUrl))("browser security headers on %s", (kind) => {
  let t: TestApp;
  let contact: TestUser;
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logs = new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    });
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { logger: pino({ level: "warn" }, logs) });
    contact = (await premiumNamedContact(t.database.db)).contact;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives the portal's page a strict policy: scripts from itself only, inline styles only with the nonce of this copy of the page", async () => {
    for (const url of ["/", "/droits", "/index.html"]) {
      const page = await t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(page.statusCode, url).toBe(200);
      expectCommonHeaders(page);
      const policy = policyOf(page);
      expect(policy["default-src"]).toEqual(["'self'"]);
      expect(policy["script-src"]).toEqual(["'self'"]);
      expect(policy["script-src-attr"]).toEqual(["'none'"]);
      expect(policy["form-action"]).toEqual(["'self'"]);
      expect(policy["connect-src"]).toEqual(["'self'"]);
      const [self, nonce] = policy["style-src"] ?? [];
      expect(self).toBe("'self'");
      expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
      // The page carries the same nonce for Mantine to read, and no placeholder is left.
      expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce?.slice(7, -1)}">`);
      expect(page.body).not.toContain("GUICHET_CSP_NONCE");
      // No inline script runs: the only script without a source is the data block of the
      // contract summary (the browser never runs JSON), the same as GET /api/contract answers.
      expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/);
      const block = /<script type="application\/json" id="guichet-contract">([^<]*)<\/script>/.exec(
        page.body,
      );
      const summary = await t.app.inject({ method: "GET", url: "/api/contract" });
      expect(JSON.parse(block?.[1] ?? "null")).toEqual(summary.json());
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(page.headers["strict-transport-security"]).toBeUndefined();
    }
    const first = await t.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
    const second = await t.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
    expect(policyOf(first)["style-src"]).not.toEqual(policyOf(second)["style-src"]);
  });

  it("answers the API with a policy that allows nothing, signed in or not", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/api/auth/me" });
    expect(anonymous.statusCode).toBe(401);
    const session = await signInAs(t.app, contact, new Date());
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: session.headers });
    expect(me.statusCode).toBe(200);
    for (const response of [anonymous, me]) {
      expectCommonHeaders(response);
      expect(policyOf(response)["default-src"]).toEqual(["'none'"]);
      expect(policyOf(response)["form-action"]).toEqual(["'none'"]);
    }
  });

  it("serves a ticket's file as a sandboxed download (MCR-SUP-03)", async () => {
    const session = await signInAs(t.app, contact, new Date());
    const ticket = (await openTicketAs(t.app, session, { category: "incident", priority: "P3" })).json();
    const form = new FormData();
    form.append("body", "Journal");
    form.append("files", new Blob(["<script>alert(1)</script>"], { type: "text/plain" }), "journal.txt");
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/tickets/${ticket.id}/attachments`,
      headers: session.headers,
      payload: form,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const file = sent.json().timeline.at(-1).attachments[0];
    const download = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${ticket.id}/attachments/${file.id}`,
      headers: session.headers,
    });
    expect(download.statusCode).toBe(200);
    expectCommonHeaders(download);
    expect(download.headers["content-disposition"]).toMatch(/^attachment; /);
    expect(policyOf(download).sandbox).toEqual([]);
    expect(policyOf(download)["default-src"]).toEqual(["'none'"]);
  });

  it("gives /api/docs (Swagger UI) its own policy: its files, its one inline style by hash, no inline script", async () => {
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expectCommonHeaders(docs);
    const policy = policyOf(docs);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["style-src"]?.[0]).toBe("'self'");
    expect(policy["style-src"]?.slice(1).every((source) => source.startsWith("'sha256-"))).toBe(true);
    const script = await t.app.inject({ method: "GET", url: "/api/docs/static/swagger-initializer.js" });
    expect(script.statusCode).toBe(200);
    expectCommonHeaders(script);
  });

  it("over plain http the cookie is SameSite=Strict without Secure, so a local try-out still signs in", async () => {
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: contact.email, password: contact.password },
    });
    const setCookie = String(signIn.headers["set-cookie"]);
    expect(setCookie).toMatch(/^guichet_session=[^;]+; /);
    expect(setCookie).toContain("; SameSite=Strict");
    expect(setCookie).not.toContain("; Secure");
  });

  it("logs each violation report, in either format, without the page's query string, and limits reports per address", async () => {
    logged.length = 0;
    const legacy = await t.app.inject({
      method: "POST",
      url: "/api/csp-reports",
      remoteAddress: "192.0.2.10",
      headers: { "content-type": "application/csp-report" },
      payload: JSON.stringify({
        "csp-report": {
          "document-uri": "http://localhost:3000/invitation?token=secret-link-token",
          "blocked-uri": "inline",
          "effective-directive": "script-src-elem",
          "original-policy": "default-src 'self'",
          disposition: "enforce",
          "line-number": 12,
        },
      }),
    });
    expect(legacy.statusCode, legacy.body).toBe(204);
    const batch = await t.app.inject({
      method: "POST",
      url: "/api/csp-reports",
      remoteAddress: "192.0.2.10",
      headers: { "content-type": "application/reports+json" },
      payload: JSON.stringify([
        {
          type: "csp-violation",
          age: 10,
          url: "http://localhost:3000/droits",
          user_agent: "Chromium",
          body: {
            documentURL: "http://localhost:3000/droits#x",
            blockedURL: "https://evil.example/x.js",
            effectiveDirective: "script-src-elem",
            disposition: "enforce",
          },
        },
      ]),
    });
    expect(batch.statusCode, batch.body).toBe(204);
    const violations = logged.filter((line) => line.cspViolation).map((line) => line.cspViolation);
    expect(violations).toEqual([
      {
        document: "http://localhost:3000/invitation",
        blocked: "inline",
        directive: "script-src-elem",
        disposition: "enforce",
        line: 12,
      },
      {
        document: "http://localhost:3000/droits",
        blocked: "https://evil.example/x.js",
        directive: "script-src-elem",
        disposition: "enforce",
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain("secret-link-token");

    const flood = [];
    for (let i = 0; i < REPORTS_PER_MINUTE; i++) {
      flood.push(
        await t.app.inject({
          method: "POST",
          url: "/api/csp-reports",
          remoteAddress: "192.0.2.10",
          headers: { "content-type": "application/csp-report" },
          payload: JSON.stringify({ "csp-report": { "blocked-uri": "eval" } }),
        }),
      );
    }
    expect(flood.map((r) => r.statusCode).filter((s) => s === 429).length).toBe(2);
    expect(flood.at(-1)?.json()).toMatchObject({ code: "rate_limited" });
    expect(logged.filter((line) => line.cspViolation).length).toBe(REPORTS_PER_MINUTE);
    // Another address is not slowed by the first one's flood.
    const other = await t.app.inject({
      method: "POST",
      url: "/api/csp-reports",
      remoteAddress: "192.0.2.11",
      headers: { "content-type": "application/csp-report" },
      payload: JSON.stringify({ "csp-report": { "blocked-uri": "eval" } }),
    });
    expect(other.statusCode).toBe(204);
    const garbage = await t.app.inject({
      method: "POST",
      url: "/api/csp-reports",
      remoteAddress: "192.0.2.12",
      headers: { "content-type": "application/csp-report" },
      payload: "not json",
    });
    expect(garbage.statusCode).toBe(400);
  });
  describe("behind https (PUBLIC_URL)", () => {
    let https: TestApp;
    beforeAll(async () => {
      https = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", {
        env: { PUBLIC_URL: "https://portail.example.fr" },
      });
    });
    afterAll(async () => {
      await https?.close();
    });

    it("HSTS, upgrade-insecure-requests, and a Secure, __Host- prefixed, SameSite=Strict session cookie that signs in", async () => {
      const page = await https.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
      expect(page.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(policyOf(page)["upgrade-insecure-requests"]).toEqual([]);
      const api = await https.app.inject({ method: "GET", url: "/api/contract" });
      expect(api.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

      const operator = (await premiumNamedContact(https.database.db)).contact;
      const signIn = await https.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: operator.email, password: operator.password },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const setCookie = String(signIn.headers["set-cookie"]);
      expect(setCookie).toMatch(/^__Host-guichet_session=[^;]+; /);
      expect(setCookie).toContain("; Path=/");
      expect(setCookie).toContain("; HttpOnly");
      expect(setCookie).toContain("; Secure");
      expect(setCookie).toContain("; SameSite=Strict");
      expect(setCookie).not.toContain("Domain=");
      const cookie = setCookie.split(";")[0] as string;
      const me = await https.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
      expect(me.statusCode).toBe(200);
      // The unprefixed name is not read there: a cookie planted over plain http is worthless.
      const planted = await https.app.inject({
        method: "GET",
        url: "/api/auth/me",
        headers: { cookie: cookie.replace("__Host-", "") },
      });
      expect(planted.statusCode).toBe(401);
      const signOut = await https.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { cookie, "x-csrf-token": signIn.json().csrfToken },
      });
      expect(signOut.statusCode).toBe(204);
      expect(String(signOut.headers["set-cookie"])).toMatch(/^__Host-guichet_session=; .*Secure/);
    });
  });
});
