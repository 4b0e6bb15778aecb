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

/** Stands for the previous hash while the text around it is prepared (see hashedTextAround). */
const PREV_HASH_SLOT = "@@prev-hash@@";

/**
 * The text auditEntryHash hashes, split where the previous entry's hash goes: the database joins
 * the chain's head in between and hashes it, so an entry is appended in one statement
 * (record-audit.ts). The slot is the last `"prevHash":` of the text: keys are sorted, and the keys
 * after it hold strings, in which any quote is escaped.
 */
export function hashedTextAround(fields: Omit<HashedAuditFields, "prevHash">): {
  before: string;
  after: string;
} {
  const text = canonicalJson({ ...fields, at: fields.at.toISOString(), prevHash: PREV_HASH_SLOT });
  const slot = `"prevHash":${JSON.stringify(PREV_HASH_SLOT)}`;
  const at = text.lastIndexOf(slot);
  return {
    before: `${text.slice(0, at)}"prevHash":"`,
    after: `"${text.slice(at + slot.length)}`,
  };
}
