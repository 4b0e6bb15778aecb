import { randomUUID } from "node:crypto";
import {
  costDaily,
  costImports,
  customerDetails,
  euroRates,
  invoices,
  organisations,
  users,
} from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import type { InvoiceDocument } from "@guichet/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { schematronFailures, xsdErrors } from "../src/modules/invoices/validate-cii.test-helper.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { requestAs, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");
const now = new Date("2026-11-02T09:00:00Z");

/** A customer established abroad as the back office sends it (issue 17): no SIREN. */
const abroad = (name: string, country: string, extra: Record<string, string>) => ({
  legalName: name,
  billingCountry: country,
  billingAddress: "1 Rue de la Loi",
  billingPostalCode: "1000",
  billingCity: "Bruxelles",
  billingEmail: `factures@${name.toLowerCase().replace(/\W+/g, "")}.example`,
  administrator: {
    email: `admin@${name.toLowerCase().replace(/\W+/g, "")}.example`,
    firstName: "Ann",
    lastName: "Peeters",
    locale: "en",
  },
  ...extra,
});

describe.each(databaseKindsUnderTest(postgresUrl))(
  "customers established abroad on %s (issue 17: reverse charge, outside the EU)",
  (kind) => {
    let t: TestApp;
    let staff: TestUser;
    const call = (user: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
      requestAs(t.app, now)(user, method, url, payload);
    const written = async () => {
      const { db } = t.database;
      const [o] = await db.select({ n: count() }).from(organisations);
      const [d] = await db.select({ n: count() }).from(customerDetails);
      const [u] = await db.select({ n: count() }).from(users);
      return [o?.n, d?.n, u?.n];
    };

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
      const provider = await createOrganisation(t.database.db, "provider");
      staff = await createUser(t.database.db, provider.id, ["admin"], { totp: true });
    });
    afterAll(async () => t?.close());

    /** October's consumption of a customer: 1084.50 USD of compute, i.e. 1000.00 € at 1.0845. */
    async function consumed(organisationId: string) {
      const { db } = t.database;
      const importId = randomUUID();
      await db.insert(costImports).values({
        id: importId,
        batchId: randomUUID(),
        fileName: `aws-${organisationId}.csv`,
        fileSha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
        vendor: "aws",
        vendorName: "AWS",
        billingAccountId: organisationId.slice(0, 12),
        billingPeriod: "2026-10",
        parquetPath: `period=2026-10/vendor=aws/account=${organisationId}`,
        lineCount: 1,
        status: "in_force",
        importedAt: now,
      });
      await db.insert(costDaily).values({
        importId,
        organisationId,
        day: "2026-10-03",
        billingPeriod: "2026-10",
        vendor: "aws",
        billingAccountId: organisationId.slice(0, 12),
        service: "Amazon EC2",
        chargeCategory: "Usage",
        chargeFrequency: "Usage-Based",
        currency: "USD",
        billedCost: "1084.50",
        listCost: "1084.50",
        effectiveCost: "1084.50",
        lineCount: 1,
      });
    }

    it("a German customer's malformed VAT number is refused naming the field and how to fix it; nothing is written", async () => {
      const before = await written();
      const refused = await call(
        staff,
        "POST",
        "/api/customers",
        abroad("Rhein Daten GmbH", "DE", { vatNumber: "DE 1234 5678" }),
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.field).toBe("vatNumber");
      expect(refused.json().details.problems).toEqual([
        expect.objectContaining({ field: "vatNumber", reason: "format", value: "DE 1234 5678" }),
      ]);
      // French by default: the field, what it held, the German shape by example.
      expect(refused.json().message).toContain("Numéro de TVA intracommunautaire");
      expect(refused.json().message).toContain("DE123456789");
      const english = await t.app.inject({
        method: "POST",
        url: "/api/customers",
        headers: { ...(await signInAs(t.app, staff, now)).headers, "accept-language": "en" },
        payload: abroad("Rhein Daten GmbH", "DE", { vatNumber: "FR44732829320" }),
      });
      expect(english.statusCode).toBe(400);
      expect(english.json().message).toContain("Intra-community VAT number");
      expect(english.json().message).toContain("member state, e.g. DE123456789");
      expect(await written()).toEqual(before);
    });

    it("imports foreign customers by CSV, all or nothing, a refusal naming the line and the column", async () => {
      const header =
        "raison_sociale;pays;siren;numero_immatriculation;tva_intracommunautaire;adresse_facturation;code_postal;ville;email_facturation;admin_email;admin_prenom;admin_nom";
      const liege =
        "Liège Cloud SPRL;BE;;0403.170.701;BE0403170701;Quai 1;4000;Liège;f@liege.example;a@liege.example;Luc;Dupont";
      const hamburg = (vat: string) =>
        `Hamburg Hosting GmbH;DE;;HRB 1234;${vat};Hafenstr. 1;20457;Hamburg;f@hamburg.example;a@hamburg.example;Jan;Koch`;
      const before = await written();
      const refused = await call(staff, "POST", "/api/customers/import", {
        csv: `${header}\n${liege}\n${hamburg("DE12345")}\n`,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.problems).toEqual([
        expect.objectContaining({ line: 3, column: "tva_intracommunautaire", reason: "format" }),
      ]);
      expect(refused.json().details.problems[0].message).toContain("Ligne 3, colonne tva_intracommunautaire");
      expect(await written()).toEqual(before);
      const imported = await call(staff, "POST", "/api/customers/import", {
        csv: `${header}\n${liege}\n${hamburg("DE123456789")}\n`,
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const listed = (await call(staff, "GET", "/api/customers")).json() as {
        name: string;
        siren: string | null;
        vies: string | null;
        billing: { country: string };
      }[];
      expect(listed.filter((c) => c.name.startsWith("Hamburg") || c.name.startsWith("Liège"))).toEqual([
        expect.objectContaining({
          name: "Hamburg Hosting GmbH",
          siren: null,
          vies: "not_checked",
          billing: expect.objectContaining({ country: "DE" }),
        }),
        expect.objectContaining({
          name: "Liège Cloud SPRL",
          siren: null,
          billing: expect.objectContaining({ country: "BE" }),
        }),
      ]);
    });

    it("a customer established in France still needs its SIREN, said so", async () => {
      const before = await written();
      const refused = await call(staff, "POST", "/api/customers", {
        ...abroad("Garage Sans Siren", "FR", {}),
        billingPostalCode: "79000",
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().details.problems).toEqual([
        expect.objectContaining({ field: "siren", reason: "required" }),
      ]);
      expect(refused.json().message).toContain("obligatoire pour un client établi en France");
      expect(await written()).toEqual(before);
    });

    it("a Belgian customer with its VAT number is invoiced under reverse charge (AE), a Swiss one outside the EU (G); both validate", async () => {
      const belgian = await call(
        staff,
        "POST",
        "/api/customers",
        abroad("Brabant Data SA", "BE", { vatNumber: "BE 0403.170.701", registrationNumber: "0403.170.701" }),
      );
      expect(belgian.statusCode, belgian.body).toBe(201);
      expect(belgian.json().customer).toMatchObject({
        siren: null,
        registrationNumber: "0403.170.701",
        vatNumber: "BE0403170701",
        // The shipped VIES adapter checks nothing, and the customer says so.
        vies: "not_checked",
        billing: { country: "BE" },
      });
      const swiss = await call(staff, "POST", "/api/customers", {
        ...abroad("Alpen Rechenzentrum AG", "CH", { registrationNumber: "CHE-123.456.789" }),
        billingPostalCode: "8001",
        billingCity: "Zürich",
      });
      expect(swiss.statusCode, swiss.body).toBe(201);
      expect(swiss.json().customer).toMatchObject({ siren: null, vatNumber: null, vies: null });
      const belgianId = belgian.json().customer.id as string;
      const swissId = swiss.json().customer.id as string;
      await consumed(belgianId);
      await consumed(swissId);
      await t.database.db
        .insert(euroRates)
        .values({ day: "2026-10-01", currency: "USD", unitsPerEuro: "1.0845", importedAt: now });

      const run = await call(staff, "POST", "/api/billing/invoice-runs", { month: "2026-10" });
      expect(run.statusCode, run.body).toBe(201);
      const issued = async (organisationId: string) => {
        const [row] = await t.database.db
          .select()
          .from(invoices)
          .where(eq(invoices.organisationId, organisationId));
        return { row, document: row?.document as InvoiceDocument, xml: row?.ciiXml as string };
      };
      const be = await issued(belgianId);
      // No French VAT: 1000.00 € excluding VAT is the total, the buyer accounts for the VAT.
      expect(be.document.vat).toEqual([
        expect.objectContaining({ category: "AE", vatCents: "0", exemptionCode: "VATEX-EU-AE" }),
      ]);
      expect(be.row?.totalInclVatCents).toBe(100000n);
      const buyerOf = (xml: string) =>
        xml.slice(xml.indexOf("<ram:BuyerTradeParty>"), xml.indexOf("</ram:BuyerTradeParty>"));
      expect(buyerOf(be.xml)).toContain("<ram:CountryID>BE</ram:CountryID>"); // BT-55
      expect(buyerOf(be.xml)).toContain('<ram:ID schemeID="VA">BE0403170701</ram:ID>'); // BT-48
      expect(buyerOf(be.xml)).toContain("<ram:ID>0403.170.701</ram:ID>"); // BT-47, no scheme
      expect(buyerOf(be.xml)).not.toContain('schemeID="0002"');
      expect(be.xml).toContain("Autoliquidation");

      const ch = await issued(swissId);
      expect(ch.document.vat).toEqual([
        expect.objectContaining({ category: "G", vatCents: "0", exemptionCode: "VATEX-EU-G" }),
      ]);
      expect(buyerOf(ch.xml)).toContain("<ram:CountryID>CH</ram:CountryID>");
      expect(buyerOf(ch.xml)).not.toContain('schemeID="0002"');
      expect(buyerOf(ch.xml)).not.toContain('schemeID="VA"');

      for (const { xml } of [be, ch]) {
        expect(await xsdErrors(xml)).toEqual([]);
        expect(await schematronFailures(xml)).toEqual([]);
      }
      const pdf = await call(staff, "GET", `/api/invoices/${be.row?.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
    }, 180_000);
  },
);
