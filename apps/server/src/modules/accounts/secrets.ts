import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Random secrets handed to people or machines (session cookies, invitation links, API tokens).
 * Only their SHA-256 is stored: the secret is high-entropy, so a fast hash is enough and a
 * stolen database yields nothing usable.
 */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Constant-time comparison of two strings (CSRF tokens). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
