import { randomUUID } from "node:crypto";
import {
  atomically,
  costDaily,
  costImports,
  customerDetails,
  type Database,
  type Db,
  invoiceCounters,
  invoices,
  organisations,
  runInTenant,
  scopedDatabase,
  specificConditions,
  subscriptions,
} from "@guichet/db";
import { createTestDatabase, databaseKindsUnderTest } from "@guichet/db/testing";
import { type Contract, type InvoiceDocument, MissingEuroRateError } from "@guichet/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContract } from "../../contract/load-contract.js";
import { systemActor } from "../audit/record-audit.js";
import { importEuroRates } from "../billing/import-euro-rates.js";
import { FACTUR_X_FILE_NAME } from "./cii-xml.js";
import { issueCreditNote } from "./issue-credit-note.js";
import { issueDocument } from "./issue-document.js";
import { MonthNotOverError, runInvoices } from "./run-invoices.js";
import { schematronFailures, xsdErrors } from "./validate-cii.test-helper.js";

const postgresUrl = inject("postgresUrl");
const actor = systemActor("test");
const now = new Date("2026-11-02T07:00:00Z");

async function customer(db: Db, slug: string, siren: string): Promise<string> {
  const [org] = await db
    .insert(organisations)
    .values({ kind: "customer", slug, name: `Client ${slug}`, registrationNumber: siren })
    .returning({ id: organisations.id });
  const id = (org as { id: string }).id;
  await db.insert(customerDetails).values({
    organisationId: id,
    siren,
    billingAddress: "4 route de Vannes",
    billingPostalCode: "44800",
    billingCity: "Saint-Herblain",
    billingEmail: `factures@${slug}.demo`,
  });
  return id;
}

/** Daily sums as a FOCUS import leaves them once the account is matched to the customer. */
async function costs(
  db: Db,
  organisationId: string,
  rows: Array<[service: string, billed: string, currency: string]>,
) {
  const importId = randomUUID();
  await db.insert(costImports).values({
    id: importId,
    batchId: randomUUID(),
    fileName: "focus.csv",
    fileSha256: randomUUID(),
    vendor: "aws",
    vendorName: "Amazon Web Services",
    billingAccountId: `acct-${organisationId.slice(0, 8)}`,
    billingPeriod: "2026-10",
    parquetPath: "x",
    lineCount: rows.length,
    status: "in_force",
    importedAt: now,
  });
  await db.insert(costDaily).values(
    rows.map(([service, billed, currency], i) => ({
      importId,
      organisationId,
      day: `2026-10-${String(i + 1).padStart(2, "0")}`,
      billingPeriod: "2026-10",
      vendor: "aws",
      billingAccountId: `acct-${organisationId.slice(0, 8)}`,
      service,
      chargeCategory: "Usage",
      chargeFrequency: "Usage-Based",
      currency,
      billedCost: billed,
      listCost: billed,
      effectiveCost: billed,
      lineCount: 1,
    })),
  );
}

const numbers = async (db: Db) =>
  (await db.select({ n: invoices.number }).from(invoices).orderBy(invoices.year, invoices.sequence)).map(
    (r) => r.n,
  );

