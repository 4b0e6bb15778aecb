import { outbox } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { MINIMAL_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
/** What the portal sends for a German reader: German, then the English of its own texts. */
const DE = { "accept-language": "de, en;q=0.9" };

// Issue 23: a contract that states only what its offer states runs, and the portal offers nothing
// it does not state: written in German only, no ordering, no price, no e-mail channel, no named
// contacts, no out-of-scope rule, no mail on ticket events, and its own word for a ticket ("Fall").
describe.each(databaseKindsUnderTest(postgresUrl))(
  "a contract that says little (Werkbank IT) on %s",
  (kind) => {
    let t: TestApp;
    const now = new Date("2026-06-05T08:00:00Z"); // Friday 10:00 in Berlin
    let customer: TestUser;
    let organisationId: string;

    beforeAll(async () => {
      t = await createTestApp(kind, postgresUrl, MINIMAL_CONTRACT, { clock: () => now });
      const { db } = t.database;
      await createOrganisation(db, "provider");
      const organisation = await createOrganisation(db, "customer");
      organisationId = organisation.id;
      customer = await createUser(db, organisation.id, ["customer_admin"]);
    });
    afterAll(async () => {
      await t?.close();
    });

    it("publishes its German labels and words, and no ordering, price nor out-of-scope rule", async () => {
      const contract = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
      expect(contract).toMatchObject({ locale: "de", languages: ["de"] });
      // Written in German only: the portal's French and English readers get the contract's German.
      expect(contract.provider.portalName).toEqual({
        de: "Werkbank Kundenportal",
        fr: "Werkbank Kundenportal",
        en: "Werkbank Kundenportal",
      });
      expect(contract.priorities.map((level: { label: { de: string } }) => level.label.de)).toEqual([
        "Dringend",
        "Normal",
      ]);
      expect(contract.ticketWorkflow.vocabulary).toMatchObject({
        wording: "contract",
        words: { de: { ticket: "Fall", tickets: "Fälle" }, en: { ticket: "request" } },
      });
      expect(contract.ticketWorkflow.outOfScope).toBeUndefined();
      expect(contract.rules.ordering).toBeUndefined();
      expect(contract.rules.namedContacts).toBeUndefined();
      expect(contract.supportPlans[0].channels).toMatchObject({ portal: true, email: { accept: "never" } });
      expect(contract.supportPlans[0].channels.phone).toBeUndefined();
    });

    it("offers nothing to order and refuses an order, inventing no way to order", async () => {
      const session = await signInAs(t.app, customer, now);
      const options = await t.app.inject({
        method: "GET",
        url: `/api/organisations/${organisationId}/order-options`,
        headers: { ...session.headers, ...DE },
      });
      expect(options.statusCode, options.body).toBe(200);
      expect(options.json()).toMatchObject({
        requires: null,
        items: [],
        supportPlans: [],
        eligibility: null,
      });
      const order = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${organisationId}/orders`,
        headers: { ...session.headers, ...DE, "idempotency-key": "werkbank-order-1" },
        payload: { catalogueItemId: "support-basis" },
      });
      expect(order.statusCode, order.body).toBe(400);
      expect(order.json().details).toMatchObject({ reason: "not_orderable" });
    });

    it("opens a ticket at the contract's priority, due the next business day's opening, and mails nothing", async () => {
      const session = await signInAs(t.app, customer, now);
      const opened = await openTicketAs(t.app, session, { category: "stoerung", priority: "dringend" }, DE);
      expect(opened.statusCode, opened.body).toBe(201);
      // Friday 10:00: due Monday 8 June at 09:00 Berlin.
      expect(opened.json().sla[0]).toMatchObject({ state: "running", dueAt: "2026-06-08T07:00:00.000Z" });
      const mails = await t.database.db.select().from(outbox).where(eq(outbox.toAddress, customer.email));
      expect(mails).toEqual([]);
    });
  },
);
