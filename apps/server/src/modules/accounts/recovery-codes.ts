import { randomInt } from "node:crypto";
import { type Db, users } from "@guichet/db";
import { and, eq, sql } from "drizzle-orm";
import { hashSecret } from "./secrets.js";

/** Ten codes, each usable once at sign-in in place of a TOTP code (issue 13). */
export const RECOVERY_CODE_COUNT = 10;

/** No 0/o, 1/l/i: a code copied from paper is read without doubt. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 16;

/**
 * Fresh recovery codes, shown once, and the hashes kept. Sixteen characters from 31 (79 bits)
 * are beyond guessing, so a fast hash is enough, as for the other secrets (secrets.ts).
 */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return chars.match(/.{4}/g)?.join("-") ?? chars;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Case, spaces and dashes do not matter: people retype these from paper. */
export function hashRecoveryCode(code: string): string {
  return hashSecret(code.toLowerCase().replace(/[\s-]/g, ""));
}

/**
 * Uses one recovery code of a person: removed in the same statement that finds it, so two
 * sign-ins racing with the same code cannot both succeed. Answers how many are left, or null
 * when the code is not one of theirs (or already used).
 */
export async function consumeRecoveryCode(db: Db, userId: string, code: string): Promise<number | null> {
  const hash = hashRecoveryCode(code);
  const [row] = await db
    .update(users)
    .set({ totpRecoveryHashes: sql`array_remove(${users.totpRecoveryHashes}, ${hash})` })
    .where(and(eq(users.id, userId), sql`${hash} = any(${users.totpRecoveryHashes})`))
    .returning({ left: users.totpRecoveryHashes });
  return row ? row.left.length : null;
}
