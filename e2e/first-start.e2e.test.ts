import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortPair } from "../apps/server/test/helpers/free-port.js";
import { spawnCli } from "../apps/server/test/helpers/run-cli.js";
import { checkPage, launchBrowser, newVisitor } from "./support/browser.js";

/**
 * The README's "Try it" as a newcomer meets it (issue 13): `guichet demo` on an empty data
 * directory, and a browser that opens the bare address and a deep link the instant the command
 * starts, on a phone. The first start copies the migrated database and loads the demo data for
 * seconds: the address must neither refuse nor show a page to wait on, but answer with the
 * portal itself once it is ready.
 */
describe("the demo's first start, opened at once", { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guichet-first-start-"));
  let browser: Browser;
  let demo: ReturnType<typeof spawnCli>;
  let port: number;

  beforeAll(async () => {
    port = await freePortPair();
    browser = await launchBrowser();
    demo = spawnCli(["demo"], { GUICHET_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "production" });
  });

  afterAll(async () => {
    await demo?.stop();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The page as a browser opens it while the command starts: it retries only a refused connection. */
  async function openAtOnce(url: string) {
    const context = await newVisitor(browser, url);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const started = Date.now();
    for (;;) {
      try {
        const response = await page.goto(url, { timeout: 90_000 });
        process.stdout.write(`${url} answered ${response?.status()} after ${Date.now() - started} ms\n`);
        return { page, response };
      } catch (error) {
        // Before node has even opened the port: what a person sees as "connection refused".
        if (!/ERR_CONNECTION_REFUSED/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  it("answers the bare address of MultiCloud Ready with the sign-in page itself", async () => {
    const { page, response } = await openAtOnce(`http://localhost:${port}/`);
    expect(response?.status(), demo.output()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await expect(page.getByLabel("Adresse e-mail").isVisible()).resolves.toBe(true);
    await checkPage(page, "13-first-start-mcr");
  });

  it("brings a deep link into Deux-Sèvres Numérique to sign in, with the way back", async () => {
    const { page, response } = await openAtOnce(`http://localhost:${port + 1}/demandes`);
    expect(response?.status(), demo.output()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe("/connexion");
    expect(url.searchParams.get("redirect")).toBe("/demandes");
  });
});
