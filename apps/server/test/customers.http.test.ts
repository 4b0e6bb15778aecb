import { customerDetails, organisations, outbox, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** A real company's identifiers (Luhn-valid SIREN and SIRET; FR44 is the key of this SIREN). */
const GOOD = {
  legalName: "Garage Martin SARL",
  siren: "732 829 320",
  siret: "73282932000074",
  vatNumber: "FR44732829320",
  billingAddress: "1 rue Haute",
  billingPostalCode: "79000",
  billingCity: "Niort",
  billingEmail: "Compta@garage-martin.fr",
  administrator: { email: "dirigeant@garage-martin.fr", firstName: "Léa", lastName: "Martin" },
};

describe.each(databaseKindsUnderTest(postgresUrl))("customers on %s (issue 16)", (kind) => {
  let t: TestApp;
  const now = new Date("2026-11-23T09:00:00Z");
  let staff: SignedIn;
  let customerAdmin: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", { clock: () => now });
    const provider = await createOrganisation(t.database.db, "provider");
    staff = await signInAs(
      t.app,
      await createUser(t.database.db, provider.id, ["account_manager"], { totp: true }),
      now,
    );
    const existing = await createOrganisation(t.database.db, "customer");
    customerAdmin = await createUser(t.database.db, existing.id, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (headers: Record<string, string>, body: unknown) =>
    t.app.inject({ method: "POST", url: "/api/customers", headers, payload: body as object });
  const customers = async () => (await t.database.db.select({ n: count() }).from(customerDetails))[0]?.n ?? 0;

  it("creates a customer with checked identifiers and invites its administrator by e-mail (DSN-ID-02)", async () => {
    const created = await create(staff.headers, GOOD);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.customer).toMatchObject({
      name: "Garage Martin SARL",
      slug: "garage-martin-sarl",
      siren: "732829320",
      vatNumber: "FR44732829320",
      billing: { email: "compta@garage-martin.fr", postalCode: "79000", country: "FR" },
    });
    // Monday 23 Nov 2026 10:00 Paris + 5 working days (Mon–Sat) = Saturday 28 Nov (DSN-ID-02).
    expect(body.administrator.identifierDueAt).toBe("2026-11-28T09:00:00.000Z");
    const [admin] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "dirigeant@garage-martin.fr"));
    expect(admin).toMatchObject({ roles: ["customer_admin"], status: "invited" });
    const [mail] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, "dirigeant@garage-martin.fr"));
    expect(mail?.kind).toBe("invitation");
    const listed = await t.app.inject({ method: "GET", url: "/api/customers", headers: staff.headers });
    expect(listed.json().map((c: { name: string }) => c.name)).toContain("Garage Martin SARL");
  });

  it("refuses a SIREN with a wrong key, naming the field, and writes nothing", async () => {
    const before = await customers();
    const refused = await create(staff.headers, {
      ...GOOD,
      siren: "732829321",
      siret: undefined,
      vatNumber: undefined,
      administrator: { ...GOOD.administrator, email: "x@garage.fr" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toMatchObject({
      field: "siren",
      problems: [{ field: "siren", reason: "key" }],
    });
    expect(refused.json().message).toContain("SIREN");
    expect(refused.json().message).toContain("732829321");
    expect(await customers()).toBe(before);
    const [nobody] = await t.database.db.select().from(users).where(eq(users.email, "x@garage.fr"));
    expect(nobody).toBeUndefined();
  });

  it("refuses a French VAT number whose key does not match the SIREN, and gives the right one", async () => {
    const refused = await create(staff.headers, {
      ...GOOD,
      siren: "552100554",
      siret: undefined,
      vatNumber: "FR00552100554",
      administrator: { ...GOOD.administrator, email: "y@garage.fr" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems[0]).toMatchObject({
      field: "vatNumber",
      reason: "key",
      expected: "FR96552100554",
    });
    expect(refused.json().message).toContain("FR96552100554");
  });

  it("refuses a second customer with the same SIREN (409), in English when asked", async () => {
    const refused = await create(
      { ...staff.headers, "accept-language": "en" },
      {
        ...GOOD,
        administrator: { ...GOOD.administrator, email: "other@garage-martin.fr" },
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain("a customer with SIREN 732829320 already exists");
  });

  it("lets only provider administrators and account managers create customers", async () => {
    const session = await signInAs(t.app, customerAdmin, now);
    const refused = await create(session.headers, {
      ...GOOD,
      siren: "552100554",
      vatNumber: undefined,
      siret: undefined,
    });
    expect(refused.statusCode).toBe(403);
  });

  it("imports a CSV of existing customers, all or nothing, reporting each refused line and column", async () => {
    const header =
      "raison_sociale;siren;siret;tva_intracommunautaire;adresse_facturation;code_postal;ville;email_facturation;admin_email;admin_prenom;admin_nom";
    const good =
      "Bâti Sud;552100554;;FR96552100554;2 rue Basse;79000;Niort;compta@bati-sud.fr;admin@bati-sud.fr;Jo;Sud";
    const bad = [
      header,
      good,
      "Toits;812345670;;;3 rue;79000;Niort;compta@toits.fr;admin@toits.fr;Al;Toit",
      "Déjà là;732829320;;;4 rue;7900;Niort;c@deja.fr;d@deja.fr;Al;Deja",
    ].join("\r\n");
    const orgsBefore = (await t.database.db.select({ n: count() }).from(organisations))[0]?.n;
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/customers/import",
      headers: staff.headers,
      payload: { csv: bad },
    });
    expect(refused.statusCode).toBe(400);
    const problems = refused.json().details.problems as {
      line: number;
      column: string;
      reason: string;
      message: string;
    }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: "siren", reason: "key" }),
        expect.objectContaining({ line: 4, column: "code_postal", reason: "format" }),
      ]),
    );
    expect(problems[0]?.message).toMatch(/^Ligne 3, colonne siren : /);
    expect(refused.json().message).toContain("rien n'a été importé");
    expect((await t.database.db.select({ n: count() }).from(organisations))[0]?.n).toBe(orgsBefore);
    const [notInvited] = await t.database.db.select().from(users).where(eq(users.email, "admin@bati-sud.fr"));
    expect(notInvited).toBeUndefined();

    // A customer already known is reported too, by the database's answer.
    const known = await t.app.inject({
      method: "POST",
      url: "/api/customers/import",
      headers: staff.headers,
      payload: { csv: `${header}\nCopie;732829320;;;4 rue;79000;Niort;c@copie.fr;d@copie.fr;Al;Copie\n` },
    });
    expect(known.json().details.problems[0]).toMatchObject({ line: 2, column: "siren", reason: "taken" });

    const imported = await t.app.inject({
      method: "POST",
      url: "/api/customers/import",
      headers: staff.headers,
      payload: {
        csv: `${header}\n${good}\nToits;812345676;;;3 rue;79000;Niort;compta@toits.fr;admin@toits.fr;Al;Toit\n`,
      },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().created.map((c: { line: number }) => c.line)).toEqual([2, 3]);
    const invited = await t.database.db.select().from(outbox).where(eq(outbox.toAddress, "admin@toits.fr"));
    expect(invited).toHaveLength(1);
  });

  it("records specific conditions with their effective date and answers the version in force (DSN art. 6, 9)", async () => {
    const record = (body: object) =>
      t.app.inject({
        method: "POST",
        url: "/api/specific-conditions",
        headers: staff.headers,
        payload: body,
      });
    const version = {
      catalogueItemId: "e-sav",
      documentTitle: "Conditions Spécifiques e-SAV",
      monthlyPriceCents: 15000,
      minimumMonths: 12,
      terminationNoticeMonths: 3,
      maintenanceNoticeDays: 15,
    };
    expect(
      (await record({ ...version, effectiveFrom: "2026-01-01", documentVersion: "2026-01" })).statusCode,
    ).toBe(201);
    expect(
      (
        await record({
          ...version,
          effectiveFrom: "2027-01-01",
          documentVersion: "2027-01",
          monthlyPriceCents: 17500,
        })
      ).statusCode,
    ).toBe(201);
    const again = await record({ ...version, effectiveFrom: "2026-01-01", documentVersion: "bis" });
    expect(again.statusCode).toBe(409);
    const free = await record({
      ...version,
      catalogueItemId: "e-soutien",
      effectiveFrom: "2026-01-01",
      documentVersion: "x",
    });
    expect(free.statusCode).toBe(422);
    expect(free.json().details.field).toBe("catalogueItemId");

    const session = await signInAs(t.app, customerAdmin, now);
    const listed = await t.app.inject({
      method: "GET",
      url: "/api/specific-conditions?at=2026-06-01",
      headers: session.headers,
    });
    expect(listed.statusCode).toBe(200);
    const inForce = listed.json().filter((v: { inForce: boolean }) => v.inForce);
    expect(inForce).toEqual([
      expect.objectContaining({
        catalogueItemId: "e-sav",
        monthlyPrice: "150.00",
        documentVersion: "2026-01",
      }),
    ]);
    const byCustomer = await t.app.inject({
      method: "POST",
      url: "/api/specific-conditions",
      headers: session.headers,
      payload: { ...version, effectiveFrom: "2028-01-01", documentVersion: "x" },
    });
    expect(byCustomer.statusCode).toBe(403);
  });
});
