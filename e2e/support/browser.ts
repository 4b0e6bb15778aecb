import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { type Person, totpCode } from "./seed.js";

const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/**
 * Debian's Chromium, headless, never a downloaded browser. Playwright gives every launch a
 * fresh temporary profile (user-data dir) and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What a browser refused under the portal's security headers, as a person's tools would show it. */
const violations = new WeakMap<BrowserContext, string[]>();

/** The Content-Security-Policy violations and security-header complaints seen so far in a context. */
export function securityViolations(context: BrowserContext): string[] {
  return violations.get(context) ?? [];
}

/**
 * Records every Content-Security-Policy violation of the context's pages (the
 * `securitypolicyviolation` event, with what was blocked and where) and every console message about
 * a policy header (a violation, or a header the browser could not read), so that each visited page
 * is checked under the policy the server enforces (issue 21).
 */
async function watchSecurityPolicy(context: BrowserContext): Promise<void> {
  const seen: string[] = [];
  violations.set(context, seen);
  await context.exposeBinding("__guichetCspViolation", (_source, violation: string) => {
    seen.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile || event.documentURI}:${event.lineNumber}`;
      const report = (window as unknown as { __guichetCspViolation: (text: string) => void })
        .__guichetCspViolation;
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"} at ${where} ${event.sample}`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content.Security.Policy|Permissions-Policy|Refused to/i.test(message.text()))
      seen.push(`console ${message.type()}: ${message.text()}`);
  });
}

/** A separate person at the keyboard: own cookies and storage, French like most users. */
export async function newVisitor(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: "fr-FR",
    viewport: { width: 1280, height: 900 },
    // No transition caught half-way in a screenshot (the portal honours the preference).
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(10_000);
  await watchSecurityPolicy(context);
  return context;
}

/**
 * Keeps a full-page screenshot (e2e/screenshots/NAME.png) and runs axe-core on the page as it
 * is: any serious or critical violation fails the test, each listed with its elements. Any
 * Content-Security-Policy violation since the context opened fails it too.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(securityViolations(page.context()), `security policy on ${name} (${page.url()})`).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  expect(blocking, `axe on ${name} (${page.url()})`).toEqual([]);
}

/**
 * Signs in through the sign-in page, with the TOTP step when the person has a second factor; the
 * code is the one shown at `now()`, the server's time when a test drives its clock.
 */
export async function signIn(
  page: Page,
  person: Person,
  screenshotPrefix?: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  await page.goto("/connexion");
  // In French, or in English where the contract is English first (issue 23).
  await page.getByLabel(/^(Adresse e-mail|E-mail address)/).fill(person.email);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(person.password);
  await page.getByRole("button", { name: /^(Se connecter|Sign in)$/ }).click();
  if (person.totpSecret) {
    const code = page.getByLabel(/^(Code d'authentification|Authentication code)/);
    await code.waitFor();
    if (screenshotPrefix) await checkPage(page, `${screenshotPrefix}-second-factor-code`);
    await code.fill(totpCode(person.totpSecret, now()));
    await page.getByRole("button", { name: /^(Valider|Confirm)$/ }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/**
 * A write to the API with the page's own session and CSRF token, as the portal itself sends it:
 * for what the portal has no page for. Fails the test unless the server accepts it.
 */
export async function postAs(page: Page, path: string, data: object): Promise<Record<string, unknown>> {
  const me = await page.request.get("/api/auth/me");
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.post(path, {
    data,
    headers: { "x-csrf-token": csrfToken, "accept-language": "fr" },
  });
  expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * A clause tag as a customer reads it (issue 13): the place in the contract's text ("§ 8.2.1"),
 * the requirement id in its tooltip, which this finds it by. Staff read the id itself.
 */
export function clauseTag(scope: Page | Locator, id: string): Locator {
  return scope.getByTitle(new RegExp(`\\b${id}\\)$`));
}
