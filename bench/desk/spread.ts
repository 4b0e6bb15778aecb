import type { Db } from "@guichet/db";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { makeNamedContact } from "../../apps/server/test/helpers/desk.js";
import { createOrganisation, createUser } from "../../apps/server/test/helpers/factories.js";
import { type SignedIn, signInAs } from "../../apps/server/test/helpers/session.js";
import { fixed, median, table } from "./instruments.js";
import type { LoadResult, LoadScenario } from "./load.js";

/** Customers the spread load comes from, one named contact each at one connection each. */
export const SPREAD_CUSTOMERS = 10;

/** Premium customers of their own, each with one named contact signed in: the spread load's people. */
export async function signInSpreadCustomers(db: Db, app: FastifyInstance, now: Date): Promise<SignedIn[]> {
  const sessions: SignedIn[] = [];
  for (let i = 0; i < SPREAD_CUSTOMERS; i++) {
    const organisation = await createOrganisation(db, "customer", [
      { item: "support-premium", from: "2026-01-01" },
    ]);
    const user = await createUser(db, organisation.id, ["named_contact"]);
    await makeNamedContact(db, organisation.id, user.id);
    sessions.push(await signInAs(app, user, now));
  }
  return sessions;
}

/** What pg_locks shows of the connections waiting, sampled during a load. */
export interface LockSamples {
  samples: number;
  /** Per sample, on average: connections of the benchmark's database waiting for a lock, by lock. */
  auditChain: number;
  numbering: number;
  /** Any other lock (rows, transactions). */
  other: number;
  /** Connections running a statement. */
  active: number;
}

/** The first keys of the audit chain's and the numbering's advisory locks (record-audit.ts, write-opened.ts). */
const AUDIT_CHAIN_LOCK = 7_260_001;
const NUMBERING_LOCK = 7_260_002;

/**
 * Samples pg_locks every 20 ms until stopped: how many connections wait, and on which lock (the
 * benchmark's cluster serves only its database). The two-key advisory locks show their first key as `classid` (objsubid 2).
 */
export function sampleLocks(url: string): { stop(): Promise<LockSamples> } {
  const client = new pg.Client({ connectionString: url });
  const totals = { samples: 0, auditChain: 0, numbering: 0, other: 0, active: 0 };
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{
        audit: number;
        numbering: number;
        other: number;
        active: number;
      }>(
        `select count(*) filter (where l.locktype = 'advisory' and l.objsubid = 2 and l.classid = $1)::int as audit,
            count(*) filter (where l.locktype = 'advisory' and l.objsubid = 2 and l.classid = $2)::int as numbering,
            count(*) filter (where not (l.locktype = 'advisory' and l.objsubid = 2 and l.classid in ($1, $2)))::int as other,
            (select count(*) from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid())::int as active
          from pg_locks l where not l.granted`,
        [AUDIT_CHAIN_LOCK, NUMBERING_LOCK],
      );
      const row = rows[0];
      if (row) {
        totals.samples++;
        totals.auditChain += row.audit;
        totals.numbering += row.numbering;
        totals.other += row.other;
        totals.active += row.active;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      const per = (n: number) => (totals.samples ? n / totals.samples : 0);
      return {
        samples: totals.samples,
        auditChain: per(totals.auditChain),
        numbering: per(totals.numbering),
        other: per(totals.other),
        active: per(totals.active),
      };
    },
  };
}

export interface SpreadRound {
  one: LoadResult;
  spread: LoadResult;
  oneLocks: LockSamples;
  spreadLocks: LockSamples;
}

/**
 * Creation by 10 connections from one customer, then by 10 connections spread over 10 customers,
 * in turns, pg_locks sampled during each: with one audit chain per organisation, the spread load
 * must not be slower.
 */
export async function compareSpread(
  run: (scenario: LoadScenario) => Promise<LoadResult>,
  settle: () => Promise<void>,
  scenario: Omit<LoadScenario, "seconds" | "people" | "headers">,
  people: { one: Record<string, string>; spread: Record<string, string>[] },
  databaseUrl: string,
  rounds: number,
  seconds: number,
): Promise<SpreadRound[]> {
  const once = async (who: Record<string, string>[]) => {
    const sampler = sampleLocks(databaseUrl);
    const result = await run({ ...scenario, headers: {}, people: who, seconds });
    const locks = await sampler.stop();
    await settle();
    return { result, locks };
  };
  const results: SpreadRound[] = [];
  for (let round = 0; round < rounds; round++) {
    const one = await once(Array.from({ length: people.spread.length }, () => people.one));
    const spread = await once(people.spread);
    results.push({ one: one.result, spread: spread.result, oneLocks: one.locks, spreadLocks: spread.locks });
  }
  return results;
}

export function printSpread(rounds: SpreadRound[]): void {
  const mean = (pick: (round: SpreadRound) => number) =>
    rounds.reduce((t, r) => t + pick(r), 0) / rounds.length;
  console.log(
    `\ncreation at 10 connections: one customer vs ${SPREAD_CUSTOMERS} customers, ${rounds.length} rounds in turn`,
  );
  const row = (
    label: string,
    load: (r: SpreadRound) => LoadResult,
    locks: (r: SpreadRound) => LockSamples,
  ) => [
    label,
    fixed(mean((r) => load(r).perSecond)),
    fixed(mean((r) => load(r).p99)),
    String(rounds.reduce((t, r) => t + load(r).non2xx + load(r).errors, 0)),
    fixed(
      mean((r) => locks(r).auditChain),
      2,
    ),
    fixed(
      mean((r) => locks(r).numbering),
      2,
    ),
    fixed(
      mean((r) => locks(r).other),
      2,
    ),
    fixed(
      mean((r) => locks(r).active),
      2,
    ),
  ];
  table(
    ["", "req/s", "p99 ms", "non-2xx", "wait audit lock", "wait numbering", "wait other", "active"],
    [
      row(
        "one customer (10 connections)",
        (r) => r.one,
        (r) => r.oneLocks,
      ),
      row(
        `${SPREAD_CUSTOMERS} customers (1 connection each)`,
        (r) => r.spread,
        (r) => r.spreadLocks,
      ),
    ],
  );
  const ratios = rounds.map((r) => r.spread.perSecond / r.one.perSecond);
  console.log(
    `pg_locks: connections waiting, on average over ${rounds.reduce((t, r) => t + r.spreadLocks.samples, 0)} samples of the spread load` +
      `\nspread / one customer by round: ${ratios.map((r) => fixed(r, 2)).join(", ")}` +
      `\nspread / one customer, median of the rounds: ${fixed(median(ratios), 2)}x (target: not slower, within 5 % of noise): ${median(ratios) >= 0.95 ? "MET" : "MISSED"}`,
  );
}
