import type { DatabaseKind } from "@guichet/db";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newVisitor } from "./browser.js";
import {
  type ContractId,
  type RunningServer,
  type Seed,
  type ServerOptions,
  startSeededServer,
  startServer,
} from "./server.js";

/** A test file's server and browser; each visitor is a separate person at the keyboard. */
export interface Portal {
  server: RunningServer;
  browser: Browser;
  /** A new page in a context of its own (cookies, storage), closed by stop(). */
  visitor(): Promise<Page>;
  stop(): Promise<void>;
}

export interface PortalOptions extends ServerOptions {
  /** Prepares each visitor's context before its first page (e.g. to follow a controllable clock). */
  prepareVisitor?: (context: BrowserContext) => Promise<void>;
}

export async function startPortal(
  postgresUrl: string,
  contract: ContractId,
  options: PortalOptions = {},
): Promise<Portal> {
  const [server, browser] = await Promise.all([
    startServer(postgresUrl, contract, { env: options.env }),
    launchBrowser(),
  ]);
  return { server, ...withVisitors(server, browser, options) };
}

/** A portal on either database, its people seeded before it opens (startSeededServer). */
export interface SeededPortal<T> extends Omit<Portal, "server"> {
  seeded: T;
}

export async function startSeededPortal<T>(
  kind: DatabaseKind,
  postgresUrl: string,
  contract: ContractId,
  seed: Seed<T>,
  options: PortalOptions = {},
): Promise<SeededPortal<T>> {
  const [server, browser] = await Promise.all([
    startSeededServer(kind, postgresUrl, contract, seed, { env: options.env }),
    launchBrowser(),
  ]);
  return { seeded: server.seeded, ...withVisitors(server, browser, options) };
}

function withVisitors(
  server: { url: string; stop(): Promise<void> },
  browser: Browser,
  options: PortalOptions,
): Omit<Portal, "server"> {
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async visitor() {
      const context = await newVisitor(browser, server.url);
      contexts.push(context);
      await options.prepareVisitor?.(context);
      return context.newPage();
    },
    async stop() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.stop();
    },
  };
}
