import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { takeLease } from "../src/jobs/work-lease.js";
import { createCustomerWithAdmin } from "./helpers/factories.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const METRICS_TOKEN = "metrics-token-for-the-test-scraper-0123456789";

// Issue 19: health for a load balancer and an orchestrator, metrics for the operator.
describe.each(databaseKindsUnderTest(postgresUrl))("health and metrics on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { env: { METRICS_TOKEN } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("tells live from ready, and names the process running the background work", async () => {
    const live = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(live.json()).toEqual({ status: "ok" });

    const idle = await t.app.inject({ method: "GET", url: "/health/ready" });
    expect(idle.statusCode).toBe(200);
    expect(idle.json()).toMatchObject({
      status: "ok",
      database: kind,
      migrations: "applied",
      backgroundWork: null,
    });

    await takeLease(t.database.db, "background-work", "other-host:4242:abc", 60_000);
    const held = (await t.app.inject({ method: "GET", url: "/health/ready" })).json();
    expect(held.backgroundWork).toMatchObject({ holder: "other-host:4242:abc", thisProcess: false });
  });

  it("opens /metrics only to the bearer of METRICS_TOKEN", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const wrong = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN.replace(/.$/, "x")}` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("counts requests per route, failed sign-ins, open tickets and the outbox", async () => {
    const { admin } = await createCustomerWithAdmin(t.database.db);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: admin.email, password: "not the password at all" },
    });
    const scrape = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers["content-type"]).toContain("text/plain");
    const text = scrape.body;
    expect(text).toMatch(
      /guichet_http_request_duration_seconds_count\{[^}]*route="\/health\/ready"[^}]*\} \d+/,
    );
    expect(text).toMatch(/guichet_login_failures_total\{status_code="401"\} [1-9]/);
    expect(text).toMatch(/^guichet_outbox_pending \d+$/m);
    expect(text).toMatch(/^guichet_outbox_oldest_pending_seconds /m);
    expect(text).toContain("# TYPE guichet_open_tickets gauge");
    expect(text).toContain("# TYPE guichet_sla_clocks gauge");
    expect(text).toContain("guichet_process_resident_memory_bytes");
    if (kind === "postgresql") {
      expect(text).toMatch(/guichet_db_pool_connections\{state="total"\} \d+/);
      expect(text).toMatch(/^guichet_db_query_duration_seconds_count [1-9]/m);
    }
  });
});

describe("without METRICS_TOKEN", () => {
  it("has no /metrics route at all", async () => {
    const t = await createTestApp("pglite", postgresUrl);
    try {
      expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
