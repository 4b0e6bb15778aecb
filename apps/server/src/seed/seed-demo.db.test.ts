import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  auditLog,
  budgetAlerts,
  customerDetails,
  invoices,
  maintenanceWindows,
  newsItems,
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
import type { InvoiceDocument } from "@guichet/domain";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readConfig } from "../config.js";
import { loadContract } from "../contract/load-contract.js";
import { verifyAuditTrail } from "../modules/audit/verify-audit.js";
import { listUnmatchedAccounts } from "../modules/billing/list-unmatched-accounts.js";
import { listTickets } from "../modules/desk/read-tickets.js";
import { schematronFailures, xsdErrors } from "../modules/invoices/validate-cii.test-helper.js";
import { bindDeployment } from "../runtime/bind-deployment.js";
import { SeedError, seedDemoData } from "./seed-demo.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-23T09:00:00Z");
// The demo's cost files are kept under the data directory, as an import keeps them.
const dataDir = mkdtempSync(join(tmpdir(), "guichet-seed-demo-"));
const config = readConfig({ GUICHET_DATA_DIR: dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Creating and loading an embedded database takes tens of seconds on a loaded machine.
describe.each(databaseKindsUnderTest(postgresUrl))("demo data on %s", { timeout: 120_000 }, (kind) => {
  it.each(["multicloud-ready", "deux-sevres-eservices"])(
    "loads %s once, its customers holding catalogue items",
    async (id) => {
      const contract = loadContract(id);
      const database = await createTestDatabase(kind, postgresUrl);
      try {
        await bindDeployment(database.db, contract.id);
        expect(await seedDemoData(database.db, contract, now, config)).toBe(true);
        expect(await seedDemoData(database.db, contract, now, config)).toBe(false);
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

        // Activity a newcomer sees (issue 13), made by the product's use cases: requests in each
        // state the contract's workflow reaches (where the resolution report closes a ticket,
        // DSN-SUP-05, none stays resolved), SLA clocks computed at `now` by the engine (MCR-SUP-06).
        const { items: tickets } = await listTickets(
          database.db,
          contract,
          { limit: 100, offset: 0, order: "recent" },
          now,
        );
        const reachable = Object.keys(contract.ticketWorkflow.statuses).filter(
          (status) => status !== "resolved" || contract.ticketWorkflow.closing.mode !== "on-resolution",
        );
        expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(reachable));
        const states = tickets.flatMap((t) =>
          t.sla.filter((c) => c.metric === "initialResponse").map((c) => c.state),
        );
        const targets = Object.values(contract.supportPlans).flatMap((plan) =>
          Object.values(plan.sla.initialResponse?.targets ?? {}).map((t) => t.target.kind),
        );
        if (targets.some((kind) => kind !== "none")) {
          expect(states).toContain("breached");
          expect(states.some((state) => state === "running" || state === "met")).toBe(true);
        } else {
          // DSN-SUP-06: the text gives no response time, so no clock can be breached or met.
          expect(new Set(states)).toEqual(new Set(["none"]));
        }
        // Each opening is audited as the person who made it, not as the seed.
        const opened = await database.db.select().from(auditLog).where(eq(auditLog.action, "ticket.opened"));
        expect(opened.length).toBeGreaterThan(0);
        expect(opened.every((entry) => entry.actorUserId && entry.actorLabel.includes(".demo>"))).toBe(true);
        expect(await verifyAuditTrail(database.db)).toMatchObject({ intact: true });
        // Maintenance held and to come where the contract provides for it (DSN-SUP-07), and news.
        const windows = await database.db.select().from(maintenanceWindows);
        if (contract.ticketWorkflow.maintenance) {
          expect(windows.some((w) => w.endsAt < now) && windows.some((w) => w.startsAt > now)).toBe(true);
        } else expect(windows).toEqual([]);
        expect((await database.db.select().from(newsItems)).length).toBeGreaterThan(0);

        // Billing a newcomer finds (issue 17): last month's invoices, issued by the product's run.
        const slugOf = new Map(customers.map((c) => [c.id, c.slug]));
        const issued = await database.db.select().from(invoices);
        expect(issued.every((i) => i.kind === "invoice" && i.period === "2026-10")).toBe(true);
        // Every invoice the demo issues passes the official EN 16931 artefacts, as the tests' do.
        for (const invoice of issued) {
          expect(await xsdErrors(invoice.ciiXml)).toEqual([]);
          expect(await schematronFailures(invoice.ciiXml)).toEqual([]);
        }
        const documentOf = (slug: string) =>
          issued.find((i) => slugOf.get(i.organisationId) === slug)?.document as InvoiceDocument | undefined;
        if (id === "multicloud-ready") {
          // The cloud lines of the demo's FOCUS files, and the support fee of each plan (MCR-BIL-02):
          // Business above its minimum, Standard's 7.5 % below 69 €, so the minimum applies.
          const fee = (slug: string) => documentOf(slug)?.lines.find((l) => l.kind === "support-fee");
          expect(
            documentOf("biolab-nantes")?.lines.some(
              (l) => l.kind === "cloud" && l.vendorName === "Google Cloud",
            ),
          ).toBe(true);
          expect(fee("biolab-nantes")).toMatchObject({ plan: "business", minimumApplied: false });
          // The AWS credit Banque Ducasse was allocated is on a line of its own (MCR-BIL-03), and
          // the invoice carrying it passes the Schematron above.
          expect(documentOf("banque-ducasse")?.lines).toContainEqual(
            expect.objectContaining({
              kind: "cloud",
              service: "AWS Credits",
              vendorCredit: { clause: "MCR-BIL-03" },
            }),
          );
          expect(fee("transports-garnier")).toMatchObject({
            plan: "standard",
            minimumApplied: true,
            amountCents: "6900",
          });
          // The reseller's account that no order recorded is listed for staff, billed to no one.
          expect((await listUnmatchedAccounts(database.db)).map((a) => a.subAccountId)).toEqual([
            "demo-compte-non-rattache",
          ]);
          // BioLab's budget: this month's forecast reaches 80 % of it, and the alert went out once.
          const alerts = await database.db.select().from(budgetAlerts);
          expect(
            alerts.filter((a) => a.basis === "forecast" && a.month === "2026-11").map((a) => a.threshold),
          ).toContain(80);
          expect(alerts.some((a) => a.basis === "actual" && a.threshold === 100)).toBe(false);
        } else {
          // Each operator's e-services from their specific conditions' prices (DSN-ORD-03).
          const lines = documentOf("fibre-poitou")?.lines ?? [];
          expect(lines.length).toBeGreaterThan(0);
          expect(lines.every((l) => l.kind === "subscription")).toBe(true);
        }
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
