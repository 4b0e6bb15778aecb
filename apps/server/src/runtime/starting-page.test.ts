import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../test/helpers/free-port.js";
import { type HeldPort, holdPort } from "./starting-page.mjs";

// Issue 23: the page a starting server answers speaks German too, to a German browser.
describe("the starting page", () => {
  let held: HeldPort;
  let url: string;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // No wait for a portal that never comes: the page answers at once.
    held = await holdPort({ PORT: port, HOST: "127.0.0.1" }, 0);
  });
  afterAll(() => held?.release());

  it("answers a German reader in German, the page and the API alike", async () => {
    const page = await fetch(`${url}/anfragen`, {
      headers: { "accept-language": "de-CH, de;q=0.9, en;q=0.5" },
    });
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(
      "Guichet startet (Datenbank, Demodaten): Diese Seite lädt sich gleich von selbst neu.",
    );
    const api = await fetch(`${url}/api/tickets`, { headers: { "accept-language": "de" } });
    expect(((await api.json()) as { message: string }).message).toMatch(/^Guichet startet/);
    const english = await fetch(`${url}/`, { headers: { "accept-language": "it, en;q=0.8" } });
    expect(await english.text()).toContain("Guichet is starting");
  });
});
