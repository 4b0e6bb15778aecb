/**
 * Cost of a sign-in and of an authorised request's checks, each against a baseline measured in
 * the same process: argon2id alone for the sign-in, a public route that pings the database for
 * the authorised request. Run: npx tsx bench/accounts/run.ts [pglite|postgresql URL]
 */
import { performance } from "node:perf_hooks";
import { migrateDatabase, openDatabase } from "@guichet/db";
import { buildApp } from "../../apps/server/src/app.js";
import { readConfig } from "../../apps/server/src/config.js";
import { loadContract } from "../../apps/server/src/contract/load-contract.js";
import {
  ARGON2_PARAMETERS,
  hashPassword,
  verifyPassword,
} from "../../apps/server/src/modules/accounts/passwords.js";
import { bindDeployment } from "../../apps/server/src/runtime/bind-deployment.js";
import { createOrganisation, createUser } from "../../apps/server/test/helpers/factories.js";
import { signInAs } from "../../apps/server/test/helpers/session.js";

const target = process.argv[2];
const database = await openDatabase(
  target?.startsWith("postgres") ? { kind: "postgresql", url: target } : { kind: "pglite" },
);
await migrateDatabase(database);
const contract = loadContract("deux-sevres-eservices");
await bindDeployment(database.db, contract.id);
const context = {
  config: readConfig({ GUICHET_CONTRACT: contract.id }),
  contract,
  database,
  clock: () => new Date(),
};
const app = await buildApp(context);
await app.ready();

const customer = await createOrganisation(database.db, "customer");
const admin = await createUser(database.db, customer.id, ["customer_admin"]);

async function timeIt(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(5, n); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const perOp = (performance.now() - start) / n;
  console.log(`${label.padEnd(48)} ${perOp.toFixed(3).padStart(9)} ms/op`);
  return perOp;
}

console.log(
  `database: ${database.kind}; argon2id m=${ARGON2_PARAMETERS.memoryCost} KiB t=${ARGON2_PARAMETERS.timeCost} p=${ARGON2_PARAMETERS.parallelism}`,
);
const hash = await hashPassword(admin.password);
const argon = await timeIt("argon2id verify alone (baseline)", 20, () =>
  verifyPassword(hash, admin.password),
);
const signIn = await timeIt("POST /api/auth/sign-in (whole request)", 20, () =>
  signInAs(app, admin, new Date()),
);
const session = await signInAs(app, admin, new Date());
const health = await timeIt("GET /health (baseline: public, one query)", 300, () =>
  app.inject({ method: "GET", url: "/health" }),
);
const me = await timeIt("GET /api/auth/me (session check only)", 300, () =>
  app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session.cookie } }),
);
const users = await timeIt("GET /api/organisations/:id/users (check + policy + list)", 300, () =>
  app.inject({
    method: "GET",
    url: `/api/organisations/${customer.id}/users`,
    headers: { cookie: session.cookie },
  }),
);
console.log(`\nsign-in / argon2 alone: ${(signIn / argon).toFixed(2)}x`);
console.log(
  `authorised check cost: ${(me - health).toFixed(3)} ms (me / health ${(me / health).toFixed(2)}x); users list / health ${(users / health).toFixed(2)}x`,
);
await app.close();
await database.close();
