// Plain JavaScript on purpose: `bin/guichet.mjs` holds the port with this page before it loads
// TypeScript through tsx, which takes seconds on a first start (issue 13: the README's address
// must answer at once). Its texts are in starting-page.json, in every language of the portal.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

/** How long a browser or a client waits before asking again, in seconds. */
const RETRY_SECONDS = 2;

/**
 * How long a request waits for the portal before it gets the "starting" page instead, in ms. A first
 * start takes seconds: a person (or a script) who opens the address meanwhile gets the portal itself,
 * late, rather than a page to wait on; only a start longer than this shows the page.
 */
const WAIT_FOR_PORTAL_MS = 60_000;

/** Requests waiting at once, beyond which the page answers at once (memory stays bounded). */
const MAX_WAITING = 256;

const MESSAGES = JSON.parse(readFileSync(new URL("./starting-page.json", import.meta.url), "utf8"));

/** The port `bin/guichet.mjs` held for `guichet start`, until the command takes it. */
let heldEarly;

/**
 * `guichet start` holds its port before anything else loads. The defaults are the configuration's
 * (apps/server/src/config.ts); a value it would refuse holds nothing, and the command reports it.
 */
export async function holdPortEarly(env) {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return;
  try {
    heldEarly = await holdPort({ PORT: port, HOST: env.HOST || "127.0.0.1" });
  } catch {
    // Taken by another process: the server's own listen reports it, as without this page.
  }
}

/** The port held by `holdPortEarly`, once: whoever takes it releases it. */
export function takeEarlyHold() {
  const held = heldEarly;
  heldEarly = undefined;
  return held;
}

/**
 * Holds the server's port while the deployment gets ready (migrations, the demo data on a first
 * start, the portal's build under `guichet demo`): a port that does not answer looks like a dead
 * server. A request waits (up to WAIT_FOR_PORTAL_MS) and is then answered by the real server it is
 * handed over to; past that wait it gets 503 with Retry-After, as a page that reloads itself until
 * the portal answers in its place, so the bare address and a deep link both arrive where they were
 * going. `/health/live` says at once that the process is alive, the other probes that it is not ready.
 */
export async function holdPort(address, waitForPortalMs = WAIT_FOR_PORTAL_MS) {
  const waiting = new Set();
  /** Where requests go once the real server listens: it answers them itself. */
  let realServer;
  const server = createServer((request, response) => {
    if (realServer) return void realServer.emit("request", request, response);
    if (isProbe(request) || waiting.size >= MAX_WAITING) return answerStarting(request, response);
    const entry = { request, response };
    entry.timer = setTimeout(() => {
      waiting.delete(entry);
      answerStarting(request, response);
    }, waitForPortalMs);
    waiting.add(entry);
    response.once("close", () => {
      clearTimeout(entry.timer);
      waiting.delete(entry);
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(address.PORT, address.HOST, () => resolve());
  });
  let closed;
  const closeListener = () => (closed ??= new Promise((resolve) => server.close(() => resolve())));
  const answerWaiting = (answer) => {
    for (const entry of waiting) {
      clearTimeout(entry.timer);
      answer(entry);
    }
    waiting.clear();
  };
  return {
    stopListening() {
      // The connections already open stay: their requests wait for `handOver`.
      void closeListener();
    },
    handOver(to) {
      realServer = to;
      answerWaiting(({ request, response }) => to.emit("request", request, response));
      server.closeIdleConnections();
      return closeListener();
    },
    release() {
      answerWaiting(({ request, response }) => answerStarting(request, response));
      server.closeAllConnections();
      return closeListener();
    },
  };
}

/** Probes answer at once: they ask whether the process is alive or ready, not for the portal. */
function isProbe(request) {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  return path === "/health" || path.startsWith("/health/");
}

/** The first language of Accept-Language the page speaks, French otherwise. */
function localeOf(acceptLanguage) {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (MESSAGES[tag]) return tag;
  }
  return "fr";
}

function answerStarting(request, response) {
  const locale = localeOf(request.headers["accept-language"]);
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  response.setHeader("Retry-After", String(RETRY_SECONDS));
  response.setHeader("Cache-Control", "no-store");
  if (path === "/health/live") {
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ status: "ok" }));
    return;
  }
  const message = MESSAGES[locale];
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
