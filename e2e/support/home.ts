import type pg from "pg";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { signIn } from "./browser.js";
import type { Portal } from "./portal.js";
import { type Person, seedPerson } from "./seed.js";

/**
 * A person added to a demo organisation (by its slug), for the roles the demo gives no account
 * (an invoice reader, a plain user) and provider staff with a second factor the test can compute.
 */
export async function seedDemoPerson(
  db: pg.Pool,
  slug: string,
  input: { email: string; firstName: string; lastName: string; roles: string[] },
): Promise<Person> {
  const { rows } = await db.query<{ id: string; kind: string }>(
    "select id, kind from organisations where slug = $1",
    [slug],
  );
  const organisation = rows[0];
  if (!organisation) throw new Error(`no demo organisation ${slug}`);
  return seedPerson(db, {
    ...input,
    organisationId: organisation.id,
    totp: organisation.kind === "provider",
  });
}

/** A card of the home page, found by its title as a person reads it, scrolled to so it loads (issue 13). */
export async function homeCard(page: Page, title: string) {
  const card = page.getByRole("region", { name: title, exact: true });
  await card.scrollIntoViewIfNeeded();
  await card.and(page.locator('[aria-busy="false"]')).waitFor();
  return card;
}

/** What waits for a provider's administrator on both deployments, in the order of the cards. */
export const PROVIDER_ADMIN_CARDS = [
  "Maintenances à venir",
  "Délais dépassés",
  "Commandes à traiter",
  "Signatures attendues",
  "Changements à venir",
  "Dernières factures",
];

/** The titles of the home page's cards, in their order. */
export async function homeCardTitles(page: Page): Promise<string[]> {
  await page.getByTestId("home-cards").waitFor();
  return page.getByTestId("home-card").getByRole("heading", { level: 2 }).allInnerTexts();
}

/**
 * Every card loaded, scrolling through them as a person would, without moving the page: the
 * layout shift of the page's content since it opened stays under 0.1, issue 13's target, and
 * every card keeps the one height it had while loading.
 */
export async function expectStableCards(page: Page): Promise<void> {
  const cards = page.getByTestId("home-card");
  const heights = new Set<number>();
  for (const card of await cards.all()) {
    await card.scrollIntoViewIfNeeded();
    await card.and(page.locator('[aria-busy="false"]')).waitFor();
    heights.add(Math.round((await card.boundingBox())?.height ?? 0));
  }
  expect([...heights]).toHaveLength(1);
  const shifts = await layoutShifts(page);
  const total = shifts.filter((shift) => !shift.shell).reduce((sum, shift) => sum + shift.value, 0);
  expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(0.1);
}

/**
 * The layout shifts Chromium recorded since the page opened (the buffered entries, as Lighthouse's
 * CLS counts them: not those right after an input), each with what moved.
 */
function layoutShifts(page: Page): Promise<{ value: number; moved: string[]; shell: boolean }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        type Shift = PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node | null }[];
        };
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          resolve(
            (list.getEntries() as Shift[])
              .filter((entry) => !entry.hadRecentInput)
              .map((entry) => ({
                value: entry.value,
                moved: entry.sources.map(
                  (source) => (source.node as Element | null)?.outerHTML?.slice(0, 120) ?? "?",
                ),
                // The shell (the main area pushed down by the menu that arrives with /api/auth/me) is
                // the front door's, measured by bench/ with Lighthouse: here only the page's content counts.
                shell: entry.sources.every((source) => {
                  const node = source.node as Element | null;
                  return node?.id === "main" || Boolean(node?.closest?.("header"));
                }),
              })),
          );
        });
        observer.observe({ type: "layout-shift", buffered: true });
        // Without any shift the observer is never called: the buffered ones come within a frame or two.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve([]), 100)));
      }),
  );
}

/** A person's home page after signing in, on a phone-sized window (390×844) when asked, with its cards' titles. */
export async function openHome(portal: Portal, person: Person, options: { phone?: boolean } = {}) {
  const page = await portal.visitor();
  if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, person);
  await page.goto("/");
  return { page, titles: await homeCardTitles(page) };
}

/** The cards a role sees, and those it must not. */
export function expectCards(titles: string[], shown: string[], hidden: string[]): void {
  for (const title of shown) expect(titles).toContain(title);
  for (const title of hidden) expect(titles).not.toContain(title);
}
