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

/** A chain's head as an anchor records it: its last entry's sequence number and hash. */
export interface AnchoredHead {
  seq: number;
  hash: string;
}

/** The key of the genesis segment (entries before per-organisation chains) in an anchor's heads. */
export const GENESIS_CHAIN = "genesis";

/**
 * The leaf of one chain's head in an anchor: what the anchor's hash covers of it. A customer's
 * export carries the other chains' leaves only, which say nothing of them but let the anchor's
 * hash be checked.
 */
export function anchorLeaf(chain: string, head: AnchoredHead): string {
  return createHash("sha256")
    .update(canonicalJson({ chain, hash: head.hash, seq: head.seq }))
    .digest("hex");
}

/** An anchor's hash: its instant, the sorted leaves of the heads it records, the previous anchor's hash. */
export function anchorHash(anchor: { at: Date; leaves: readonly string[]; prevHash: string }): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        at: anchor.at.toISOString(),
        leaves: [...anchor.leaves].sort(),
        prevHash: anchor.prevHash,
      }),
    )
    .digest("hex");
}

/** The leaves of every head an anchor records. */
export function anchorLeaves(heads: Record<string, AnchoredHead>): string[] {
  return Object.entries(heads)
    .map(([chain, head]) => anchorLeaf(chain, head))
    .sort();
}
