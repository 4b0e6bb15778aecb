import { randomUUID } from "node:crypto";
import { costDaily, costImports, euroRates } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-11T09:00:00Z");

describe.each(databaseKindsUnderTest(postgresUrl))(
  "invoice simulation of the month (MCR-BIL-04) on %s",
  (kind) => {
    let t: TestApp;
    let admin: TestUser;
    let other: TestUser;
    let customerId: string;
    const simulation = async (user: TestUser, query = "") =>
      t.app.inject({
        method: "GET",
        url: `/api/billing/simulation${query}`,
        headers: (await signInAs(t.app, user, now)).headers,
      });

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      const { db } = t.database;
      const customer = await createOrganisation(db, "customer", [
        { item: "support-business", from: "2026-01-01" },
      ]);
      customerId = customer.id;
      admin = await createUser(db, customer.id, ["customer_admin"]);
      const stranger = await createOrganisation(db, "customer");
      other = await createUser(db, stranger.id, ["customer_admin"]);
      // The daily sums an import leaves once the customer's vendor account matches (matchCostOwners):
      // written here directly, as vendor accounts are not recorded on customers yet (issue 16).
      const importId = randomUUID();
      await db.insert(costImports).values({
        id: importId,
        batchId: randomUUID(),
        fileName: "aws-2026-11.csv",
        fileSha256: "0".repeat(64),
        vendor: "aws",
        vendorName: "AWS",
        billingAccountId: "123456789012",
        billingPeriod: "2026-11",
        parquetPath: "period=2026-11/vendor=aws/account=x/import=y",
        lineCount: 3,
        status: "in_force",
        importedAt: now,
      });
      const day = (
        d: string,
        service: string,
        billed: string,
        currency: string,
        category = "Usage",
        frequency = "Usage-Based",
      ) => ({
        importId,
        organisationId: customerId,
        day: d,
        billingPeriod: "2026-11",
        vendor: "aws",
        billingAccountId: "123456789012",
        subAccountId: "",
        service,
        region: "eu-west-3",
        chargeCategory: category,
        chargeFrequency: frequency,
        currency,
        billedCost: billed,
        listCost: billed,
        effectiveCost: billed,
        lineCount: 1,
      });
      await db.insert(costDaily).values([
        day("2026-11-02", "Amazon EC2", "1084.50", "USD"), // 1000.00 € at 1.0845
        day("2026-11-05", "Amazon S3", "542.25", "USD"), // 500.00 €
        day("2026-11-10", "Amazon EC2", "1000.00", "EUR"),
        day("2026-11-10", "Set-up", "250.00", "EUR", "Purchase", "One-Time"),
        // The vendor's tax is not resold (the invoice applies its own VAT); its credit is shown apart.
        day("2026-11-02", "Amazon EC2", "80.00", "EUR", "Tax", "Usage-Based"),
        day("2026-11-06", "Amazon EC2", "-108.45", "USD", "Credit", "One-Time"), // -100.00 €
      ]);
      // 1 November 2026 is a Sunday: the rate of Friday 30 October.
      await db
        .insert(euroRates)
        .values({ day: "2026-10-30", currency: "USD", unitsPerEuro: "1.0845", importedAt: now });
    });
    afterAll(async () => {
      await t?.close();
    });

    it("shows the month to date per vendor and service, the fee it implies and the run-rate forecast, figures by hand", async () => {
      const response = await simulation(admin);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        month: "2026-11",
        plan: "business",
        lastDay: "2026-11-10",
        daysElapsed: 10,
        daysInMonth: 30,
        monthToDate: "2650.00",
        lines: [
          { vendor: "aws", service: "Amazon EC2", credit: false, billed: "2000.00", forecast: "6000.00" },
          { vendor: "aws", service: "Amazon EC2", credit: true, billed: "-100.00", forecast: "-100.00" },
          { vendor: "aws", service: "Amazon S3", credit: false, billed: "500.00", forecast: "1500.00" },
          { vendor: "aws", service: "Set-up", credit: false, billed: "250.00", forecast: "250.00" },
        ],
        // Basis 2500.00 without the set-up fee or the credit; 10 % = 250.00, above the 199 € minimum.
        fee: { basis: "2500.00", fee: "250.00", percent: "10", minimumApplied: false, clause: "MCR-BIL-02" },
        // Usage 2500 / 10 × 30 = 7500.00, the credit and the set-up fee once: 7650.00; basis 7500.00, fee 750.00.
        forecast: { method: "run-rate", total: "7650.00", fee: { basis: "7500.00", fee: "750.00" } },
        rates: [{ currency: "USD", day: "2026-10-30", unitsPerEuro: "1.0845" }],
      });
      expect(body.fee.explanation).toContain("10\u00a0% de la facture avant remise");
      // The cost explorer sums the same: the vendor's tax left out, the credit in.
      const explorer = await t.app.inject({
        method: "GET",
        url: "/api/billing/cost-explorer?from=2026-11-01&to=2026-11-30&by=vendor",
        headers: (await signInAs(t.app, admin, now)).headers,
      });
      expect(explorer.statusCode, explorer.body).toBe(200);
      expect(explorer.json().rows).toEqual([{ vendor: "aws", amount: "2650.00" }]);
    });

    it("stops without a rate, naming the currency and the day; keeps another customer out", async () => {
      const missing = await simulation(admin, "?month=2026-12");
      expect(missing.statusCode).toBe(200); // December has no cost yet, so no rate is needed
      await t.database.db.update(costDaily).set({ billingPeriod: "2026-12" });
      const refused = await simulation(admin, "?month=2026-12");
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ details: { currency: "USD", day: "2026-12-01" } });
      expect(refused.json().message).toContain("Pas de taux de référence BCE pour USD au 2026-12-01");
      await t.database.db.update(costDaily).set({ billingPeriod: "2026-11" });
      expect((await simulation(other, `?organisationId=${customerId}`)).statusCode).toBe(403);
    });
  },
);
