import { outbox, tickets, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sweepSlaWarnings } from "../src/modules/desk/desk-sweeps.js";
import { act, openTicketAs, premiumNamedContact } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("SLA warnings on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T09:00:00Z"); // Monday 10:00 in Paris
  let agent: TestUser;
  let contact: TestUser;
  const at = (minutesAfterOpening: number) =>
    new Date(Date.parse("2026-11-23T09:00:00Z") + minutesAfterOpening * 60_000);
  const warningsTo = (email: string) =>
    t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "sla_warning"), eq(outbox.toAddress, email)))
      .orderBy(outbox.createdAt);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
    ({ contact } = await premiumNamedContact(db));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("warns the assignee once at 75 % and once at 90 % of a Premium P1's 30-minute initial response, in the assignee's language", async () => {
    const opened = await openTicketAs(t.app, await signInAs(t.app, contact, now), {
      category: "incident",
      priority: "P1",
    });
    expect(opened.statusCode).toBe(201);
    const ticket = opened.json() as { id: string; reference: string };
    const support = await signInAs(t.app, agent, now);
    expect((await act(t.app, support, ticket.id, "assignee", { userId: agent.id })).statusCode).toBe(200);

    // The sweep reads a ticket only once its next threshold has come: 75 % of 30 minutes.
    const warnAt = async () =>
      (await t.database.db.select().from(tickets).where(eq(tickets.id, ticket.id)))[0]?.slaWarnAt;
    expect(await warnAt()).toEqual(new Date("2026-11-23T09:22:30Z"));
    // 22 of 30 minutes (73 %): nothing yet.
    expect(await sweepSlaWarnings(t.context, at(22))).toEqual({ warned: 0 });
    // 23 minutes (77 %): the 75 % threshold, once however often the sweep runs.
    expect(await sweepSlaWarnings(t.context, at(23))).toEqual({ warned: 1 });
    expect(await sweepSlaWarnings(t.context, at(23))).toEqual({ warned: 0 });
    expect(await sweepSlaWarnings(t.context, at(24))).toEqual({ warned: 0 });
    expect(await warnAt()).toEqual(new Date("2026-11-23T09:27:00Z"));
    const [first] = await warningsTo(agent.email);
    expect(first?.subject).toBe(`[${ticket.reference}] 75 % du délai consommé : Console inaccessible`);
    expect(first?.textBody).toContain("75 % de son délai de prise en charge");
    expect(first?.textBody).toContain("MCR-SUP-06");

    // The agent now reads English; 28 minutes (93 %): the 90 % threshold.
    await t.database.db.update(users).set({ locale: "en" }).where(eq(users.id, agent.id));
    expect(await sweepSlaWarnings(t.context, at(28))).toEqual({ warned: 1 });
    expect(await sweepSlaWarnings(t.context, at(29))).toEqual({ warned: 0 });
    expect(await warnAt()).toBeNull(); // no threshold left ahead: the sweep reads it no more
    const mails = await warningsTo(agent.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe(`[${ticket.reference}] 90% of the target used: Console inaccessible`);
    expect(mails[1]?.textBody).toContain("90% of its initial response target");
    await t.database.db.update(users).set({ locale: "fr" }).where(eq(users.id, agent.id));
  });

  it("still sends a warning reached before the sweep came, when the customer wrote in between", async () => {
    now = at(0);
    const opened = await openTicketAs(t.app, await signInAs(t.app, contact, now), {
      category: "incident",
      priority: "P1",
      title: "Stockage indisponible",
    });
    const ticket = opened.json() as { id: string; reference: string };
    const support = await signInAs(t.app, agent, now);
    expect((await act(t.app, support, ticket.id, "assignee", { userId: agent.id })).statusCode).toBe(200);
    now = at(24); // past 75 %, and no sweep has run
    const customer = await signInAs(t.app, contact, now);
    const added = await act(t.app, customer, ticket.id, "messages", { body: "Toujours en panne." });
    expect(added.statusCode, added.body).toBe(201);
    expect(await sweepSlaWarnings(t.context, at(24))).toEqual({ warned: 1 });
    const mails = (await warningsTo(agent.email)).filter((mail) => mail.ticketId === ticket.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`[${ticket.reference}] 75 % du délai consommé : Stockage indisponible`);
  });
});
