import { createServer } from "node:net";

/**
 * Ports are picked below the kernel's ephemeral range (Linux: 32768–60999), where nothing binding
 * port 0 is ever given one: a port taken from that range and released until the server binds it
 * could meanwhile go to another test's listener or outgoing connection (seen in CI: mail sent to
 * the desk's port reached another test's SMTP server, shutting down).
 */
const PICK_FROM = 20_000;
const PICK_TO = 32_767;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A TCP port free on loopback right now, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = PICK_FROM + Math.floor(Math.random() * (PICK_TO - PICK_FROM));
    if (await isFree(port)) return port;
  }
}

/** Two consecutive TCP ports free on loopback right now (`guichet demo` takes PORT and PORT+1). */
export async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (await isFree(port + 1)) return port;
  }
}
