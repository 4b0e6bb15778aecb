import { randomUUID } from "node:crypto";
import { costDaily, costImports, customerDetails, euroRates, outbox } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { schematronFailures, xsdErrors } from "../src/modules/invoices/validate-cii.test-helper.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { requestAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { swissFrancContract } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-11T09:00:00Z");

/**
 * Issue 17, nothing assumes EUR: MultiCloud Ready's terms billed in Swiss francs. The simulation
 * (MCR-BIL-04), the cost explorer, a budget and its alert mail, and the month's invoice
 * (MCR-BIL-01, MCR-BIL-02) all compute and write CHF, converted through the euro at the ECB's
 * rates; no "€" anywhere but the ECB rate itself (units per euro) and the legal 40 € indemnity.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("a contract billed in CHF on %s (issue 17)", (kind) => {
  let t: TestApp;
  let admin: TestUser;
  let staff: TestUser;
  let customerId: string;
  const call = (user: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
    requestAs(t.app, now)(user, method, url, payload);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, swissFrancContract(), { clock: () => now });
    const { db } = t.database;
    staff = await createUser(db, (await createOrganisation(db, "provider")).id, ["billing"], { totp: true });
    const customer = await createOrganisation(db, "customer", [
      { item: "support-business", from: "2026-01-01" },
    ]);
    customerId = customer.id;
    admin = await createUser(db, customer.id, ["customer_admin"]);
    await db.insert(customerDetails).values({
      organisationId: customerId,
      siren: "552100554",
      vatNumber: "FR66552100554",
      billingAddress: "4 route de Vannes",
      billingPostalCode: "44800",
      billingCity: "Saint-Herblain",
      billingEmail: "factures@garnier.demo",
    });
    for (const month of ["2026-10", "2026-11"]) {
      const importId = randomUUID();
      await db.insert(costImports).values({
        id: importId,
        batchId: randomUUID(),
        fileName: `aws-${month}.csv`,
        fileSha256: month === "2026-10" ? "a".repeat(64) : "b".repeat(64),
        vendor: "aws",
        vendorName: "AWS",
        billingAccountId: "123456789012",
        billingPeriod: month,
        parquetPath: `period=${month}/vendor=aws/account=x/import=y`,
        lineCount: 2,
        status: "in_force",
        importedAt: now,
      });
      const line = (day: string, service: string, billed: string, currency: string) => ({
        importId,
        organisationId: customerId,
        day,
        billingPeriod: month,
        vendor: "aws",
        billingAccountId: "123456789012",
        subAccountId: "",
        service,
        region: "eu-central-2",
        chargeCategory: "Usage",
        chargeFrequency: "Usage-Based",
        currency,
        billedCost: billed,
        listCost: billed,
        effectiveCost: billed,
        lineCount: 1,
      });
      await db
        .insert(costDaily)
        .values([
          line(`${month}-02`, "Amazon EC2", "1084.50", "USD"),
          line(`${month}-05`, "Amazon S3", "500.00", "EUR"),
        ]);
    }
    // 1084.50 USD / 1.0845 = 1000.00 €, × 0.9400 = 940.00 CHF; 500.00 € × 0.9400 = 470.00 CHF.
    for (const day of ["2026-10-01", "2026-10-30"])
      await db.insert(euroRates).values([
        { day, currency: "USD", unitsPerEuro: "1.0845", importedAt: now },
        { day, currency: "CHF", unitsPerEuro: "0.9400", importedAt: now },
      ]);
  });
  afterAll(async () => t?.close());

  it("the simulation and the cost explorer answer in CHF, converted through the euro", async () => {
    const simulation = await call(admin, "GET", "/api/billing/simulation");
    expect(simulation.statusCode, simulation.body).toBe(200);
    const s = simulation.json();
    // 1410.00 CHF month to date; Business 10 % = 141.00, below its 199 CHF minimum.
    expect(s).toMatchObject({
      currency: "CHF",
      monthToDate: "1410.00",
      lines: [
        { service: "Amazon EC2", billed: "940.00" },
        { service: "Amazon S3", billed: "470.00" },
      ],
      fee: { basis: "1410.00", fee: "199.00", minimumApplied: true },
    });
    expect(s.fee.explanation).toContain("199,00\u00a0CHF");
    expect(s.fee.explanation).not.toContain("€");
    const explorer = await call(
      admin,
      "GET",
      "/api/billing/cost-explorer?from=2026-11-01&to=2026-11-30&by=service",
    );
    expect(explorer.statusCode, explorer.body).toBe(200);
    expect(explorer.json()).toMatchObject({
      currency: "CHF",
      rows: [
        { service: "Amazon EC2", amount: "940.00" },
        { service: "Amazon S3", amount: "470.00" },
      ],
    });
  });

  it("a budget is in CHF and its alert mail says CHF", async () => {
    const saved = await call(admin, "POST", "/api/budgets", {
      vendor: null,
      amount: "1000",
      thresholds: [100],
      recipientUserIds: [admin.id],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await call(admin, "GET", "/api/budgets")).json()).toMatchObject({
      currency: "CHF",
      items: [{ amount: "1000.00", actual: "1410.00" }],
    });
    const [mail] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.organisationId, customerId), like(outbox.kind, "budget_alert_actual")));
    expect(mail?.textBody).toContain("1\u202f410,00\u00a0CHF");
    expect(mail?.textBody).toContain("1\u202f000,00\u00a0CHF");
    expect(mail?.textBody).not.toContain("€");
  });

  it("the month's invoice is in CHF, shows the rates it used and passes the EN 16931 artefacts", async () => {
    const run = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-10" });
    expect(run.statusCode, run.body).toBe(201);
    // 1410.00 + 199.00 minimum = 1609.00 CHF; VAT 20 % = 321.80.
    expect(run.json().issued).toEqual([expect.objectContaining({ totalInclVat: "1930.80" })]);
    const [invoice] = (await call(admin, "GET", "/api/invoices")).json().items;
    expect(invoice).toMatchObject({ currency: "CHF", totalExclVat: "1609.00" });
    const detail = (await call(admin, "GET", `/api/invoices/${invoice.id}`)).json();
    expect(detail.lines.find((l: { name: string }) => l.name === "Support Business").detail).toContain(
      "minimum 199,00\u00a0CHF/mois (appliqué)",
    );
    const xml = (await call(admin, "GET", `/api/invoices/${invoice.id}/xml`)).body;
    expect(xml).toContain("<ram:InvoiceCurrencyCode>CHF</ram:InvoiceCurrencyCode>");
    expect(await xsdErrors(xml)).toEqual([]);
    expect(await schematronFailures(xml)).toEqual([]);
  }, 180_000);
});
