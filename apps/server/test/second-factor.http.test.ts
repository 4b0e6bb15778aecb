import { auditLog, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { totpCodeAt } from "../src/modules/accounts/totp.js";
import {
  createCustomerWithAdmin,
  createOrganisation,
  createUser,
  type TestUser,
} from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/**
 * TOTP enrolment that cannot lose an account (issue 13): the secret is pending until a code
 * proves it, recovery codes stand in for a lost phone, and a provider administrator resets
 * another staff member's second factor, audited.
 */
describe.each(databaseKindsUnderTest(postgresUrl))("the second factor on %s", (kind) => {
  let t: TestApp;
  let now = new Date("2026-11-23T09:00:00Z");
  let providerId: string;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "multicloud-ready", { clock: () => now });
    providerId = (await createOrganisation(t.database.db, "provider")).id;
    admin = await createUser(t.database.db, providerId, ["admin"], { totp: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = (user: TestUser, extra: object = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: user.email, password: user.password, ...extra },
    });
  const headersOf = (response: Awaited<ReturnType<typeof signIn>>) => {
    const cookie = `guichet_session=${response.cookies.find((c) => c.name === "guichet_session")?.value}`;
    return { cookie, "x-csrf-token": response.json().csrfToken as string };
  };
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });
  const canWork = async (headers: Record<string, string>) =>
    (await t.app.inject({ method: "GET", url: "/api/organisations", headers })).statusCode === 200;
  /** Enrols a staff member through the routes and answers the secret and the recovery codes. */
  const enrol = async (user: TestUser) => {
    const headers = headersOf(await signIn(user));
    const secret = (await post("/api/auth/totp/enrol", headers)).json().secret as string;
    const done = await post("/api/auth/totp/verify", headers, { code: totpCodeAt(secret, now) });
    expect(done.statusCode, done.body).toBe(200);
    return { secret, recoveryCodes: done.json().recoveryCodes as string[] };
  };

  it("keeps the secret pending until a code proves it: a closed tab leaves the account as it was, enrolment restarts", async () => {
    const agent = await createUser(t.database.db, providerId, ["support_agent"]);
    const first = headersOf(await signIn(agent));
    const abandoned = (await post("/api/auth/totp/enrol", first)).json().secret as string;
    const [pending] = await t.database.db.select().from(users).where(eq(users.id, agent.id));
    expect(pending?.totpSecret).toBeNull();
    expect(pending?.totpPendingSecret).toBe(abandoned);

    // The tab is closed. Next sign-in: the password alone opens a session, limited to enrolment.
    const second = await signIn(agent);
    expect(second.statusCode, second.body).toBe(200);
    const headers = headersOf(second);
    expect(await canWork(headers)).toBe(false);
    const restarted = (await post("/api/auth/totp/enrol", headers)).json().secret as string;
    expect(restarted).not.toBe(abandoned);
    // The abandoned secret proves nothing any more; the new one ends the enrolment.
    expect(
      (await post("/api/auth/totp/verify", headers, { code: totpCodeAt(abandoned, now) })).statusCode,
    ).toBe(401);
    const done = await post("/api/auth/totp/verify", headers, { code: totpCodeAt(restarted, now) });
    expect(done.statusCode).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect(await canWork(headers)).toBe(true);

    const [enrolled] = await t.database.db.select().from(users).where(eq(users.id, agent.id));
    expect(enrolled).toMatchObject({ totpSecret: restarted, totpPendingSecret: null });
    // Only hashes are kept.
    expect(enrolled?.totpRecoveryHashes).toHaveLength(10);
    for (const code of done.json().recoveryCodes as string[]) {
      expect(JSON.stringify(enrolled)).not.toContain(code);
    }
    // From now on the password alone is not enough, and a new enrolment is refused.
    expect((await signIn(agent)).json().details).toEqual({ secondFactor: "totp" });
    expect((await post("/api/auth/totp/enrol", headers)).statusCode).toBe(409);
  });

  it("takes each recovery code once, in place of a code, and says so in the audit trail", async () => {
    const agent = await createUser(t.database.db, providerId, ["support_agent"]);
    const { recoveryCodes } = await enrol(agent);
    const [code = "", other = ""] = recoveryCodes;

    const used = await signIn(agent, { recoveryCode: code.toUpperCase() });
    expect(used.statusCode, used.body).toBe(200);
    expect(await canWork(headersOf(used))).toBe(true);
    expect((await signIn(agent, { recoveryCode: code })).statusCode).toBe(401);
    expect((await signIn(agent, { recoveryCode: "aaaa-bbbb-cccc-dddd" })).statusCode).toBe(401);
    // Another person's code is not this person's.
    const colleague = await createUser(t.database.db, providerId, ["support_agent"]);
    const theirs = await enrol(colleague);
    expect((await signIn(agent, { recoveryCode: theirs.recoveryCodes[0] })).statusCode).toBe(401);
    expect((await signIn(agent, { recoveryCode: other })).statusCode).toBe(200);

    const signIns = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, agent.id), eq(auditLog.action, "auth.sign_in")));
    const data = signIns.map((entry) => entry.data as Record<string, unknown>);
    expect(data).toContainEqual(expect.objectContaining({ recoveryCode: true, recoveryCodesLeft: 9 }));
    expect(data).toContainEqual(expect.objectContaining({ recoveryCode: true, recoveryCodesLeft: 8 }));
    expect(data.filter((d) => d.reason === "wrong_recovery_code")).toHaveLength(3);
  });

  it("lets a provider administrator reset another staff member's second factor, audited; nobody else, never her own", async () => {
    now = new Date(now.getTime() + 60 * 60_000);
    const agent = await createUser(t.database.db, providerId, ["support_agent"]);
    const { secret } = await enrol(agent);
    const agentSession = headersOf(await signIn(agent, { totpCode: totpCodeAt(secret, now) }));
    const { admin: customerAdmin } = await createCustomerWithAdmin(t.database.db);
    const url = `/api/staff/${agent.id}/second-factor/reset`;

    for (const refused of [{ ...agent, totpSecret: secret }, customerAdmin]) {
      expect((await post(url, (await signInAs(t.app, refused, now)).headers)).statusCode).toBe(403);
    }
    const adminHeaders = (await signInAs(t.app, admin, now)).headers;
    const own = await post(`/api/staff/${admin.id}/second-factor/reset`, adminHeaders);
    expect(own.statusCode).toBe(403);
    expect(own.json().details).toEqual({ reason: "own_account" });
    expect((await post(`/api/staff/${customerAdmin.id}/second-factor/reset`, adminHeaders)).statusCode).toBe(
      404,
    );

    expect((await post(url, adminHeaders)).statusCode).toBe(204);
    // Signed out everywhere; the password alone now leads to a new enrolment.
    expect(await canWork(agentSession)).toBe(false);
    const next = await signIn(agent);
    expect(next.statusCode, next.body).toBe(200);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/organisations", headers: headersOf(next) })).json(),
    ).toMatchObject({ details: { secondFactor: "totp" } });
    const [reset] = await t.database.db.select().from(users).where(eq(users.id, agent.id));
    expect(reset).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpRecoveryHashes: [] });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "staff.reset_second_factor"), eq(auditLog.targetId, agent.id)));
    expect(entry).toMatchObject({ actorUserId: admin.id, organisationId: providerId });
  });
});