describe.each(databaseKindsUnderTest(postgresUrl))("invoices on %s (MCR-BIL-01, MCR-BIL-02)", (kind) => {
  let database: Database;
  let contract: Contract;
  let garnier: string;
  let ducasse: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind, postgresUrl);
    contract = loadContract("multicloud-ready");
    const db = database.db;
    garnier = await customer(db, "garnier", "552100554");
    ducasse = await customer(db, "ducasse", "542051180");
    await db
      .insert(subscriptions)
      .values({ organisationId: ducasse, catalogueItemId: "support-premium", startsOn: "2026-01-01" });
    await costs(db, garnier, [
      ["Amazon EC2", "1000.005", "USD"],
      ["Amazon EC2", "84.50", "USD"],
      ["Amazon S3", "12.3456789", "USD"],
    ]);
  });
  afterAll(async () => database?.close());

  it("a missing rate stops the run, naming the currency and the day; no number is taken", async () => {
    const run = runInvoices(database.db, contract, "2026-10", "2026-11-02", actor, now);
    await expect(run).rejects.toThrow(MissingEuroRateError);
    await expect(run).rejects.toMatchObject({ currency: "USD", day: "2026-10-01" });
    expect(await database.db.select().from(invoiceCounters)).toEqual([]);
  });

  it("a month not over is not invoiced", async () => {
    await expect(runInvoices(database.db, contract, "2026-11", "2026-11-02", actor, now)).rejects.toThrow(
      MonthNotOverError,
    );
  });

  it("issues one invoice per customer that owes something, numbered without gap, each a valid Factur-X", async () => {
    await importEuroRates(database.db, "Date,USD,\n2026-10-01,1.0845,\n", "eurofxref.csv", actor, now);
    const result = await runInvoices(database.db, contract, "2026-10", "2026-11-02", actor, now);
    // Garnier on Basic (the default plan): its consumption; Ducasse on Premium: the 899 € minimum.
    expect(result.issued.map((i) => [i.organisationId, i.number])).toEqual([
      [ducasse, "2026-000001"],
      [garnier, "2026-000002"],
    ]);
    const [row] = await database.db.select().from(invoices).where(eq(invoices.organisationId, garnier));
    const document = row?.document as InvoiceDocument;
    // (1000.005 + 84.50) / 1.0845 = 1000.0046 → 1000.00 €; 12.3456789 / 1.0845 = 11.3837 → 11.38 €
    expect(document.lines.map((l) => l.amountCents)).toEqual(["100000", "1138", "0"]);
    expect(document.rates).toEqual([{ currency: "USD", unitsPerEuro: "1.0845", day: "2026-10-01" }]);
    expect(row?.totalInclVatCents).toBe(121366n); // 1011.38 + 20 % (202.28)
    expect(await xsdErrors(row?.ciiXml as string)).toEqual([]);
    expect(await schematronFailures(row?.ciiXml as string)).toEqual([]);
    const pdf = Buffer.from(row?.pdf as Uint8Array).toString("latin1");
    expect(pdf.startsWith("%PDF-1.7")).toBe(true);
    expect(pdf).toContain(FACTUR_X_FILE_NAME);
    expect(pdf).toContain("/AFRelationship /Alternative");
    expect(pdf).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(pdf).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
  }, 180_000);

  it("running the month again issues nothing twice", async () => {
    const again = await runInvoices(database.db, contract, "2026-10", "2026-11-03", actor, now);
    expect(again.issued).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(["already_invoiced", "already_invoiced"]);
    expect(await numbers(database.db)).toEqual(["2026-000001", "2026-000002"]);
  });

  it("an issued invoice is immutable: the database refuses UPDATE and DELETE, even to its owner", async () => {
    const refusal = async (write: Promise<unknown>) => {
      const error = (await write.then(
        () => undefined,
        (e: unknown) => e,
      )) as { cause?: Error } | undefined;
      return error?.cause?.message ?? "";
    };
    expect(await refusal(database.db.update(invoices).set({ totalInclVatCents: 0n }))).toMatch(/immutable/);
    expect(await refusal(database.db.delete(invoices))).toMatch(/immutable/);
    expect(await numbers(database.db)).toHaveLength(2);
  });

  it("no gap after a crash: a transaction that took a number and failed gives it back", async () => {
    const [row] = await database.db.select().from(invoices).where(eq(invoices.organisationId, ducasse));
    const crash = atomically(database.db, async (tx) => {
      await issueDocument(
        tx,
        contract,
        ducasse,
        { ...(row?.document as InvoiceDocument), kind: "invoice", period: "2026-09" },
        actor,
        now,
      );
      throw new Error("the process died before the commit");
    });
    await expect(crash).rejects.toThrow(/died/);
    const credit = await issueCreditNote(
      database.db,
      contract,
      row?.id as string,
      { reason: "Plan facturé par erreur", amountCents: 10000n },
      "2026-11-05",
      actor,
      now,
    );
    expect(credit).toMatchObject({ ok: true, issued: { number: "2026-000003", kind: "credit_note" } });
    expect(await numbers(database.db)).toEqual(["2026-000001", "2026-000002", "2026-000003"]);
    const [note] = await database.db.select().from(invoices).where(eq(invoices.number, "2026-000003"));
    expect(note?.totalInclVatCents).toBe(12000n);
    expect(note?.correctsInvoiceId).toBe(row?.id);
    expect(await schematronFailures(note?.ciiXml as string)).toEqual([]);
    expect(
      await issueCreditNote(
        database.db,
        contract,
        row?.id as string,
        { reason: "x", amountCents: 10_000_000n },
        "2026-11-05",
        actor,
        now,
      ),
    ).toEqual({ ok: false, reason: "amount_out_of_range" });
  }, 120_000);

  it("a customer reads its own invoices only (row-level security)", async () => {
    const seen = await runInTenant(database, garnier, () =>
      scopedDatabase(database).db.select({ organisationId: invoices.organisationId }).from(invoices),
    );
    expect(seen).toEqual([{ organisationId: garnier }]);
  });
});

