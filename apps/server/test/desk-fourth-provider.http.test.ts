import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { receiveDeskMail } from "../src/modules/desk/mail-intake.js";
import { act, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { FOURTH_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
const EN = { "accept-language": "en" };

/** Every clause id a JSON answer cites, wherever it sits. */
function citedClauses(body: unknown): string[] {
  const text = JSON.stringify(body);
  return [...text.matchAll(/([A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2})\b/g)].map((match) => match[1] as string);
}

// Issue 23: a fourth provider written from a real offer's shape (Alpen Cloud): five priorities,
// "next business day" and "best effort" targets, "escalation required", CHF, no e-mail channel on
// its smallest plan, its own clause ids; its desk runs by API with no code that knows it.
describe.each(databaseKindsUnderTest(postgresUrl))("a fourth provider's desk (Alpen Cloud) on %s", (kind) => {
  let t: TestApp;
  // Friday 5 June 2026, 10:00 in Zürich.
  let now = new Date("2026-06-05T08:00:00Z");
  let agent: TestUser;
  const users: Record<"starter" | "business" | "professional" | "enterprise", TestUser> = {} as never;
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);
  const open = async (user: TestUser, body: Record<string, unknown>) =>
    openTicketAs(t.app, await signIn(user), { category: "incident", ...body }, EN);
  const view = async (user: TestUser, ticketId: string) =>
    (
      await t.app.inject({
        method: "GET",
        url: `/api/tickets/${ticketId}`,
        headers: { ...(await signIn(user)).headers, ...EN },
      })
    ).json();

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, FOURTH_CONTRACT, { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    agent = await createUser(db, provider.id, ["support_agent"]);
    for (const plan of ["starter", "business", "professional", "enterprise"] as const) {
      const held = plan === "starter" ? [] : [{ item: `support-${plan}`, from: "2026-01-01" }];
      const organisation = await createOrganisation(db, "customer", held);
      users[plan] = await createUser(db, organisation.id, ["customer_admin"]);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("publishes its five levels in its order and its plans' targets as the offer words them", async () => {
    const contract = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
    expect(contract.priorities.map((level: { id: string }) => level.id)).toEqual([
      "P1",
      "P2",
      "P3",
      "P4",
      "P5",
    ]);
    const business = contract.supportPlans.find((plan: { id: string }) => plan.id === "business");
    expect(business.initialResponse.map((cell: { target: { en: string } }) => cell.target.en)).toEqual([
      "< 2 h",
      "< 4 business hours",
      "at the next business day's opening",
      "by the end of the next business day",
      "best effort, no guaranteed time",
    ]);
    expect(new Set(citedClauses(contract).map((clause) => clause.slice(0, 4)))).toEqual(new Set(["ALP-"]));
  });

  it("takes a fifth priority, refuses one the contract does not list, and says 'best effort' (ALP-SUP-02, ALP-SUP-04)", async () => {
    const refused = await open(users.business, { priority: "P9" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ details: { reason: "unknown_priority", clause: "ALP-SUP-02" } });
    const defaulted = await open(users.business, {});
    expect(defaulted.json().priority).toBe("P4");
    const p5 = await open(users.business, { priority: "P5" });
    expect(p5.statusCode, p5.body).toBe(201);
    expect(p5.json().sla[0]).toMatchObject({ state: "none", dueAt: null, clause: "ALP-SUP-04" });
    expect(p5.json().sla[0].explanation).toBe(
      "Initial response: best effort, no guaranteed time, for Business P5 — ALP-SUP-04",
    );
  });

  it("runs a Business P3 to the next business day's opening, answered, resolved and confirmed closed", async () => {
    now = new Date("2026-06-05T08:00:00Z");
    const opened = await open(users.business, { priority: "P3" });
    expect(opened.statusCode, opened.body).toBe(201);
    const ticket = opened.json();
    expect(ticket.reference).toMatch(/^ALP-2026-\d{5}$/);
    // Friday 10:00: due Monday 8 June at 08:00 Zürich, not Monday 10:00 ("1 business day").
    expect(ticket.sla[0]).toMatchObject({ state: "running", dueAt: "2026-06-08T06:00:00.000Z" });
    expect(ticket.sla[0].explanation).toContain("at the next business day's opening, Zürich business hours");

    now = new Date("2026-06-05T12:00:00Z");
    const answered = await act(t.app, await signIn(agent), ticket.id, "messages", {
      body: "Looking into it.",
    });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json().sla[0]).toMatchObject({ state: "met", elapsedMinutes: 240 });
    const resolved = await act(t.app, await signIn(agent), ticket.id, "status", {
      action: "resolve",
      message: "Fixed.",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const confirmed = await act(t.app, await signIn(users.business), ticket.id, "status", {
      action: "confirm",
    });
    expect(confirmed.json().status).toBe("closed");
    for (const answer of [opened, answered, resolved, confirmed]) {
      for (const clause of citedClauses(answer.json())) expect(clause).toMatch(/^ALP-/);
    }
  });

  it("starts an 'escalation required' target only when the customer escalates in the portal (ALP-SUP-06)", async () => {
    now = new Date("2026-06-06T20:00:00Z"); // Saturday 22:00: the P1 target is 24/7
    const opened = await open(users.professional, { priority: "P1" });
    const ticket = opened.json();
    expect(ticket.sla[0]).toMatchObject({
      state: "conditional",
      dueAt: null,
      escalation: { channel: "portal", clause: "ALP-SUP-06", escalatedAt: null },
    });
    expect(ticket.sla[0].explanation).toBe(
      "Initial response: escalation required: the target (Professional P1, < 1 h, 24/7) runs only once the request is escalated through the portal (ALP-SUP-06) — ALP-SUP-04",
    );
    now = new Date("2026-06-06T20:30:00Z");
    const escalated = await act(t.app, await signIn(users.professional), ticket.id, "escalations", {});
    expect(escalated.statusCode, escalated.body).toBe(201);
    expect(escalated.json().sla[0]).toMatchObject({ state: "running", dueAt: "2026-06-06T21:30:00.000Z" });
    const staffView = await view(agent, ticket.id);
    expect(staffView.timeline.some((entry: { type: string }) => entry.type === "escalated")).toBe(true);
    now = new Date("2026-06-06T21:00:00Z");
    const answered = await act(t.app, await signIn(agent), ticket.id, "messages", { body: "On it." });
    expect(answered.json().sla[0]).toMatchObject({ state: "met", elapsedMinutes: 30 });
  });

  it("refuses a portal escalation where the offer says by phone, and takes the one support records (ALP-SUP-06)", async () => {
    now = new Date("2026-06-08T07:00:00Z");
    const ticket = (await open(users.enterprise, { priority: "P1" })).json();
    expect(ticket.sla[0].state).toBe("conditional");
    const byPortal = await act(t.app, await signIn(users.enterprise), ticket.id, "escalations", {});
    expect(byPortal.statusCode).toBe(422);
    expect(byPortal.json().details).toMatchObject({
      reason: "escalation_not_required",
      clause: "ALP-SUP-06",
    });
    const recorded = await act(t.app, await signIn(agent), ticket.id, "escalations", { channel: "phone" });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().sla[0]).toMatchObject({ state: "running", dueAt: "2026-06-08T07:30:00.000Z" });
  });

  it("reports its five levels, and takes no e-mail from a plan without that channel (ALP-SUP-05)", async () => {
    const report = await t.app.inject({
      method: "GET",
      url: "/api/desk/reports/sla?month=2026-06",
      headers: (await signIn(users.business)).headers,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().priorities.map((p: { priority: string }) => p.priority)).toEqual([
      "P1",
      "P2",
      "P3",
      "P4",
      "P5",
    ]);
    const raw = [
      `From: ${users.starter.email}`,
      "To: support@alpen-cloud.example",
      "Subject: Server unreachable",
      "Message-ID: <starter-1@client.example>",
      `Date: ${now.toUTCString()}`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Priority: P2",
    ].join("\r\n");
    expect(await receiveDeskMail(t.context, t.database, raw, now)).toMatchObject({ outcome: "refused" });
  });
});
