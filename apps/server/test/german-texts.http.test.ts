import { databaseKindsUnderTest } from "@guichet/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTicketAs } from "./helpers/desk.js";
import type { TestUser } from "./helpers/factories.js";
import { createCustomerReading, mailsTo } from "./helpers/readers.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";
import { FOURTH_CONTRACT, germanFirstContract } from "./helpers/third-contract.js";

const postgresUrl = inject("postgresUrl");
const DE = { "accept-language": "de-CH" };

/**
 * Issue 23, GEN-01: the server's own texts in German for a German-speaking customer — refusals
 * by the API and mails — and, where German has no text yet, the next language of the contract's
 * order: English under Alpen (English, German), French under a German and French edition.
 */
const CONTRACTS = [
  {
    name: "Alpen Cloud (en, de)",
    file: () => FOURTH_CONTRACT,
    // The support-access refusal, which has no German yet (messages-de.test.ts lists it).
    untranslated: "This portal's contract provides no support access into a customer's space.",
  },
  {
    name: "Alpen's German and French edition (de, fr, en)",
    file: () => germanFirstContract("[de, fr, en]"),
    untranslated: "Le contrat de ce portail ne prévoit pas d'inviter le support dans l'espace du client.",
  },
] as const;

const RUNS = databaseKindsUnderTest(postgresUrl).flatMap((kind) => CONTRACTS.map((c) => ({ ...c, kind })));

describe.each(RUNS)("German texts under $name on $kind", (c) => {
  let t: TestApp;
  const now = new Date("2026-06-08T08:00:00Z"); // Monday 10:00 in Zürich
  let customer: TestUser;
  let organisationId: string;
  beforeAll(async () => {
    t = await createTestApp(c.kind, postgresUrl, c.file(), { clock: () => now });
    ({ organisationId, admin: customer } = await createCustomerReading(
      t.database.db,
      "support-professional",
      "de",
    ));
  });
  afterAll(() => t?.close());

  it("invites a German reader in German, and refuses a second identifier in German", async () => {
    const invite = async (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: `/api/organisations/${organisationId}/users`,
        headers: { ...(await signInAs(t.app, customer, now)).headers, ...headers },
        payload: {
          email: "lena.meier@kunde.example",
          firstName: "Lena",
          lastName: "Meier",
          roles: ["user"],
          locale: "de",
        },
      });
    const invited = await invite(DE);
    expect(invited.statusCode, invited.body).toBe(201);
    const [mail] = await mailsTo(t.database.db, "lena.meier@kunde.example", "invitation");
    expect(mail?.subject).toBe("Einladung zu Alpen-Konsole");
    expect(mail?.textBody).toMatch(/^Guten Tag Lena\n/);
    expect(mail?.textBody).toContain("wählen Sie Ihr Passwort über diesen Link");
    // Two days later (ALP-ACC-01), as a German reader writes a date.
    expect(mail?.textBody).toMatch(/läuft am Mittwoch, 10\. Juni 2026 um 10:00 .* ab \(ALP-[A-Z]+-\d+\)\./);

    const again = await invite(DE);
    expect(again.statusCode).toBe(409);
    // Alpen gives no clause for one identifier per person: the deployment's own rule, in German (GEN-02).
    expect(again.json().message).toBe(
      "Diese Adresse hat bereits eine Kennung: eine Kennung pro Person (Regel des Betreibers).",
    );
    // Nothing changed: still one invitation.
    expect(await mailsTo(t.database.db, "lena.meier@kunde.example", "invitation")).toHaveLength(1);
  });

  it("refuses a priority the contract does not list in German, and a malformed body too", async () => {
    const session = await signInAs(t.app, customer, now);
    const opened = await openTicketAs(t.app, session, { category: "incident", priority: "P9" }, DE);
    expect(opened.statusCode).toBe(400);
    expect(opened.json().message).toMatch(
      /^Diese Priorität ist keine der Stufen des Vertrags \(ALP-SUP-\d+\)\.$/,
    );
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/tickets",
      headers: { ...session.headers, ...DE, "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/^Der Inhalt der Anfrage ist kein gültiges JSON: /);
  });

  it("signs in and resets a password in German", async () => {
    const failed = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: DE,
      payload: { email: customer.email, password: "not the password at all" },
    });
    expect(failed.statusCode).toBe(401);
    expect(failed.json().message).toBe("E-Mail-Adresse oder Passwort falsch.");

    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      headers: DE,
      payload: { email: customer.email },
    });
    expect(reset.statusCode).toBe(202);
    const [mail] = await mailsTo(t.database.db, customer.email, "password_reset");
    expect(mail?.subject).toBe("Ihr Passwort für Alpen-Konsole zurücksetzen");
    expect(mail?.textBody).toContain("Ihr bisheriges Passwort gilt weiter.");
  });

  it("answers a text German does not have yet in the contract's next language, and an English reader in English", async () => {
    const grant = async (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: `/api/organisations/${organisationId}/support-grants`,
        headers: { ...(await signInAs(t.app, customer, now)).headers, ...headers },
        payload: {
          agentEmail: "agent@alpen-cloud.example",
          reason: "Prüfung der Konsole",
          expiresAt: "2026-06-09T08:00:00Z",
        },
      });
    const german = await grant(DE);
    expect(german.statusCode).toBe(422);
    expect(german.json().message).toBe(c.untranslated);
    const english = await grant({ "accept-language": "en" });
    expect(english.json().message).toBe(
      "This portal's contract provides no support access into a customer's space.",
    );
    const priority = await openTicketAs(
      t.app,
      await signInAs(t.app, customer, now),
      { category: "incident", priority: "P9" },
      { "accept-language": "en" },
    );
    expect(priority.json().message).toMatch(/^This priority is not one of the contract's levels/);
  });
});
