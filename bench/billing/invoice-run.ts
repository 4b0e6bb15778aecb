/**
 * `npm run bench:billing -- --invoices [CUSTOMERS]`: the month's invoice run (MCR-BIL-01, MCR-BIL-02)
 * for 1,000 customers by default, each with a month of daily AWS costs in USD on three services and
 * a support plan (Basic, Standard, Business, Premium in turn), on an embedded PGlite. Reported:
 * invoices per second, the share of the run spent rendering PDFs, and the run against its baseline in
 * the same process and database: composing the same invoices (every read, the rates, the domain's
 * arithmetic) without issuing them, so the ratio is what numbering, the XML, the PDF/A-3 and the
 * writes cost on top.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  costDaily,
  costImports,
  customerDetails,
  euroRates,
  migrateDatabase,
  openDatabase,
  organisations,
  subscriptions,
} from "@guichet/db";
import { loadContract } from "../../apps/server/src/contract/load-contract.js";
import { systemActor } from "../../apps/server/src/modules/audit/record-audit.js";
import { composeCustomerInvoice } from "../../apps/server/src/modules/invoices/compose-customer-invoice.js";
import { runInvoices } from "../../apps/server/src/modules/invoices/run-invoices.js";

const PLANS = ["support-basic", "support-standard", "support-business", "support-premium"];
const SERVICES = ["Amazon EC2", "Amazon S3", "Amazon RDS"];

export async function benchInvoiceRun(customers: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "guichet-bench-invoices-"));
  const contract = loadContract("multicloud-ready");
  const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
  try {
    await migrateDatabase(database);
    const db = database.db;
    const now = new Date();
    const importId = randomUUID();
    await db.insert(costImports).values({
      id: importId,
      batchId: randomUUID(),
      fileName: "bench.csv",
      fileSha256: "0".repeat(64),
      vendor: "aws",
      vendorName: "Amazon Web Services",
      billingAccountId: "bench",
      billingPeriod: "2026-10",
      parquetPath: "bench",
      lineCount: customers * 90,
      status: "in_force",
      importedAt: now,
    });
    await db
      .insert(euroRates)
      .values({ day: "2026-10-01", currency: "USD", unitsPerEuro: "1.0845", importedAt: now });
    const t0 = performance.now();
    for (let i = 0; i < customers; i++) {
      const [org] = await db
        .insert(organisations)
        .values({ kind: "customer", slug: `bench-${i}`, name: `Client ${String(i).padStart(4, "0")}` })
        .returning({ id: organisations.id });
      const id = (org as { id: string }).id;
      await db.insert(customerDetails).values({
        organisationId: id,
        siren: String(100_000_000 + i),
        billingAddress: "1 rue du Banc",
        billingPostalCode: "44000",
        billingCity: "Nantes",
        billingEmail: `compta${i}@bench.test`,
      });
      await db
        .insert(subscriptions)
        .values({ organisationId: id, catalogueItemId: PLANS[i % 4] as string, startsOn: "2026-01-01" });
      const rows = [];
      for (let day = 1; day <= 30; day++)
        for (const service of SERVICES) {
          const cost = ((i % 50) * 3.17 + day * 1.3 + service.length * 0.71).toFixed(6);
          rows.push({
            importId,
            organisationId: id,
            day: `2026-10-${String(day).padStart(2, "0")}`,
            billingPeriod: "2026-10",
            vendor: "aws",
            billingAccountId: "bench",
            subAccountId: `acct-${i}`,
            service,
            chargeCategory: "Usage",
            chargeFrequency: "Usage-Based",
            currency: "USD",
            billedCost: cost,
            listCost: cost,
            effectiveCost: cost,
            lineCount: 1,
          });
        }
      await db.insert(costDaily).values(rows);
    }
    console.log(
      `seeded ${customers} customers, ${customers * 90} daily cost rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const ids = (await db.select({ id: organisations.id }).from(organisations)).map((r) => r.id);
    const c0 = performance.now();
    for (const id of ids) await composeCustomerInvoice(db, contract, id, "2026-10", "2026-11-02");
    const composeSeconds = (performance.now() - c0) / 1000;

    const r0 = performance.now();
    const result = await runInvoices(db, contract, "2026-10", "2026-11-02", systemActor("bench"), now);
    const runSeconds = (performance.now() - r0) / 1000;
    const issued = result.issued.length;
    console.table([
      {
        what: "compose only (baseline: reads, rates, domain)",
        seconds: composeSeconds.toFixed(2),
        invoices: ids.length,
      },
      {
        what: "invoice run (number, CII XML, PDF/A-3, writes, audit)",
        seconds: runSeconds.toFixed(2),
        invoices: issued,
      },
    ]);
    console.log(`invoices/s: ${(issued / runSeconds).toFixed(1)}`);
    console.log(
      `share in PDF rendering: ${((result.pdfMs / 1000 / runSeconds) * 100).toFixed(0)} % (${(result.pdfMs / issued).toFixed(0)} ms a PDF)`,
    );
    console.log(`run / compose-only baseline: ${(runSeconds / composeSeconds).toFixed(2)}x`);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
