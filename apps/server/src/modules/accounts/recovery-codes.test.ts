import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from "./recovery-codes.js";

describe("recovery codes", () => {
  it("are distinct, readable, and only their hashes are kept", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[2-9a-z]{4}(-[2-9a-z]{4}){3}$/);
    for (const [i, code] of codes.entries()) expect(hashes[i]).toBe(hashRecoveryCode(code));
    expect(hashes.some((hash, i) => hash.includes(codes[i] ?? "?"))).toBe(false);
  });

  it("match when retyped in capitals, with spaces or without dashes", () => {
    const [code = ""] = newRecoveryCodes().codes;
    const hash = hashRecoveryCode(code);
    expect(hashRecoveryCode(code.toUpperCase())).toBe(hash);
    expect(hashRecoveryCode(code.replaceAll("-", " "))).toBe(hash);
    expect(hashRecoveryCode(code.replaceAll("-", ""))).toBe(hash);
  });
});
