import { randomUUID } from "node:crypto";
import { auditLog, costDaily, costImports, customerDetails, euroRates } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { requestAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-02T09:00:00Z");

describe.each(databaseKindsUnderTest(postgresUrl))(
  "invoices by API on %s (MCR-BIL-01, MCR-BIL-02, MCR-BIL-04)",
  (kind) => {
    let t: TestApp;
    let staff: TestUser;
    let admin: TestUser;
    let stranger: TestUser;
    let customerId: string;
    const call = (user: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
      requestAs(t.app, now)(user, method, url, payload);

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      const { db } = t.database;
      const provider = await createOrganisation(db, "provider");
      staff = await createUser(db, provider.id, ["billing"], { totp: true });
      const customer = await createOrganisation(db, "customer", [
        { item: "support-business", from: "2026-01-01" },
      ]);
      customerId = customer.id;
      admin = await createUser(db, customer.id, ["customer_admin"]);
      stranger = await createUser(db, (await createOrganisation(db, "customer")).id, ["customer_admin"]);
      await db.insert(customerDetails).values({
        organisationId: customerId,
        siren: "552100554",
        vatNumber: "FR66552100554",
        billingAddress: "4 route de Vannes",
        billingPostalCode: "44800",
        billingCity: "Saint-Herblain",
        billingEmail: "factures@garnier.demo",
      });
      const importId = randomUUID();
      await db.insert(costImports).values({
        id: importId,
        batchId: randomUUID(),
        fileName: "aws-2026-10.csv",
        fileSha256: "1".repeat(64),
        vendor: "aws",
        vendorName: "AWS",
        billingAccountId: "123456789012",
        billingPeriod: "2026-10",
        parquetPath: "period=2026-10/vendor=aws/account=x/import=y",
        lineCount: 1,
        status: "in_force",
        importedAt: now,
      });
      await db.insert(costDaily).values({
        importId,
        organisationId: customerId,
        day: "2026-10-03",
        billingPeriod: "2026-10",
        vendor: "aws",
        billingAccountId: "123456789012",
        service: "Amazon EC2",
        chargeCategory: "Usage",
        chargeFrequency: "Usage-Based",
        currency: "USD",
        billedCost: "3253.50",
        listCost: "3253.50",
        effectiveCost: "3253.50",
        lineCount: 1,
      });
    });
    afterAll(async () => t?.close());

    it("a missing rate answers 409 naming the currency and the day; a customer may not run invoices", async () => {
      expect((await call(admin, "POST", "/api/billing/invoice-runs", { month: "2026-10" })).statusCode).toBe(
        403,
      );
      const refused = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-10" });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ details: { currency: "USD", day: "2026-10-01" } });
      expect(refused.json().message).toContain("USD");
      const early = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-11" });
      expect(early.statusCode).toBe(409);
      expect((await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-13" })).statusCode).toBe(
        400,
      );
    });

    it("staff run the month; the customer lists its invoice, reads its lines, downloads PDF and XML (audited)", async () => {
      await t.database.db
        .insert(euroRates)
        .values({ day: "2026-10-01", currency: "USD", unitsPerEuro: "1.0845", importedAt: now });
      const run = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-10" });
      expect(run.statusCode, run.body).toBe(201);
      // 3253.50 USD / 1.0845 = 3000.00 €; Business 10 % = 300.00 €; VAT 20 % of 3300.00 = 660.00 €.
      expect(run.json().issued).toEqual([
        expect.objectContaining({
          organisationId: customerId,
          number: "2026-000001",
          totalInclVat: "3960.00",
        }),
      ]);
      const list = await call(admin, "GET", "/api/invoices");
      expect(list.json().items).toEqual([
        expect.objectContaining({
          number: "2026-000001",
          totalExclVat: "3300.00",
          vat: "660.00",
          kind: "invoice",
        }),
      ]);
      const id = list.json().items[0].id;
      const detail = await call(admin, "GET", `/api/invoices/${id}`);
      expect(detail.json().lines).toEqual([
        expect.objectContaining({ name: "AWS — Amazon EC2", amount: "3000.00" }),
        expect.objectContaining({ name: "Support Business", amount: "300.00" }),
      ]);
      expect(detail.json().lines[0].detail).toContain("3\u202f253,50\u00a0USD au taux BCE du 01/10/2026");
      // What the portal shows of it online: the VAT breakdown and the mentions, in the reader's words.
      expect(detail.json().vatBreakdown).toEqual([{ ratePercent: "20.00", basis: "3300.00", vat: "660.00" }]);
      expect(detail.json().mentions).toMatchObject({
        vat: null,
        terms: "Paiement à 30 jours de la date de facture.",
        indemnity: expect.stringContaining("40,00\u00a0€"),
      });
      const pdf = await call(admin, "GET", `/api/invoices/${id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      const xml = await call(admin, "GET", `/api/invoices/${id}/xml`);
      expect(xml.body).toContain("<ram:ID>2026-000001</ram:ID>");
      const downloads = await t.database.db
        .select({ data: auditLog.data })
        .from(auditLog)
        .where(eq(auditLog.action, "billing.invoice_downloaded"));
      expect(downloads.map((d) => (d.data as { format: string }).format).sort()).toEqual(["pdf", "xml"]);
      expect((await call(stranger, "GET", `/api/invoices/${id}`)).statusCode).toBe(404);
      expect((await call(stranger, "GET", `/api/invoices/${id}/pdf`)).statusCode).toBe(404);
    }, 120_000);

    it("a second run issues nothing twice; a credit note corrects the invoice, next number", async () => {
      const again = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-10" });
      expect(again.json().issued).toEqual([]);
      const [invoice] = (await call(admin, "GET", "/api/invoices")).json().items;
      expect(
        (
          await call(admin, "POST", `/api/invoices/${invoice.id}/credit-notes`, {
            reason: "Geste commercial",
          })
        ).statusCode,
      ).toBe(403);
      const tooMuch = await call(staff, "POST", `/api/invoices/${invoice.id}/credit-notes`, {
        reason: "Geste commercial",
        amount: "5000.00",
      });
      expect(tooMuch.statusCode).toBe(400);
      const note = await call(staff, "POST", `/api/invoices/${invoice.id}/credit-notes`, {
        reason: "Geste commercial",
        amount: "100.00",
      });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json()).toMatchObject({
        kind: "credit_note",
        number: "2026-000002",
        totalInclVat: "120.00",
        correctsInvoiceId: invoice.id,
      });
      expect(
        (await call(admin, "GET", "/api/invoices")).json().items.map((i: { number: string }) => i.number),
      ).toEqual(["2026-000002", "2026-000001"]);
    }, 120_000);
  },
);
