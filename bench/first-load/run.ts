/**
 * First load of the portal as Lighthouse measures it (issue 13): /connexion and a ticket page,
 * each against a baseline measured in the same run, a blank HTML page from a bare Node server
 * (the machine's floor for the same throttled mobile profile). Needs the portal built first.
 *
 * Run: npm run build && npx tsx bench/first-load/run.ts [runs per page, default 3]
 * Lighthouse (devDependency) drives Debian's Chromium: --chrome-path=/usr/bin/chromium.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { migrateDatabase, openDatabase } from "@guichet/db";
import { buildApp } from "../../apps/server/src/app.js";
import { readConfig } from "../../apps/server/src/config.js";
import { loadContract } from "../../apps/server/src/contract/load-contract.js";
import { bindDeployment } from "../../apps/server/src/runtime/bind-deployment.js";
import { makeNamedContact, openTicketAs } from "../../apps/server/test/helpers/desk.js";
import { createOrganisation, createUser } from "../../apps/server/test/helpers/factories.js";
import { signInAs } from "../../apps/server/test/helpers/session.js";

const runs = Number(process.argv[2] ?? 3);
const run = promisify(execFile);

const database = await openDatabase({ kind: "pglite" });
await migrateDatabase(database);
const contract = loadContract("multicloud-ready");
await bindDeployment(database.db, contract.id);
const app = await buildApp({
  config: readConfig({ GUICHET_CONTRACT: contract.id }),
  contract,
  database,
  clock: () => new Date(),
});
await app.listen({ host: "127.0.0.1", port: 0 });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

// A customer's ticket with a few messages: what a ticket page shows on a working day.
const customer = await createOrganisation(database.db, "customer", [
  { item: "support-premium", from: "2026-01-01" },
]);
const contact = await createUser(database.db, customer.id, ["customer_admin"]);
await makeNamedContact(database.db, customer.id, contact.id);
const session = await signInAs(app, contact, new Date());
const ticket = (await openTicketAs(app, session, { category: "incident", priority: "P2" })).json() as {
  id: string;
};
for (const body of ["Toujours en erreur ce matin.", "Les journaux montrent des 503 depuis 02:14."]) {
  await app.inject({
    method: "POST",
    url: `/api/tickets/${ticket.id}/messages`,
    headers: session.headers,
    payload: { body, visibility: "public" },
  });
}

const blank = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vide</title></head><body><h1>Vide</h1></body></html>',
  );
});
await new Promise<void>((resolve) => blank.listen(0, "127.0.0.1", resolve));
const blankUrl = `http://127.0.0.1:${(blank.address() as AddressInfo).port}/`;

interface Figures {
  performance: number;
  accessibility: number;
  cls: number;
  fcp: number;
  lcp: number;
  tbt: number;
  kib: number;
}

/** One Lighthouse run (mobile, simulated throttling, its defaults), its figures. */
async function lighthouse(url: string, headers?: Record<string, string>): Promise<Figures> {
  const { stdout } = await run(
    "npx",
    [
      "lighthouse",
      url,
      "--chrome-path=/usr/bin/chromium",
      "--chrome-flags=--headless=new --no-sandbox",
      "--only-categories=performance,accessibility",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  // FIRST_LOAD_REPORTS=dir keeps each page's last full report, its diagnostics (bootup-time,
  // critical-request-chains, lcp-breakdown…) for whoever looks for what to make faster.
  if (process.env.FIRST_LOAD_REPORTS) {
    writeFileSync(
      `${process.env.FIRST_LOAD_REPORTS}/${new URL(url).pathname.split("/")[1] || "blank"}.json`,
      stdout,
    );
  }
  const report = JSON.parse(stdout) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue: number; details?: { items?: unknown[] } }>;
  };
  // What moved, when it moved too much: the elements Lighthouse names, for whoever fixes it.
  if ((report.audits["cumulative-layout-shift"]?.numericValue ?? 0) >= 0.1) {
    console.log(url, JSON.stringify(report.audits["layout-shifts"]?.details?.items ?? []).slice(0, 2000));
  }
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
    cls: audit("cumulative-layout-shift"),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    kib: audit("total-byte-weight") / 1024,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
async function measure(url: string, headers?: Record<string, string>): Promise<Figures> {
  const all: Figures[] = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouse(url, headers));
  const of = (key: keyof Figures) => median(all.map((figures) => figures[key]));
  return {
    performance: of("performance"),
    accessibility: of("accessibility"),
    cls: of("cls"),
    fcp: of("fcp"),
    lcp: of("lcp"),
    tbt: of("tbt"),
    kib: of("kib"),
  };
}

try {
  const baseline = await measure(blankUrl);
  const pages = {
    "/connexion": await measure(`${origin}/connexion`),
    "ticket page": await measure(`${origin}/demandes/${ticket.id}`, { Cookie: session.cookie }),
  };
  const row = (name: string, f: Figures) =>
    `${name.padEnd(22)} perf ${String(f.performance).padStart(3)}  a11y ${String(f.accessibility).padStart(3)}  CLS ${f.cls.toFixed(3)}  FCP ${(f.fcp / 1000).toFixed(2)} s  LCP ${(f.lcp / 1000).toFixed(2)} s (${(f.lcp / baseline.lcp).toFixed(2)}x baseline)  TBT ${f.tbt.toFixed(0)} ms  ${f.kib.toFixed(0)} KiB`;
  console.log(`Lighthouse mobile, median of ${runs} runs per page, Debian Chromium`);
  console.log(row("baseline (blank page)", baseline));
  for (const [name, figures] of Object.entries(pages)) console.log(row(name, figures));
} finally {
  blank.close();
  await app.close();
  await database.close();
}
