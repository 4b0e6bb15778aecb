import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("foundation HTTP on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", {
      // A fixture route with a strict body, to prove how every route treats bad input.
      extraRoutes: async (app) => {
        app.withTypeProvider<ZodTypeProvider>().post(
          "/api/test/echo",
          {
            config: { public: true },
            schema: { body: z.strictObject({ name: z.string().max(50), count: z.number().int() }) },
          },
          async (request) => request.body,
        );
        app.get("/api/test/crash", { config: { public: true } }, async () => {
          throw new Error("secret internal detail");
        });
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports health with the database kind and contract", async () => {
    const response = await t.app.inject({ method: "GET", url: "/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: kind, contract: "multicloud-ready" });
    expect(response.headers["x-request-id"]).toBeTruthy();
  });

  it("keeps a caller's request id", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/health",
      headers: { "x-request-id": "abc-12345678" },
    });
    expect(response.headers["x-request-id"]).toBe("abc-12345678");
  });

  it("serves an OpenAPI 3 document listing the routes, and browsable docs", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain("/health");
    expect(Object.keys(document.paths)).toContain("/api/contract");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("serves the built portal at / and its page addresses, without signing in", async () => {
    // `npm test` builds the portal first (pretest).
    for (const url of ["/", "/rights", "/invitation"]) {
      const page = await t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(page.statusCode, url).toBe(200);
      expect(page.body.toLowerCase()).toContain("<!doctype html>");
    }
  });

  it("serves the portal's built files compressed as the browser accepts, hashed ones cached for good (issue 13)", async () => {
    const page = await t.app.inject({ method: "GET", url: "/", headers: { accept: "text/html" } });
    expect(page.headers["cache-control"]).toBe("no-cache");
    const script = page.body.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const plain = await t.app.inject({ method: "GET", url: script as string });
    for (const [accepted, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const sent = await t.app.inject({
        method: "GET",
        url: script as string,
        headers: { "accept-encoding": accepted },
      });
      expect(sent.statusCode).toBe(200);
      expect(sent.headers["content-encoding"]).toBe(encoding);
      expect(sent.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const bytes = encoding === "br" ? brotliDecompressSync(sent.rawPayload) : gunzipSync(sent.rawPayload);
      expect(bytes.equals(plain.rawPayload)).toBe(true);
      expect(sent.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    }
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("sends the page itself compressed as the browser accepts, with its contract summary (issue 13)", async () => {
    for (const [accepted, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["br;q=0, gzip", "gzip"],
      ["identity", undefined],
    ] as const) {
      const sent = await t.app.inject({
        method: "GET",
        url: "/demandes",
        headers: { accept: "text/html", "accept-encoding": accepted },
      });
      expect(sent.statusCode, accepted).toBe(200);
      expect(sent.headers["content-encoding"], accepted).toBe(encoding);
      expect(sent.headers.vary).toContain("accept-encoding");
      const html = (
        encoding === "br"
          ? brotliDecompressSync(sent.rawPayload)
          : encoding === "gzip"
            ? gunzipSync(sent.rawPayload)
            : sent.rawPayload
      ).toString("utf8");
      expect(html.toLowerCase()).toContain("<!doctype html>");
      expect(html).toContain('<script type="application/json" id="guichet-contract">');
      if (encoding) expect(sent.rawPayload.length).toBeLessThan(html.length / 2);
    }
  });

  it("answers an unknown route with a JSON 404 in French by default", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: "not_found",
      message: expect.stringContaining("Aucune ressource"),
    });
  });

  it("speaks English when the client prefers it", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/nope",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(response.json().message).toContain("Nothing at this address");
  });

  it("refuses malformed JSON with a 400, not a 500", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      headers: { "content-type": "application/json" },
      payload: '{"name": "x",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "malformed_json", details: {} });
  });

  it("names the field of a wrong type and of an unknown key", async () => {
    const wrongType = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: { name: "x", count: "three" },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe("validation_failed");
    expect(wrongType.json().details.issues).toEqual([expect.objectContaining({ field: "body.count" })]);

    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: { name: "x", count: 1, admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().details)).toContain("admin");
  });

  it("refuses an oversized body with 413", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/test/echo",
      payload: { name: "x".repeat(2 * 1024 * 1024), count: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe("payload_too_large");
  });

  it("never shows an internal error's details to the client", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/test/crash" });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("secret internal detail");
    expect(response.json()).toMatchObject({ code: "internal", details: { requestId: expect.any(String) } });
  });
});
