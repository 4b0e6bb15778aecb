import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  auditEntryHash,
  canonicalJson,
  GENESIS_HASH,
  type HashedAuditFields,
  hashedTextAround,
} from "./audit-hash.js";

const entry: HashedAuditFields = {
  at: new Date("2026-03-03T09:30:00.000Z"),
  actorUserId: "8b0c6f0e-0000-4000-8000-000000000001",
  actorLabel: "Camille Martin <camille@example.fr>",
  actorOrganisationId: null,
  organisationId: null,
  grantId: null,
  via: "session",
  apiTokenId: null,
  action: "user.invite",
  targetType: "user",
  targetId: "42",
  outcome: "success",
  data: { email: "a@example.fr", roles: ["user"] },
  ip: "127.0.0.1",
  userAgent: "test",
  requestId: "r-1",
  prevHash: GENESIS_HASH,
};

describe("audit hash chain", () => {
  it("does not depend on key order (jsonb reorders keys)", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(
      canonicalJson({ when: new Date("2026-03-03T09:30:00.000Z"), gone: undefined, list: [undefined] }),
    ).toBe('{"list":[null],"when":"2026-03-03T09:30:00.000Z"}');
    const reordered = { ...entry, data: { roles: ["user"], email: "a@example.fr" } };
    expect(auditEntryHash(reordered)).toBe(auditEntryHash(entry));
  });

  it("changes when any covered field or the previous hash changes", () => {
    const base = auditEntryHash(entry);
    expect(auditEntryHash({ ...entry, actorLabel: "Someone else" })).not.toBe(base);
    expect(auditEntryHash({ ...entry, data: { email: "b@example.fr", roles: ["user"] } })).not.toBe(base);
    expect(auditEntryHash({ ...entry, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(auditEntryHash({ ...entry, at: new Date("2026-03-03T09:30:00.001Z") })).not.toBe(base);
  });

  it("hashes the same when the database joins the previous hash into the text around it", () => {
    const prevHash = "ab".repeat(32);
    // Even with the slot's key inside the data and in a string after it.
    const tricky = {
      ...entry,
      data: { prevHash: "x", note: '"prevHash":"@@prev-hash@@"' },
      userAgent: '"prevHash":"@@prev-hash@@"',
    };
    for (const fields of [entry, tricky]) {
      const { before, after } = hashedTextAround(fields);
      const joined = createHash("sha256").update(`${before}${prevHash}${after}`).digest("hex");
      expect(joined).toBe(auditEntryHash({ ...fields, prevHash }));
    }
  });
});
