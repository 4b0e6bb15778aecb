import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { receiveDeskMail } from "../src/modules/desk/mail-intake.js";
import { act, mailsAbout, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { THIRD_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");

/** Every clause id a JSON answer cites, wherever it sits. */
function citedClauses(body: unknown): string[] {
  const text = JSON.stringify(body);
  return [...text.matchAll(/"([A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2})"/g)].map((match) => match[1] as string);
}

describe.each(databaseKindsUnderTest(postgresUrl))("a third provider's desk (Boréal Nuage) on %s", (kind) => {
  let t: TestApp;
  // Tuesday 23 June 2026, 15:00 in Montréal: the next day is Québec's Fête nationale.
  let now = new Date("2026-06-23T19:00:00Z");
  let agent: TestUser;
  let silverUser: TestUser;
  let bronzeUser: TestUser;
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, THIRD_CONTRACT, { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"]);
    const silver = await createOrganisation(db, "customer", [{ item: "support-silver", from: "2026-01-01" }]);
    silverUser = await createUser(db, silver.id, ["user"]);
    const bronze = await createOrganisation(db, "customer");
    bronzeUser = await createUser(db, bronze.id, ["user"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("publishes its own plans, calendar and clauses, and no other provider's", async () => {
    const contract = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
    expect(contract.supportPlans.map((plan: { id: string }) => plan.id)).toEqual([
      "bronze",
      "silver",
      "gold",
    ]);
    expect(contract.calendars[0]).toMatchObject({ id: "montreal-hours", timeZone: "America/Toronto" });
    expect(contract.rules.namedContacts).toBeUndefined();
    expect(new Set(citedClauses(contract).map((clause) => clause.slice(0, 4)))).toEqual(new Set(["BNC-"]));
  });

  it("runs a Silver request by the portal: its clock skips Québec's holiday, answered, resolved, confirmed closed", async () => {
    // No named contacts in this contract: any user opens requests.
    const opened = await openTicketAs(t.app, await signIn(silverUser), {
      category: "incident",
      priority: "P2",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = opened.json();
    expect(ticket.reference).toMatch(/^BNC-2026-\d{5}$/);
    // 1 business day on Montréal hours: Wednesday 24 June is a holiday, so Thursday 25 June 15:00.
    expect(ticket.sla[0]).toMatchObject({
      metric: "initialResponse",
      state: "running",
      dueAt: "2026-06-25T19:00:00.000Z",
      clause: "BNC-SUP-04",
    });
    expect(ticket.sla[0].explanation).toContain("BNC-SUP-04");
    const [ack] = await mailsAbout(t.database.db, ticket.id);
    expect(ack?.subject).toContain(ticket.reference);
    expect(ack?.textBody).not.toMatch(/MCR-|DSN-/);

    now = new Date("2026-06-25T14:00:00Z"); // Thursday 10:00 in Montréal
    const answered = await act(t.app, await signIn(agent), ticket.id, "messages", {
      body: "We are looking into it.",
    });
    expect(answered.statusCode, answered.body).toBe(201);
    // 2 business hours on Tuesday, 1.5 on Thursday: the holiday did not count.
    expect(answered.json().sla[0]).toMatchObject({ state: "met", elapsedMinutes: 210 });

    const resolved = await act(t.app, await signIn(agent), ticket.id, "status", {
      action: "resolve",
      message: "Disk replaced.",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const autoClose = resolved.json().sla.find((clock: { metric: string }) => clock.metric === "autoClose");
    // 3 business days from Thursday 10:00: Friday, Monday, then Wednesday 1 July is Canada Day: Tuesday.
    expect(autoClose).toMatchObject({ clause: "BNC-SUP-07", dueAt: "2026-06-30T14:00:00.000Z" });

    const confirmed = await act(t.app, await signIn(silverUser), ticket.id, "status", { action: "confirm" });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe("closed");
    for (const answer of [opened, answered, resolved, confirmed]) {
      for (const clause of citedClauses(answer.json())) expect(clause).toMatch(/^BNC-/);
    }
  });

  it("opens a Bronze request by e-mail, which every plan may use, and acknowledges it", async () => {
    now = new Date("2026-06-29T13:00:00Z");
    const raw = [
      `From: ${bronzeUser.email}`,
      "To: aide@boreal-nuage.example",
      "Subject: Backups failed last night",
      "Message-ID: <backup-1@client.example>",
      `Date: ${now.toUTCString()}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "The nightly backup job failed on every server.",
    ].join("\r\n");
    const outcome = await receiveDeskMail(t.context, t.database, raw, now);
    expect(outcome).toMatchObject({ outcome: "opened", reference: expect.stringMatching(/^BNC-2026-/) });
    if (outcome.outcome !== "opened") return;
    const view = await t.app.inject({
      method: "GET",
      url: `/api/tickets/${outcome.ticketId}`,
      headers: (await signIn(bronzeUser)).headers,
    });
    expect(view.json()).toMatchObject({ title: "Backups failed last night", priority: "P3" });
    // Bronze P3: 3 business days.
    expect(view.json().sla[0]).toMatchObject({ clause: "BNC-SUP-04", state: "running" });
    const [ack] = await mailsAbout(t.database.db, outcome.ticketId);
    expect(ack?.toAddress).toBe(bronzeUser.email);
  });
});
