import { users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { act, openTicketAs } from "./helpers/desk.js";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { createCustomerReading, mailsTo as mailsIn } from "./helpers/readers.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { germanFirstContract } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
/** What the portal sends for a German reader: German, then the catalogue its texts fall back to. */
const DE = { "accept-language": "de-CH, en;q=0.9" };
const EN = { "accept-language": "en" };

// Issue 23, GEN-01, GEN-02: a German-first contract (Alpen Cloud's German edition: German, then
// English; "Fall" / "case"). Its German readers read the SLA explanations in German, naming the
// ticket as the contract does; mails in German where the server has them (invitation, the desk's),
// with the contract's German names and German dates; a person invited without a language reads the
// contract's.
describe.each(databaseKindsUnderTest(postgresUrl))("a German-first contract on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-06-06T20:00:00Z"); // Saturday 22:00 in Zürich
  let agent: TestUser;
  let customer: TestUser;
  let organisationId: string;
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);
  const mailsTo = (email: string, kind: string) => mailsIn(t.database.db, email, kind);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, germanFirstContract(), { clock: () => now });
    const provider = await createOrganisation(t.database.db, "provider");
    agent = await createUser(t.database.db, provider.id, ["support_agent"]);
    ({ organisationId, admin: customer } = await createCustomerReading(
      t.database.db,
      "support-professional",
      "de",
    ));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("invites a person in the contract's language when none is chosen, the mail in German with its German name and dates", async () => {
    const invited = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: { ...(await signIn(customer)).headers, ...DE },
      payload: { email: "lena.meier@kunde.example", firstName: "Lena", lastName: "Meier", roles: ["user"] },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [person] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "lena.meier@kunde.example"));
    expect(person?.locale).toBe("de");
    const [mail] = await mailsTo("lena.meier@kunde.example", "invitation");
    expect(mail?.subject).toBe("Einladung zu Alpen-Konsole");
    // Two days later, as ALP-ACC-01 says, written as a German reader reads a date.
    expect(mail?.textBody).toContain("läuft am Montag, 8. Juni 2026 um 22:00");
  });

  it("shows the plan's priority matrix in the reader's language: German labels and targets, English on request (ALP-SUP-04)", async () => {
    const form = async (headers: Record<string, string>) =>
      (
        await t.app.inject({
          method: "GET",
          url: "/api/desk/form",
          headers: { ...(await signIn(customer)).headers, ...headers },
        })
      ).json();
    const german = await form(DE);
    expect(german.priorities.slice(2, 5)).toMatchObject([
      { label: "P3 — Mittlere Auswirkung", target: "< 4 Geschäftsstunden" },
      { target: "bei Öffnung am nächsten Geschäftstag" },
      { target: "bis Ende des nächsten Geschäftstags" },
    ]);
    expect(german.categories.map((category: { label: string }) => category.label)).toContain("Störung");
    const english = await form(EN);
    expect(english.priorities[3]).toMatchObject({
      label: "P4 — Low impact",
      target: "at the next business day's opening",
    });
    // The published matrix carries each target in every language of the contract.
    const contract = (await t.app.inject({ method: "GET", url: "/api/contract" })).json();
    const professional = contract.supportPlans.find((plan: { id: string }) => plan.id === "professional");
    expect(professional.initialResponse[4].target).toMatchObject({
      de: "bis Ende des nächsten Geschäftstags",
      en: "by the end of the next business day",
    });
  });

  it("explains an 'escalation required' target in German naming 'der Fall', and in English 'the case' (ALP-SUP-06)", async () => {
    const opened = await openTicketAs(
      t.app,
      await signIn(customer),
      { category: "incident", priority: "P1" },
      DE,
    );
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().sla[0].explanation).toBe(
      "Erstreaktion: Eskalation erforderlich: die Zielvorgabe (Professional P1, < 1 h, Rund um die Uhr) läuft erst, wenn der Fall über das Portal eskaliert wurde (ALP-SUP-06) — ALP-SUP-04",
    );
    const ticketId: string = opened.json().id;
    const read = async (headers: Record<string, string>) =>
      (
        await t.app.inject({
          method: "GET",
          url: `/api/tickets/${ticketId}`,
          headers: { ...(await signIn(customer)).headers, ...headers },
        })
      ).json();
    expect((await read(EN)).sla[0].explanation).toContain(
      "the target (Professional P1, < 1 h, 24/7) runs only once the case is escalated through the portal",
    );
    // A client that says no language reads the contract's own.
    expect((await read({})).sla[0].explanation).toMatch(/^Erstreaktion: Eskalation erforderlich/);

    now = new Date("2026-06-06T20:30:00Z");
    const escalated = await act(t.app, await signIn(customer), ticketId, "escalations", {});
    expect(escalated.statusCode, escalated.body).toBe(201);
    expect((await read(DE)).sla[0].explanation).toContain(
      "; über das Portal eskaliert am Sa., 6. Juni 2026 22:30 (ALP-SUP-06) — ALP-SUP-04",
    );

    // The acknowledgement (ALP-SUP-07): German, the contract's German noun with its article.
    const [acknowledged] = await mailsTo(customer.email, "ticket_acknowledged");
    expect(acknowledged?.subject).toMatch(/^\[ALP-2026-\d{5}\] Fall eingegangen: /);
    expect(acknowledged?.textBody).toMatch(/Der Fall ist unter der Referenz ALP-2026-\d{5} erfasst/);
    expect(acknowledged?.textBody).toContain("Alpen-Konsole");
  });

  it("closes out of scope with the contract's German reason in the German reader's mail (ALP-SUP-10)", async () => {
    now = new Date("2026-06-08T07:00:00Z");
    const opened = await openTicketAs(
      t.app,
      await signIn(customer),
      { category: "question", priority: "P4" },
      DE,
    );
    const closed = await act(t.app, await signIn(agent), opened.json().id, "status", {
      action: "close",
      outOfScopeReason: "customer-code",
    });
    // A client naming no language reads the contract's own: German, not French.
    expect(closed.statusCode).toBe(400);
    expect(closed.json().message).toBe("Geben Sie den Grund an.");
    const withReason = await act(t.app, await signIn(agent), opened.json().id, "status", {
      action: "close",
      outOfScopeReason: "customer-code",
      message: "Custom code is outside the terms.",
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const mails = await mailsTo(customer.email, "ticket_closed");
    expect(mails.map((mail) => mail.textBody).join("\n")).toContain("Vom Kunden entwickelter Code.");
  });
});
