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

/**
 * JSON with keys sorted at every level, so a value read back from jsonb hashes the same. Values
 * become what JSON.stringify makes of them (a Date its ISO instant, an undefined key nothing).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value) ?? "null";
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return canonicalJson(json.call(value));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  return `{${canonicalMembers(value as Record<string, unknown>, Object.keys(value).sort()).join(",")}}`;
}

/** `"key":value` of each of these keys whose value is defined, in their order. */
function canonicalMembers(value: Record<string, unknown>, keys: readonly string[]): string[] {
  const members: string[] = [];
  for (const key of keys) {
    const member = value[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return members;
}

export function auditEntryHash(fields: HashedAuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest("hex");
}

/**
 * The text auditEntryHash hashes, split where the previous entry's hash goes: the database joins
 * the chain's head in between, hashes the text and reads the entry's fields from it, so an entry
 * is appended in one statement (record-audit.ts) and stores exactly what its hash covers.
 */
export function hashedTextAround(fields: Omit<HashedAuditFields, "prevHash">): {
  before: string;
  after: string;
} {
  const values: Record<string, unknown> = { ...fields, at: fields.at.toISOString() };
  const keys = Object.keys(values).sort();
  const members = (of: string[]) => canonicalMembers(values, of);
  const before = members(keys.filter((key) => key < "prevHash"));
  const after = members(keys.filter((key) => key > "prevHash"));
  return {
    before: `{${before.map((member) => `${member},`).join("")}"prevHash":"`,
    after: `"${after.map((member) => `,${member}`).join("")}}`,
  };
}
