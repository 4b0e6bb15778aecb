import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers/free-port.js";
import { runCli, spawnCli, waitForOk } from "./helpers/run-cli.js";
import { ENGLISH_ONLY_CONTRACT } from "./helpers/third-contract.js";

const PASSWORD = "Harbour lights over Boston, 1987!";
const dataDir = mkdtempSync(join(tmpdir(), "guichet-harbour-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * Issue 23, GEN-01: a provider whose terms are in English only validates, is initialised and
 * starts on the embedded database, and speaks English: the start-up banner names its portal as
 * the contract does, and its first administrator's invitation (no language asked) is in English.
 */
describe("an English-only contract from the command line", { timeout: 180_000 }, () => {
  it("validates, initialises its administrator in English, starts with an English banner", async () => {
    const env = { GUICHET_DATA_DIR: dataDir, GUICHET_CONTRACT: ENGLISH_ONLY_CONTRACT };
    const check = await runCli(["contract", "check", ENGLISH_ONLY_CONTRACT]);
    expect(check.stdout).toContain('valid contract "harbour-hosting"');

    const init = await runCli(["init", "dana.reyes@harbour-hosting.example"], env);
    expect(init.stderr).toBe("");
    expect(init.stdout).toContain(
      'Provider organisation "Harbour Hosting LLC" created from harbour-hosting.',
    );
    const link = init.stdout.match(/https?:\/\/\S+\/invitation#token=\S+/)?.[0] ?? "";
    const wrong = await runCli(["init", "someone@harbour-hosting.example", "--locale", "fr"], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("The contract's languages: en.");

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawnCli(["start"], { ...env, PORT: String(port), PUBLIC_URL: base });
    try {
      await waitForOk(`${base}/health`, 120_000);
      expect(server.output()).toContain(`Guichet — Harbour Customer Hub: ${base}`);
      const token = new URL(link).hash.replace("#token=", "");
      const redeemed = await fetch(`${base}/api/auth/links/redeem`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, password: PASSWORD }),
      });
      expect(redeemed.status, await redeemed.text()).toBe(200);
      const signedIn = await fetch(`${base}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "dana.reyes@harbour-hosting.example", password: PASSWORD }),
      });
      expect(signedIn.status, await signedIn.clone().text()).toBe(200);
      const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      // A French browser: the contract speaks English only.
      const outbox = await fetch(`${base}/api/outbox`, { headers: { cookie, "accept-language": "fr" } });
      const { items } = (await outbox.json()) as { items: { subject: string }[] };
      expect(items.map((mail) => mail.subject)).toContain("Invitation to Harbour Customer Hub");
    } finally {
      await server.stop();
    }
  });
});
