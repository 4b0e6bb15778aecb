import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  auditLog,
  contractVersions,
  namedContacts,
  newsItems,
  newsRecipients,
  outbox,
  subscriptionPeriods,
  tickets,
} from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadContract, resolveContractPath } from "../src/contract/load-contract.js";
import { recordContractVersion } from "../src/modules/contract/record-contract-version.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("news and contract versions on %s (issue 18)", (kind) => {
  // Saturday 5 December 2026, 11:00 in Paris.
  let now = new Date("2026-12-05T10:00:00Z");
  let t: TestApp;
  let agent: TestUser;
  let contact: TestUser;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let customerId = "";
  const send = async (user: TestUser, method: "GET" | "POST", url: string, payload?: object) => {
    const headers = (await signInAs(t.app, user, now)).headers;
    return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  };
  const count = async (table: typeof newsItems | typeof newsRecipients | typeof outbox) =>
    (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
  const incident = {
    category: "incident",
    title: "Lenteurs de la console AWS",
    body: "La console répond lentement depuis 9 h ; nos équipes sont dessus.",
    catalogueItemId: "aws",
    idempotencyKey: "incident-aws-2026-12-05",
  };

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    customerId = (await createOrganisation(db, "customer", [{ item: "aws", from: "2026-03-01" }])).id;
    admin = await createUser(db, customerId, ["customer_admin"]);
    contact = await createUser(db, customerId, ["named_contact"]);
    await db.insert(namedContacts).values({
      userId: contact.id,
      organisationId: customerId,
      jobTitle: "DSI",
      phone: "0549000000",
      availability: "9h-18h",
    });
    const other = (await createOrganisation(db, "customer", [{ item: "gcp", from: "2026-03-01" }])).id;
    otherAdmin = await createUser(db, other, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("mails an incident to the named contacts of the service's holders only, once per key (DSN-POR-01, MCR 8.2.4)", async () => {
    const published = await send(agent, "POST", "/api/news", incident);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({
      recipients: 1,
      mailed: 1,
      replayed: false,
      item: { category: "incident", serviceName: "Amazon Web Services", clause: "MCR-SUP-04" },
    });
    const mails = await t.database.db.select().from(outbox);
    // The named contact alone: the administrator is not a point of contact for incidents (MCR 8.2.4).
    expect(mails.map((m) => m.toAddress)).toEqual([contact.email]);
    expect(mails[0]?.subject).toContain("Lenteurs de la console AWS");
    expect(mails[0]?.textBody).toContain("MCR-SUP-04");
    const again = await send(agent, "POST", "/api/news", incident);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, item: { id: published.json().item.id } });
    expect([await count(newsItems), await count(newsRecipients), await count(outbox)]).toEqual([1, 1, 1]);
  });

  it("shows the news to its holders, not to others, and keeps the first read receipt for staff", async () => {
    const received = (await send(contact, "GET", "/api/news/received")).json().items;
    expect(received).toEqual([expect.objectContaining({ title: incident.title, readAt: null })]);
    expect((await send(otherAdmin, "GET", "/api/news/received")).json().items).toEqual([]);
    const id = received[0].id;
    const stranger = await send(otherAdmin, "POST", `/api/news/${id}/read`);
    expect(stranger.statusCode).toBe(404);
    const read = await send(contact, "POST", `/api/news/${id}/read`);
    expect(read.json().readAt).toBe(now.toISOString());
    const first = now;
    now = new Date(now.getTime() + 3_600_000);
    expect((await send(contact, "POST", `/api/news/${id}/read`)).json().readAt).toBe(first.toISOString());
    const staffView = (await send(agent, "GET", "/api/news")).json().items[0];
    expect(staffView.recipients).toEqual([
      expect.objectContaining({
        organisationId: customerId,
        mailed: 1,
        reads: [
          {
            name: expect.stringMatching(/^Camille Martin/),
            email: contact.email,
            readAt: first.toISOString(),
          },
        ],
      }),
    ]);
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "news.read"));
    expect(audited).toHaveLength(1);
  });

  it("refuses news that reaches nobody, an availability without its date, and a customer publishing, writing nothing", async () => {
    const nobody = await send(agent, "POST", "/api/news", {
      category: "technical",
      title: "Nouvelle région Azure",
      body: "Une région Azure ouvre à Paris.",
      catalogueItemId: "azure",
    });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().details).toMatchObject({
      reason: "no_recipient",
      clause: "MCR-SUP-04",
      field: "catalogueItemId",
    });
    const undated = await send(agent, "POST", "/api/news", {
      category: "availability",
      title: "Nouveau portail",
      body: "Le portail change d'adresse.",
    });
    expect(undated.json().details).toMatchObject({ reason: "availability_needs_date", field: "availableOn" });
    expect(
      (await send(admin, "POST", "/api/news", { ...incident, idempotencyKey: "by-a-customer" })).statusCode,
    ).toBe(403);
    expect([await count(newsItems), await count(outbox)]).toEqual([1, 1]);
    const dated = await send(agent, "POST", "/api/news", {
      category: "availability",
      title: "Nouveau portail",
      body: "Le portail change d'adresse le 4 janvier.",
      availableOn: "2027-01-04",
    });
    // Every customer, in the portal only: no mail for news other than an incident.
    expect(dated.json()).toMatchObject({
      recipients: 2,
      mailed: 0,
      item: { availableOn: "2027-01-04", serviceName: null },
    });
  });

  it("records a changed contract file as a new version with its changes in words; later decisions keep it (GEN-01)", async () => {
    const { db } = t.database;
    const contract = loadContract("multicloud-ready");
    const first = (await db.select().from(contractVersions))[0];
    expect(first).toMatchObject({ version: "1.0.0", changes: [] });
    expect((await recordContractVersion(db, contract, "multicloud-ready", now)).recorded).toBe(false);

    const changedFile = join(tmpdir(), `mcr-${kind}-${Date.now()}.yaml`);
    const text = readFileSync(resolveContractPath("multicloud-ready"), "utf8")
      .replace('version: "1.0.0"', 'version: "1.1.0"')
      .replace('percent: "7.5" #', 'percent: "8" #');
    writeFileSync(changedFile, text);
    now = new Date("2027-01-01T08:00:00Z");
    const { version, recorded } = await recordContractVersion(
      db,
      loadContract(changedFile),
      changedFile,
      now,
    );
    expect(recorded).toBe(true);
    expect(version.changes).toEqual([
      { path: ["version"], change: "changed", before: "1.0.0", after: "1.1.0" },
      { path: ["prices", "support-standard", "percent"], change: "changed", before: "7.5", after: "8" },
    ]);

    // Decisions from now on keep the new version: a ticket and a plan's period.
    const opened = await send(admin, "POST", "/api/tickets", {
      category: "billing",
      title: "Question sur la facture",
      description: "Le montant du support a changé.",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, opened.json().id));
    expect(ticket?.contractVersionId).toBe(version.id);
    const later = await createOrganisation(db, "customer", [
      { item: "support-standard", from: "2027-01-01" },
    ]);
    const [period] = await db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.organisationId, later.id));
    expect(period?.contractVersionId).toBe(version.id);
    const [before] = await db
      .select()
      .from(subscriptionPeriods)
      .where(eq(subscriptionPeriods.organisationId, customerId));
    expect(before?.contractVersionId).toBe(first?.id);

    const documents = (await send(admin, "GET", `/api/organisations/${customerId}/documents`)).json();
    expect(documents.contractVersions).toEqual([
      expect.objectContaining({
        version: "1.1.0",
        inForce: true,
        changes: ["Version du fichier : 1.0.0 → 1.1.0", "Prix › support standard › percent : 7.5 → 8"],
      }),
      expect.objectContaining({ version: "1.0.0", inForce: false, changes: [] }),
    ]);
  });
});
