import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { holdPort } from "../src/runtime/starting-page.mjs";
import { freePort } from "./helpers/free-port.js";

// The port a server holds while it starts (issue 13, the front door): whoever opens the address
// meanwhile waits and gets the portal itself; only a start longer than the wait shows the page.
describe("the port held while the server starts", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /** What stands for the portal: a real HTTP server that says which path it was asked for. */
  function portal(): Server {
    const server = createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end(`portal ${request.method} ${request.url}`);
    });
    servers.push(server);
    return server;
  }

  it("keeps a deep link waiting and has the portal answer it once it listens", async () => {
    const port = await freePort();
    const held = await holdPort({ PORT: port, HOST: "127.0.0.1" }, 10_000);
    const early = fetch(`http://127.0.0.1:${port}/demandes?vue=ouvertes`);
    const probe = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(probe.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(503);

    held.stopListening();
    const real = portal();
    await new Promise<void>((resolve) => real.listen(port, "127.0.0.1", resolve));
    await held.handOver(real);

    const answer = await early;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("portal GET /demandes?vue=ouvertes");
    // A new request goes to the portal, which now holds the port.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("portal GET /");
  });

  it("answers with the page that reloads itself when the start outlasts the wait", async () => {
    const port = await freePort();
    const held = await holdPort({ PORT: port, HOST: "127.0.0.1" }, 200);
    try {
      const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { "accept-language": "en-GB,en" } });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("2");
      const html = await page.text();
      expect(html).toContain('<meta http-equiv="refresh" content="2">');
      expect(html).toContain("Guichet is starting");
      const api = await fetch(`http://127.0.0.1:${port}/api/auth/me`);
      expect(api.status).toBe(503);
      expect(((await api.json()) as { code: string }).code).toBe("unavailable");
    } finally {
      await held.release();
    }
  });

  it("gives the waiting requests the page when the start fails, and frees the port", async () => {
    const port = await freePort();
    const held = await holdPort({ PORT: port, HOST: "127.0.0.1" }, 10_000);
    const early = fetch(`http://127.0.0.1:${port}/`, { headers: { "accept-language": "fr" } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await held.release();
    const page = await early;
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("Guichet démarre");
    const real = portal();
    await new Promise<void>((resolve) => real.listen(port, "127.0.0.1", resolve));
  });
});
