import { users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTicketAs } from "./helpers/desk.js";
import { createOrganisation, type TestUser } from "./helpers/factories.js";
import { createCustomerReading, mailsTo as mailsIn } from "./helpers/readers.js";
import { type SignedIn, signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { ENGLISH_ONLY_CONTRACT } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
/** A French browser: the contract speaks no French, so it is answered in English. */
const FR = { "accept-language": "fr-FR, fr;q=0.9" };

// Issue 23, GEN-01: a provider writing in English only (Harbour Hosting: no French in its file,
// USD, its own severity levels). Its labels, the server's refusals and SLA explanations, and its
// mails speak English to every reader, a French browser and a person stored with French included.
describe.each(databaseKindsUnderTest(postgresUrl))("an English-only contract on %s", (kind) => {
  let t: TestApp;
  const now = new Date("2026-06-02T14:00:00Z"); // Tuesday 10:00 in Boston
  let customer: TestUser;
  let organisationId: string;
  const signIn = (user: TestUser): Promise<SignedIn> => signInAs(t.app, user, now);
  const mailsTo = (email: string, kind: string) => mailsIn(t.database.db, email, kind);

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, ENGLISH_ONLY_CONTRACT, { clock: () => now });
    await createOrganisation(t.database.db, "provider");
    // Stored in a language the contract does not speak: the contract's locale is read instead.
    ({ organisationId, admin: customer } = await createCustomerReading(
      t.database.db,
      "support-priority",
      "fr",
    ));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("publishes English only: its locale, its labels in every slot, its currency", async () => {
    const contract = (await t.app.inject({ method: "GET", url: "/api/contract", headers: FR })).json();
    expect(contract).toMatchObject({ locale: "en", languages: ["en"], currency: "USD" });
    expect(contract.provider.portalName).toEqual({ fr: "Harbour Customer Hub", en: "Harbour Customer Hub" });
    expect(contract.priorities.map((level: { label: { fr: string } }) => level.label.fr)).toEqual([
      "Severity 1 — Down",
      "Severity 2 — Degraded",
      "Severity 3 — Question",
    ]);
    const plans = JSON.stringify(contract.supportPlans);
    expect(plans).toContain('"fr":"at the next business day\'s opening"');
    expect(plans).not.toMatch(/heure|ouvré/i);
  });

  it("answers a French browser in English: the matrix, a refusal, the SLA explanation (HBR-SUP-04)", async () => {
    const session = await signIn(customer);
    const form = (
      await t.app.inject({ method: "GET", url: "/api/desk/form", headers: { ...session.headers, ...FR } })
    ).json();
    expect(form.priorities.map((level: { target: string }) => level.target)).toEqual([
      "< 1 h",
      "< 4 business hours",
      "at the next business day's opening",
    ]);
    const refused = await openTicketAs(t.app, session, { category: "outage", priority: "P1" }, FR);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      message: "This priority is not one of the contract's levels (HBR-SUP-04).",
      details: { reason: "unknown_priority", clause: "HBR-SUP-04" },
    });
    const opened = await openTicketAs(t.app, session, { category: "outage", priority: "sev1" }, FR);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().reference).toMatch(/^HBR-2026-\d{5}$/);
    expect(opened.json().sla[0].explanation).toMatch(/^Initial response: due .* — HBR-SUP-04$/);
    const [acknowledged] = await mailsTo(customer.email, "ticket_acknowledged");
    expect(acknowledged?.subject).toMatch(/^\[HBR-2026-\d{5}\] Ticket received: /);
    expect(acknowledged?.textBody).toMatch(/^Hello /);
    expect(acknowledged?.textBody).toContain("Harbour Customer Hub");
  });

  it("invites in English a person from a French browser, the mail in English", async () => {
    const invited = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${organisationId}/users`,
      headers: { ...(await signIn(customer)).headers, ...FR },
      payload: { email: "dana.lee@client.example", firstName: "Dana", lastName: "Lee", roles: ["user"] },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [person] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "dana.lee@client.example"));
    expect(person?.locale).toBe("en");
    const [mail] = await mailsTo("dana.lee@client.example", "invitation");
    expect(mail?.subject).toBe("Invitation to Harbour Customer Hub");
    expect(mail?.textBody).toMatch(/^Hello Dana,/);
  });
});
