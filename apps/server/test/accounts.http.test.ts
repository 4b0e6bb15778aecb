import { outbox } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { totpCodeAt } from "../src/modules/accounts/totp.js";
import { createOrganisation, createUser, STRONG_PASSWORD, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

describe.each(databaseKindsUnderTest(postgresUrl))("accounts on %s (MultiCloud Ready)", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T09:00:00Z");
  let customerId: string;
  let otherCustomerId: string;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let securityOfficer: TestUser;
  let providerId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    providerId = provider.id;
    securityOfficer = await createUser(db, provider.id, ["security_officer"], { totp: true });
    // A Standard customer: two named contacts at most (MCR-SUP-04).
    customerId = (
      await createOrganisation(db, "customer", [{ item: "support-standard", from: "2026-01-01" }])
    ).id;
    otherCustomerId = (
      await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }])
    ).id;
    admin = await createUser(db, customerId, ["customer_admin"]);
    otherAdmin = await createUser(db, otherCustomerId, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function lastMail() {
    const [mail] = await t.database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
    return mail;
  }

  it("invites a person, who sets a password from the single-use link and signs in (MCR-ACC-01)", async () => {
    const session = await signInAs(t.app, admin, now);
    const invited = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/users`,
      headers: session.headers,
      payload: { email: "Lea.Dupont@Example.fr", firstName: "Léa", lastName: "Dupont", roles: ["user"] },
    });
    expect(invited.statusCode).toBe(201);
    const mail = await lastMail();
    expect(mail?.toAddress).toBe("lea.dupont@example.fr");
    expect(mail?.subject).toContain("Espace Client Cloud");
    expect(mail?.textBody).toContain("MCR-ACC-01");
    const token = /#token=([\w-]+)/.exec(mail?.textBody ?? "")?.[1];
    expect(token).toBeTruthy();

    const weak = await t.app.inject({
      method: "POST",
      url: "/api/auth/links/redeem",
      payload: { token, password: "azerty123" },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().details).toMatchObject({ field: "password", minimum: 3 });

    const redeemed = await t.app.inject({
      method: "POST",
      url: "/api/auth/links/redeem",
      payload: { token, password: STRONG_PASSWORD },
    });
    expect(redeemed.statusCode).toBe(200);
    expect(redeemed.json().strength).toBe(4);

    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/links/redeem",
      payload: { token, password: STRONG_PASSWORD },
    });
    expect(again.statusCode).toBe(404);

    const lea = await signInAs(
      t.app,
      { id: "", email: "lea.dupont@example.fr", password: STRONG_PASSWORD, totpSecret: null },
      now,
    );
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: lea.cookie } });
    expect(me.json()).toMatchObject({
      email: "lea.dupont@example.fr",
      roles: ["user"],
      organisationId: customerId,
    });
  });

  it("refuses an expired link", async () => {
    const session = await signInAs(t.app, admin, now);
    await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/users`,
      headers: session.headers,
      payload: { email: "late@example.fr", firstName: "Paul", lastName: "Tardif", roles: ["user"] },
    });
    const token = /#token=([\w-]+)/.exec((await lastMail())?.textBody ?? "")?.[1];
    const saved = now;
    now = new Date(now.getTime() + 4 * 24 * 3600_000); // the MCR link is valid 3 days
    try {
      const late = await t.app.inject({
        method: "POST",
        url: "/api/auth/links/redeem",
        payload: { token, password: STRONG_PASSWORD },
      });
      expect(late.statusCode).toBe(404);
    } finally {
      now = saved;
    }
  });

  it("refuses a Standard customer's third named contact, citing MCR-SUP-04", async () => {
    const session = await signInAs(t.app, admin, now);
    const contact = (n: number) => ({
      email: `contact${n}@example.fr`,
      firstName: "Jean",
      lastName: `Contact ${n}`,
      jobTitle: "Responsable infrastructure",
      phone: `+33 5 49 00 00 0${n}`,
      availability: "lun.–ven. 9 h–18 h",
    });
    for (const n of [1, 2]) {
      const ok = await t.app.inject({
        method: "POST",
        url: `/api/organisations/${customerId}/named-contacts`,
        headers: session.headers,
        payload: contact(n),
      });
      expect(ok.statusCode).toBe(201);
    }
    const third = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/named-contacts`,
      headers: session.headers,
      payload: contact(3),
    });
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({
      code: "contract_rule",
      details: { clause: "MCR-SUP-04", limit: 2, current: 2, plan: "standard" },
    });
    expect(third.json().message).toContain("MCR-SUP-04");
    expect(third.json().message).toContain("l'offre Standard permet 2 contacts nommés");
    const people = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${customerId}/users`,
      headers: session.headers,
    });
    expect(people.json().filter((u: { namedContact: unknown }) => u.namedContact)).toHaveLength(2);

    const missing = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/named-contacts`,
      headers: session.headers,
      payload: { ...contact(4), phone: undefined },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.issues[0].field).toBe("body.phone");
  });

  it("follows the subscription's tenancy: a multi-tenant Business customer has no limit, a single-tenant one 5; Basic says N/A and the server refuses one (MCR-SUP-04, MCR 8.2.1)", async () => {
    const { db } = t.database;
    const namedContact = (prefix: string, n: number) => ({
      email: `${prefix}-${n}@example.fr`,
      firstName: "Léa",
      lastName: `Contact ${n}`,
      jobTitle: "Exploitation",
      phone: "+33 5 49 00 00 00",
      availability: "24/7",
    });
    const quotaOf = async (holds: Parameters<typeof createOrganisation>[2]) => {
      const organisation = await createOrganisation(db, "customer", holds);
      const administrator = await createUser(db, organisation.id, ["customer_admin"]);
      const session = await signInAs(t.app, administrator, now);
      const contact = (n: number) => namedContact(`tenancy-${organisation.id.slice(0, 8)}`, n);
      const added: number[] = [];
      for (const n of [1, 2, 3, 4, 5, 6]) {
        const answer = await t.app.inject({
          method: "POST",
          url: `/api/organisations/${organisation.id}/named-contacts`,
          headers: session.headers,
          payload: contact(n),
        });
        added.push(answer.statusCode);
      }
      const quota = await t.app.inject({
        method: "GET",
        url: `/api/organisations/${organisation.id}/named-contacts`,
        headers: session.headers,
      });
      return { added, quota: quota.json() };
    };
    const multi = await quotaOf([{ item: "support-business", from: "2026-01-01", tenancy: "multi" }]);
    expect(multi.added).toEqual([201, 201, 201, 201, 201, 201]);
    expect(multi.quota).toMatchObject({ plan: "business", limit: "unlimited", applies: true, current: 6 });
    const single = await quotaOf([{ item: "support-business", from: "2026-01-01", tenancy: "single" }]);
    expect(single.added).toEqual([201, 201, 201, 201, 201, 422]);
    expect(single.quota).toMatchObject({ limit: 5, applies: true, current: 5 });
    const basicOrganisation = await createOrganisation(db, "customer");
    const basicAdmin = await createUser(db, basicOrganisation.id, ["customer_admin"]);
    const basicQuota = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${basicOrganisation.id}/named-contacts`,
      headers: (await signInAs(t.app, basicAdmin, now)).headers,
    });
    expect(basicQuota.json()).toMatchObject({ plan: "basic", applies: false });
    // MCR-SUP-04 (MCR 8.2.1 table: "N/A" for Basic): refused by the server too, citing the clause,
    // through the named-contact section and a plain invitation alike, and nobody is created.
    const basicHeaders = (await signInAs(t.app, basicAdmin, now)).headers;
    const contact = (n: number) => namedContact(`basic-${basicOrganisation.id.slice(0, 8)}`, n);
    for (const [url, payload] of [
      [`/api/organisations/${basicOrganisation.id}/named-contacts`, contact(1)],
      [
        `/api/organisations/${basicOrganisation.id}/users`,
        {
          email: contact(2).email,
          firstName: "Hugo",
          lastName: "Renard",
          roles: ["named_contact"],
          namedContact: { jobTitle: "Exploitation", phone: "+33 5 49 00 00 00", availability: "24/7" },
        },
      ],
    ] as const) {
      const refused = await t.app.inject({ method: "POST", url, headers: basicHeaders, payload });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({ details: { plan: "basic", clause: "MCR-SUP-04" } });
      expect(refused.json().message).toContain("N/A");
    }
    const nobody = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${basicOrganisation.id}/users`,
      headers: basicHeaders,
    });
    expect(nobody.json()).toHaveLength(1);
  });

  it("answers a wrong password and an unknown account alike, then makes that address wait, not the account (issue 14)", async () => {
    const attempt = (email: string, password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email, password },
        remoteAddress: "10.0.0.9",
      });
    const wrong = await attempt(admin.email, "not the password");
    const unknown = await attempt("nobody@example.fr", "not the password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    for (let i = 0; i < 5; i++) await attempt(otherAdmin.email, "wrong");
    const waiting = await attempt(otherAdmin.email, otherAdmin.password);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().code).toBe("rate_limited");
    now = new Date(now.getTime() + 2_000);
    const later = await attempt(otherAdmin.email, otherAdmin.password);
    expect(later.statusCode).toBe(200);
  });

  it("refuses a cookie-authenticated write without the CSRF token, and a forged cookie", async () => {
    const session = await signInAs(t.app, admin, now);
    const noCsrf = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/users`,
      headers: { cookie: session.cookie },
      payload: { email: "x@example.fr", firstName: "X", lastName: "Y", roles: ["user"] },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().details.reason).toBe("csrf");
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: "guichet_session=forged" },
    });
    expect(forged.statusCode).toBe(401);
  });

  it("keeps one customer out of another's people", async () => {
    const session = await signInAs(t.app, admin, now);
    const list = await t.app.inject({
      method: "GET",
      url: `/api/organisations/${otherCustomerId}/users`,
      headers: session.headers,
    });
    expect(list.statusCode).toBe(403);
    const invite = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${otherCustomerId}/users`,
      headers: session.headers,
      payload: { email: "intruder@example.fr", firstName: "I", lastName: "N", roles: ["customer_admin"] },
    });
    expect(invite.statusCode).toBe(403);
    const all = await t.app.inject({ method: "GET", url: "/api/organisations", headers: session.headers });
    expect(all.statusCode).toBe(403);
  });

  it("suspends an organisation: its signed-in people are refused on the next request, and restored after (DSN-SEC-02, MCR-ACC-06)", async () => {
    const customer = await signInAs(t.app, otherAdmin, now);
    const officer = await signInAs(t.app, securityOfficer, now);
    const before = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: customer.headers });
    expect(before.statusCode).toBe(200);

    const suspend = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${otherCustomerId}/suspension`,
      headers: officer.headers,
      payload: { reason: "Incident de sécurité grave" },
    });
    expect(suspend.statusCode).toBe(204);
    const during = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: customer.headers });
    expect(during.statusCode).toBe(403);
    expect(during.json()).toMatchObject({
      details: { reason: "organisation_suspended", clause: "MCR-ACC-06" },
    });
    expect(during.json().message).toContain("suspendu");

    const byCustomer = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${customerId}/suspension`,
      headers: (await signInAs(t.app, admin, now)).headers,
      payload: { reason: "not mine to do" },
    });
    expect(byCustomer.statusCode).toBe(403);

    const lift = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${otherCustomerId}/suspension/lift`,
      headers: officer.headers,
      payload: { reason: "Incident clos" },
    });
    expect(lift.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: customer.headers });
    expect(after.statusCode).toBe(200);
  });

  it("makes provider staff enrol a second factor before anything else, as the contract requires", async () => {
    const agent = await createUser(t.database.db, providerId, ["support_agent"]);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: agent.email, password: agent.password },
    });
    expect(signIn.body).toContain("csrfToken");
    const cookie = `guichet_session=${signIn.cookies.find((c) => c.name === "guichet_session")?.value}`;
    const headers = { cookie, "x-csrf-token": signIn.json().csrfToken };
    const blocked = await t.app.inject({ method: "GET", url: "/api/organisations", headers });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().details).toEqual({ secondFactor: "totp" });

    const enrol = await t.app.inject({ method: "POST", url: "/api/auth/totp/enrol", headers });
    expect(enrol.statusCode).toBe(200);
    expect(enrol.json().uri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/totp/verify",
      headers,
      payload: { code: "000000" },
    });
    expect(wrong.statusCode).toBe(401);
    const code = totpCodeAt(enrol.json().secret, now);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/auth/totp/verify", headers, payload: { code } }))
        .statusCode,
    ).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/organisations", headers })).statusCode).toBe(200);

    // From now on the password alone is not enough.
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: agent.email, password: agent.password },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().details).toEqual({ secondFactor: "totp" });
  });

  it("lets the security officer ask who used an identifier, export it, and read the outbox (DSN-SEC-01)", async () => {
    const officer = await signInAs(t.app, securityOfficer, now);
    const query = `email=${encodeURIComponent(admin.email)}&from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z`;
    const found = await t.app.inject({ method: "GET", url: `/api/audit?${query}`, headers: officer.headers });
    expect(found.statusCode).toBe(200);
    const actions = found.json().map((e: { action: string }) => e.action);
    expect(actions).toContain("auth.sign_in");
    expect(actions).toContain("user.invite");
    // Each entry says what happened in the reader's words (issue 13).
    const invited = found.json().find((e: { action: string }) => e.action === "user.invite");
    expect(invited.summary).toBe("Personne invitée");
    const inEnglish = await t.app.inject({
      method: "GET",
      url: `/api/audit?${query}&action=user.invite`,
      headers: { ...officer.headers, "accept-language": "en" },
    });
    expect(inEnglish.json()[0].summary).toBe("Person invited");
    expect(found.json()[0]).toMatchObject({
      actorLabel: expect.stringContaining(admin.email),
      ip: "127.0.0.1",
      requestId: expect.any(String),
    });
    const csv = await t.app.inject({
      method: "GET",
      url: `/api/audit/export.csv?${query}`,
      headers: officer.headers,
    });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n").length).toBe(found.json().length + 2);
    const mail = await t.app.inject({ method: "GET", url: "/api/outbox?limit=5", headers: officer.headers });
    expect(mail.json().items[0]).toMatchObject({ kind: expect.any(String), status: "pending" });

    const customer = await signInAs(t.app, admin, now);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/audit", headers: customer.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/outbox", headers: customer.headers })).statusCode,
    ).toBe(403);
  });
});
