import {
  customerDetails,
  orders,
  organisations,
  specificConditions,
  subscriptionPeriods,
  subscriptions,
  terminations,
  users,
  vendorAccounts,
  wholesaleContracts,
} from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { loadContract } from "../contract/load-contract.js";
import { bindDeployment } from "../runtime/bind-deployment.js";
import { SeedError, seedDemoData } from "./seed-demo.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-23T09:00:00Z");

// Creating and loading an embedded database takes tens of seconds on a loaded machine.
describe.each(databaseKindsUnderTest(postgresUrl))("demo data on %s", { timeout: 120_000 }, (kind) => {
  it.each(["multicloud-ready", "deux-sevres-eservices"])(
    "loads %s once, its customers holding catalogue items",
    async (id) => {
      const contract = loadContract(id);
      const database = await createTestDatabase(kind, postgresUrl);
      try {
        await bindDeployment(database.db, contract.id);
        expect(await seedDemoData(database.db, contract, now)).toBe(true);
        expect(await seedDemoData(database.db, contract, now)).toBe(false);
        const customers = await database.db
          .select()
          .from(organisations)
          .where(eq(organisations.kind, "customer"));
        expect(customers.length).toBeGreaterThanOrEqual(3);
        const people = await database.db.select().from(users);
        expect(people.length).toBeGreaterThanOrEqual(5);
        expect(people.every((p) => p.status === "active" && p.passwordHash?.startsWith("$argon2id$"))).toBe(
          true,
        );
        const held = await database.db.select().from(subscriptions);
        // Each subscription starts its history (issue 16), audited.
        const periods = await database.db.select().from(subscriptionPeriods);
        expect(new Set(periods.map((p) => p.subscriptionId))).toEqual(new Set(held.map((s) => s.id)));
        const items = new Set(contract.catalogue.items.map((item) => item.id));
        expect(held.every((s) => items.has(s.catalogueItemId))).toBe(true);
        // Every demo customer has checked billing details; specific conditions, made up, say so (issue 16).
        expect((await database.db.select().from(customerDetails)).length).toBe(customers.length);
        const conditions = await database.db.select().from(specificConditions);
        expect(conditions.every((c) => c.demo && c.documentTitle.includes("démonstration"))).toBe(true);
        if (id === "deux-sevres-eservices") expect(conditions.length).toBeGreaterThanOrEqual(6);
        if (id === "multicloud-ready") {
          // Customers on different support plans (MCR-SUP-01).
          const plans = new Set(
            held.map((s) => s.catalogueItemId).filter((item) => item.startsWith("support-")),
          );
          expect(plans).toEqual(
            new Set(["support-basic", "support-standard", "support-business", "support-premium"]),
          );
        }
        // Customers in each state of the life cycle (issue 16): an order waiting, a change to come
        // (MCR), a termination recorded, and vendor accounts or wholesale contracts behind the rest.
        const placed = await database.db.select().from(orders);
        expect(placed.map((o) => o.status)).toEqual([
          id === "multicloud-ready" ? "submitted" : "awaiting_signature",
        ]);
        expect((await database.db.select().from(terminations)).length).toBe(1);
        const changes = await database.db
          .select()
          .from(subscriptionPeriods)
          .where(eq(subscriptionPeriods.cause, "plan-change"));
        expect(changes.length).toBe(id === "multicloud-ready" ? 1 : 0);
        const backing =
          id === "multicloud-ready"
            ? await database.db.select().from(vendorAccounts)
            : await database.db.select().from(wholesaleContracts);
        expect(backing.length).toBeGreaterThanOrEqual(3);
      } finally {
        await database.close();
      }
    },
  );

  it("refuses demo data naming an item the contract does not sell, and writes nothing", async () => {
    const contract = loadContract("multicloud-ready");
    const shrunk = {
      ...contract,
      catalogue: { ...contract.catalogue, items: contract.catalogue.items.filter((i) => i.id !== "gcp") },
    };
    const database = await createTestDatabase(kind, postgresUrl);
    try {
      await bindDeployment(database.db, contract.id);
      await expect(seedDemoData(database.db, shrunk, now)).rejects.toThrow(SeedError);
      expect(await database.db.select().from(organisations)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
