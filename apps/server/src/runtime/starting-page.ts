import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { negotiateLocale, t } from "../i18n/index.js";

/** How long a browser or a client waits before asking again, in seconds. */
const RETRY_SECONDS = 2;

/** The port, answered with the "starting" page until the real server takes it. */
export interface HeldPort {
  release(): Promise<void>;
}

/**
 * Holds the server's port while the deployment gets ready (migrations, the demo data on a first
 * start, the portal's build under `guichet demo`): a first start takes tens of seconds, and a
 * port that does not answer looks like a dead server. Every address answers 503 with
 * Retry-After; a page reloads itself until the portal answers in its place, so the bare address
 * and a deep link both arrive where they were going. `/health/live` says the process is alive.
 */
export async function holdPort(address: { PORT: number; HOST: string }): Promise<HeldPort> {
  const server = createServer(answerStarting);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(address.PORT, address.HOST, () => resolve());
  });
  let released: Promise<void> | undefined;
  return { release: () => (released ??= closeNow(server)) };
}

function answerStarting(request: IncomingMessage, response: ServerResponse): void {
  const locale = negotiateLocale(request.headers["accept-language"]);
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  response.setHeader("Retry-After", String(RETRY_SECONDS));
  response.setHeader("Cache-Control", "no-store");
  if (path === "/health/live") {
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const message = t(locale, "server.starting");
  if (path.startsWith("/api/") || path.startsWith("/health") || request.method !== "GET") {
    response.writeHead(503, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ code: "unavailable", message, details: {} }));
    return;
  }
  response.writeHead(503, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta http-equiv="refresh" content="${RETRY_SECONDS}">` +
      `<title>Guichet</title></head><body><main><h1>Guichet</h1><p role="status">${message}</p></main></body></html>`,
  );
}

/** Stops listening and drops idle keep-alive connections, so the real server can bind at once. */
function closeNow(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
