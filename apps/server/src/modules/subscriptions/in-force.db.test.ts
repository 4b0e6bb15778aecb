import { organisations, runInTenant, scopedDatabase, subscriptionPeriods } from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { describe, expect, inject, it } from "vitest";
import { loadContract } from "../../contract/load-contract.js";
import { bindDeployment } from "../../runtime/bind-deployment.js";
import { systemActor } from "../audit/record-audit.js";
import { supportOf } from "../organisations/support-plan-of.js";
import { historyOf, subscriptionsInForce } from "./in-force.js";
import { startSubscription } from "./start-subscription.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-03-01T09:00:00Z");
const contract = loadContract("multicloud-ready");
const actor = systemActor("test");

/** The database's own message for a refused statement (drizzle wraps it), or "accepted". */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  const error = await Promise.resolve(statement).then(
    () => undefined,
    (e: Error & { cause?: Error }) => e,
  );
  return (error?.cause ?? error)?.message ?? "accepted";
}

describe.each(databaseKindsUnderTest(postgresUrl))(
  "subscriptions in time on %s (issue 16)",
  { timeout: 120_000 },
  (kind) => {
    it("answers what was in force on a date from an append-only history, isolated per tenant", async () => {
      const database = await createTestDatabase(kind, postgresUrl);
      try {
        const { db } = database;
        await bindDeployment(db, contract.id);
        const [a, b] = await db
          .insert(organisations)
          .values([
            { kind: "customer", slug: "a", name: "A" },
            { kind: "customer", slug: "b", name: "B" },
          ])
          .returning({ id: organisations.id });
        const orgA = (a as { id: string }).id;
        const orgB = (b as { id: string }).id;
        const started = await db.transaction((tx) =>
          startSubscription(
            tx,
            contract,
            actor,
            {
              organisationId: orgA,
              catalogueItemId: "support-standard",
              startsOn: "2026-03-01",
              tenancy: "single",
              clause: "MCR-ACC-01",
            },
            now,
          ),
        );
        // MCR-SUP-02: a paid plan commits for 6 months from its effective date.
        expect(started).toEqual({
          ok: true,
          subscriptionId: expect.any(String),
          commitmentEnd: "2026-09-01",
        });
        if (!started.ok) return;
        // A second support plan is a plan change, not a new subscription.
        expect(
          await startSubscription(
            db,
            contract,
            actor,
            {
              organisationId: orgA,
              catalogueItemId: "support-premium",
              startsOn: "2026-04-01",
              clause: "MCR-ACC-01",
            },
            now,
          ),
        ).toEqual({ ok: false, reason: "support_plan_held" });

        // An upgrade to come on 1 June, appended (never an UPDATE).
        await db.insert(subscriptionPeriods).values({
          subscriptionId: started.subscriptionId,
          organisationId: orgA,
          effectiveFrom: "2026-06-01",
          plan: "premium",
          tenancy: "multi",
          commitmentEnd: "2026-12-01",
          status: "active",
          cause: "plan-change",
          clause: "MCR-SUP-02",
        });
        expect(await supportOf(db, contract, orgA, "2026-02-28")).toEqual({
          plan: "basic",
          tenancy: "single",
        });
        expect(await supportOf(db, contract, orgA, "2026-05-31")).toEqual({
          plan: "standard",
          tenancy: "single",
        });
        expect(await supportOf(db, contract, orgA, "2026-06-01")).toEqual({
          plan: "premium",
          tenancy: "multi",
        });
        expect(
          (await historyOf(db, contract, started.subscriptionId)).map((p) => [p.effectiveFrom, p.plan]),
        ).toEqual([
          ["2026-03-01", "standard"],
          ["2026-06-01", "premium"],
        ]);

        // The past cannot be rewritten, by any role.
        expect(await refusal(db.update(subscriptionPeriods).set({ plan: "basic" }))).toMatch(/append-only/);
        expect(await refusal(db.delete(subscriptionPeriods))).toMatch(/append-only/);

        // Row-level security: another customer sees nothing of it, and cannot append to it.
        const scoped = scopedDatabase(database);
        const seen = await runInTenant(database, orgB, () =>
          subscriptionsInForce(scoped.db, contract, orgA, "2026-06-01"),
        );
        expect(seen).toEqual([]);
        expect(
          await refusal(
            runInTenant(database, orgB, () =>
              scoped.db.insert(subscriptionPeriods).values({
                subscriptionId: started.subscriptionId,
                organisationId: orgA,
                effectiveFrom: "2026-07-01",
                status: "terminated",
                cause: "terminated",
                clause: "MCR-ORD-02",
              }),
            ),
          ),
        ).toMatch(/row-level security/);
      } finally {
        await database.close();
      }
    });
  },
);
