import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditLog, users } from "@guichet/db";
import { databaseKindsUnderTest } from "@guichet/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createOrganisation, createUser, type TestUser } from "./helpers/factories.js";
import { signInAs } from "./helpers/session.js";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

const postgresUrl = inject("postgresUrl");

/** A key and self-signed certificate made by the openssl CLI, for this test only. */
function certificate(dir: string, name: string, subject: string, extra: string[] = []) {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "2",
    "-subj",
    subject,
    "-keyout",
    key,
    "-out",
    cert,
    ...extra,
  ]);
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

// Integrated mode (DSN-SEC-03, DSN art. 1 "Certificat d'Authentification", "HTTPS"): a client
// certificate the provider registered acts as the operator over a real TLS listener, as an API
// token does; plain HTTP is refused where the contract says httpsOnly, but from loopback, a
// trusted proxy saying https, or the health probes.
describe.each(databaseKindsUnderTest(postgresUrl))("integrated mode over TLS on %s (DSN-SEC-03)", (kind) => {
  const dir = mkdtempSync(join(tmpdir(), "guichet-tls-"));
  const server = certificate(dir, "server", "/CN=localhost", [
    "-addext",
    "subjectAltName=IP:127.0.0.1,DNS:localhost",
  ]);
  const machine = certificate(dir, "machine", "/CN=si.fibre-poitou.example");
  const stranger = certificate(dir, "stranger", "/CN=unknown.example");
  let t: TestApp;
  let port = 0;
  let officer: TestUser;
  let admin: TestUser;
  let operatorId = "";

  /** A request over TLS to the listener, presenting `client` when given. */
  function overTls(path: string, client?: { key: Buffer; cert: Buffer }) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(
        { host: "127.0.0.1", port, path, method: "GET", ca: server.cert, servername: "localhost", ...client },
        (res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  beforeAll(async () => {
    t = await createTestApp(kind, postgresUrl, "deux-sevres-eservices", {
      https: { key: server.key, cert: server.cert },
      // The reverse proxy the deployment trusts; 203.0.113.x are clients on the Internet.
      env: { TRUST_PROXY: "10.0.0.1" },
    });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    port = (t.app.server.address() as AddressInfo).port;
    const { db } = t.database;
    const provider = await createOrganisation(db, "provider");
    officer = await createUser(db, provider.id, ["security_officer"], { totp: true });
    operatorId = (await createOrganisation(db, "customer")).id;
    admin = await createUser(db, operatorId, ["customer_admin"]);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("acts as the operator for a registered certificate over TLS, audited; refuses unknown and revoked ones", async () => {
    const staff = (await signInAs(t.app, officer, new Date())).headers;
    const registered = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${operatorId}/client-certificates`,
      headers: staff,
      payload: {
        name: "SI de commande",
        ownerUserId: admin.id,
        roles: ["user"],
        certificatePem: machine.cert.toString(),
      },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ subject: "CN=si.fibre-poitou.example", roles: ["user"] });

    const me = await overTls("/api/auth/me", machine);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ email: admin.email, organisationId: operatorId });
    // The same rights as an API token: the operator's own desk, never staff routes.
    expect((await overTls("/api/tickets", machine)).status).toBe(200);
    expect((await overTls("/api/organisations", machine)).status).toBe(403);
    const [used] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "client_certificate.use"));
    expect(used).toMatchObject({ actorUserId: admin.id, via: "client_certificate" });

    expect((await overTls("/api/auth/me", stranger)).status).toBe(401);
    expect((await overTls("/api/auth/me")).status).toBe(401);
    const twice = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${operatorId}/client-certificates`,
      headers: staff,
      payload: {
        name: "Le même, par son empreinte",
        ownerUserId: admin.id,
        roles: ["user"],
        fingerprint256: registered.json().fingerprint256.replaceAll(":", "").toLowerCase(),
      },
    });
    expect(twice.statusCode).toBe(409);
    const revoked = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${operatorId}/client-certificates/${registered.json().id}/revocation`,
      headers: staff,
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await overTls("/api/auth/me", machine)).status).toBe(401);
  });

  it("lists each certificate with the roles it acts with now, fewer once its owner's rights are lowered (DSN-SEC-01, DSN-SEC-03)", async () => {
    const staff = (await signInAs(t.app, officer, new Date())).headers;
    const owner = await createUser(t.database.db, operatorId, ["user", "billing_reader"]);
    const url = `/api/organisations/${operatorId}/client-certificates`;
    const registered = await t.app.inject({
      method: "POST",
      url,
      headers: staff,
      payload: {
        name: "Facturation",
        ownerUserId: owner.id,
        roles: ["user", "billing_reader"],
        fingerprint256: "AB".repeat(32),
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({
      rolesInForce: ["user", "billing_reader"],
      narrowed: false,
      ownerActive: true,
    });

    // The owner loses the billing role (as the Droits page does it, MCR-ACC-03).
    await t.database.db
      .update(users)
      .set({ roles: ["user"] })
      .where(eq(users.id, owner.id));
    const listed = (await t.app.inject({ method: "GET", url, headers: staff })).json() as {
      id: string;
      roles: string[];
      rolesInForce: string[];
      narrowed: boolean;
    }[];
    expect(listed.find((c) => c.id === registered.json().id)).toMatchObject({
      roles: ["user", "billing_reader"],
      rolesInForce: ["user"],
      narrowed: true,
    });
  });

  it("refuses plain HTTP off loopback unless a trusted proxy says https (httpsOnly)", async () => {
    const plain = (remoteAddress: string, headers: Record<string, string> = {}, url = "/api/auth/me") =>
      t.app.inject({ method: "GET", url, remoteAddress, headers });
    const refused = await plain("203.0.113.9");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details).toEqual({ reason: "https_required", clause: "DSN-SEC-03" });
    // A client cannot claim https itself; the trusted proxy can, and only for https.
    expect((await plain("203.0.113.9", { "x-forwarded-proto": "https" })).statusCode).toBe(403);
    const proxied = { "x-forwarded-for": "203.0.113.9" };
    expect((await plain("10.0.0.1", { ...proxied, "x-forwarded-proto": "https" })).statusCode).toBe(401);
    expect((await plain("10.0.0.1", { ...proxied, "x-forwarded-proto": "http" })).statusCode).toBe(403);
    // A page is sent to its https address; loopback and the health probe stay open.
    const page = await plain("203.0.113.9", {}, "/securite");
    expect([page.statusCode, page.headers.location]).toEqual([308, "https://localhost:80/securite"]);
    expect((await plain("127.0.0.1")).statusCode).toBe(401);
    expect((await plain("203.0.113.9", {}, "/health/live")).statusCode).toBe(200);
  });
});
