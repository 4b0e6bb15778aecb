import { createHash } from "node:crypto";

/** The hash an empty trail starts from. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an entry that its hash covers: everything but the sequence number and the hash. */
export interface HashedAuditFields {
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  actorOrganisationId: string | null;
  organisationId: string | null;
  grantId: string | null;
  via: string;
  apiTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "failure";
  data: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  prevHash: string;
}

/** JSON with keys sorted at every level, so a value read back from jsonb hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditEntryHash(fields: HashedAuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest("hex");
}
