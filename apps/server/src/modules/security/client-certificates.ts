import { X509Certificate } from "node:crypto";
import { type ClientCertificate, clientCertificates, type Db, users } from "@guichet/db";
import type { Role } from "@guichet/domain";
import { and, desc, eq, isNull } from "drizzle-orm";
import { type AuditActor, recordAudit } from "../audit/record-audit.js";

/**
 * Client certificates of the integrated mode (DSN-SEC-03, DSN art. 1 "Certificat
 * d'Authentification"): the provider registers an operator machine's certificate, by its PEM or
 * its SHA-256 fingerprint; a request over TLS presenting it acts as the operator with its roles,
 * answerable to the person named (DSN-SEC-01), as an API token does (auth/authenticate.ts).
 */
export type CertificateRefusal =
  | { refused: "unreadable" }
  | { refused: "expired"; notAfter: Date }
  | { refused: "known"; fingerprint: string }
  | { refused: "owner" };

/** "ab:cd…", "ABCD…" or "AB CD…" as Node's fingerprint256 writes it: upper-case pairs joined by colons. */
export function normalisedFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:]/g, "").toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined;
  return hex.match(/../g)?.join(":");
}

function certificateFacts(
  input: { certificatePem?: string; fingerprint256?: string },
  now: Date,
): { fingerprint256: string; subject: string | null; notAfter: Date | null } | CertificateRefusal {
  if (input.certificatePem) {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(input.certificatePem);
    } catch {
      return { refused: "unreadable" };
    }
    const notAfter = new Date(certificate.validTo);
    if (notAfter.getTime() <= now.getTime()) return { refused: "expired", notAfter };
    return { fingerprint256: certificate.fingerprint256, subject: certificate.subject, notAfter };
  }
  const fingerprint = normalisedFingerprint(input.fingerprint256 ?? "");
  return fingerprint
    ? { fingerprint256: fingerprint, subject: null, notAfter: null }
    : { refused: "unreadable" };
}

export async function registerClientCertificate(
  tx: Db,
  actor: AuditActor & { userId: string },
  input: {
    organisationId: string;
    name: string;
    ownerUserId: string;
    roles: Role[];
    certificatePem?: string;
    fingerprint256?: string;
    clause: string;
  },
  now: Date,
): Promise<{ certificate: ClientCertificate } | CertificateRefusal> {
  const facts = certificateFacts(input, now);
  if ("refused" in facts) return facts;
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, input.ownerUserId),
        eq(users.organisationId, input.organisationId),
        eq(users.status, "active"),
      ),
    );
  if (!owner) return { refused: "owner" };
  const [known] = await tx
    .select({ id: clientCertificates.id })
    .from(clientCertificates)
    .where(
      and(eq(clientCertificates.fingerprint256, facts.fingerprint256), isNull(clientCertificates.revokedAt)),
    );
  if (known) return { refused: "known", fingerprint: facts.fingerprint256 };
  const [certificate] = await tx
    .insert(clientCertificates)
    .values({
      organisationId: input.organisationId,
      ownerUserId: owner.id,
      name: input.name,
      ...facts,
      roles: input.roles,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning();
  if (!certificate) throw new Error("insert returned no row");
  await recordAudit(
    tx,
    actor,
    {
      action: "client_certificate.registered",
      organisationId: input.organisationId,
      targetType: "client_certificate",
      targetId: certificate.id,
      data: {
        name: input.name,
        fingerprint256: facts.fingerprint256,
        roles: input.roles,
        clause: input.clause,
      },
    },
    now,
  );
  return { certificate };
}

/** A certificate and where its owner stands now, which bounds the roles it acts with. */
export interface ListedCertificate {
  certificate: ClientCertificate;
  owner: { active: boolean; roles: Role[] };
}

/** An organisation's certificates, newest first; one of them only when `certificateId` is given. */
export async function listClientCertificates(
  tx: Db,
  organisationId: string,
  certificateId?: string,
): Promise<ListedCertificate[]> {
  const rows = await tx
    .select({ certificate: clientCertificates, status: users.status, roles: users.roles })
    .from(clientCertificates)
    .innerJoin(users, eq(users.id, clientCertificates.ownerUserId))
    .where(
      and(
        eq(clientCertificates.organisationId, organisationId),
        certificateId === undefined ? undefined : eq(clientCertificates.id, certificateId),
      ),
    )
    .orderBy(desc(clientCertificates.createdAt));
  return rows.map(({ certificate, status, roles }) => ({
    certificate,
    owner: { active: status === "active", roles: roles as Role[] },
  }));
}

/** Revoked at once: the next request presenting it is refused. Revoking again changes nothing. */
export async function revokeClientCertificate(
  tx: Db,
  actor: AuditActor,
  input: { organisationId: string; certificateId: string; clause: string },
  now: Date,
): Promise<ClientCertificate | "not_found"> {
  const where = and(
    eq(clientCertificates.id, input.certificateId),
    eq(clientCertificates.organisationId, input.organisationId),
  );
  const [revoked] = await tx
    .update(clientCertificates)
    .set({ revokedAt: now })
    .where(and(where, isNull(clientCertificates.revokedAt)))
    .returning();
  if (!revoked) {
    const [certificate] = await tx.select().from(clientCertificates).where(where);
    return certificate ?? "not_found";
  }
  await recordAudit(
    tx,
    actor,
    {
      action: "client_certificate.revoked",
      organisationId: input.organisationId,
      targetType: "client_certificate",
      targetId: revoked.id,
      data: { name: revoked.name, fingerprint256: revoked.fingerprint256, clause: input.clause },
    },
    now,
  );
  return revoked;
}