describe.each(databaseKindsUnderTest(postgresUrl))("a DSN operator's invoice on %s (DSN-ORD-03)", (kind) => {
  let database: Database;
  const contract = loadContract("deux-sevres-eservices");
  beforeAll(async () => {
    database = await createTestDatabase(kind, postgresUrl);
    await database.db.insert(specificConditions).values({
      catalogueItemId: "e-sav",
      effectiveFrom: "2026-01-01",
      documentTitle: "Conditions Spécifiques e-SAV",
      documentVersion: "1.0",
      monthlyPriceCents: 15000,
      minimumMonths: 12,
      terminationNoticeMonths: 3,
      maintenanceNoticeDays: 15,
    });
  });
  afterAll(async () => database?.close());

  const documentsOf = async (organisationId: string) =>
    (await database.db.select().from(invoices).where(eq(invoices.organisationId, organisationId))).map(
      (row) => ({ period: row.period, document: row.document as InvoiceDocument, ciiXml: row.ciiXml }),
    );

  it("invoices each e-service from the order form's reception at its specific conditions' price, prorated", async () => {
    const db = database.db;
    const operator = await customer(db, "fibre-poitou", "552100554");
    await db.insert(subscriptions).values([
      { organisationId: operator, catalogueItemId: "e-sav", startsOn: "2026-02-10" },
      { organisationId: operator, catalogueItemId: "e-soutien", startsOn: "2026-02-10" },
    ]);
    const result = await runInvoices(
      db,
      contract,
      "2026-02",
      "2026-03-01",
      actor,
      new Date("2026-03-01T08:00:00Z"),
    );
    expect(result.issued).toHaveLength(1);
    const [row] = await documentsOf(operator);
    const document = row?.document as InvoiceDocument;
    // 150.00 € × 19/28 days = 101.79 €; e-soutien is free (DSN annex 3 §3): no line.
    expect(document.lines).toEqual([
      expect.objectContaining({
        kind: "subscription",
        from: "2026-02-10",
        to: "2026-02-28",
        amountCents: "10179",
      }),
    ]);
    expect(document.seller).toMatchObject({
      siren: "200072197",
      legalName: "Syndicat Mixte Ouvert Deux-Sèvres Numérique",
    });
    expect(await schematronFailures(row?.ciiXml as string)).toEqual([]);
    const [counter] = await db.select().from(invoiceCounters).where(sql`year = 2026`);
    expect(counter?.lastSequence).toBe(1);
  }, 120_000);

  it("invoicing starts on the order form's reception (invoicing_from), even a month before the activation", async () => {
    const db = database.db;
    const operator = await customer(db, "niort-connect", "542051180");
    // Order form received on 20 March, e-SAV activated on 6 April (DSN-ORD-03, DSN art. 7).
    await db.insert(subscriptions).values({
      organisationId: operator,
      catalogueItemId: "e-sav",
      startsOn: "2026-04-06",
      invoicingFrom: "2026-03-20",
    });
    for (const [month, issued] of [
      ["2026-03", "2026-04-01"],
      ["2026-04", "2026-05-01"],
    ] as const)
      await runInvoices(db, contract, month, issued, actor, new Date(`${issued}T08:00:00Z`));
    const byPeriod = new Map((await documentsOf(operator)).map((d) => [d.period, d]));
    // March: 150.00 € × 12/31 days (20 to 31) = 58.06 €; April: the whole month, 150.00 €.
    expect(byPeriod.get("2026-03")?.document.lines).toEqual([
      expect.objectContaining({ from: "2026-03-20", to: "2026-03-31", days: 12, amountCents: "5806" }),
    ]);
    expect(byPeriod.get("2026-04")?.document.lines).toEqual([
      expect.objectContaining({ from: "2026-04-01", to: "2026-04-30", days: 30, amountCents: "15000" }),
    ]);
    for (const d of byPeriod.values()) expect(await schematronFailures(d.ciiXml)).toEqual([]);
  }, 120_000);

  it("a subscription terminated mid-month is invoiced up to its last day", async () => {
    const db = database.db;
    const operator = await customer(db, "atlantique", "732829320");
    await db.insert(subscriptions).values({
      organisationId: operator,
      catalogueItemId: "e-sav",
      startsOn: "2026-01-05",
      invoicingFrom: "2026-01-02",
      endsOn: "2026-05-10",
    });
    await runInvoices(db, contract, "2026-05", "2026-06-01", actor, new Date("2026-06-01T08:00:00Z"));
    const [may] = await documentsOf(operator);
    // 150.00 € × 10/31 days = 48.39 €.
    expect(may?.document.lines).toEqual([
      expect.objectContaining({ from: "2026-05-01", to: "2026-05-10", amountCents: "4839" }),
    ]);
  }, 120_000);
});
