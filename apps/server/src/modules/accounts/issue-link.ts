import { type Db, oneTimeTokens } from "@guichet/db";
import { addCalendarDuration, type Contract } from "@guichet/domain";
import { newSecret } from "./secrets.js";

type Executor = Pick<Db, "insert">;

/**
 * A single-use, expiring link for a person (MCR-ACC-01, DSN-ID-02): only the token's hash is
 * stored; the link itself exists only in the e-mail.
 */
export async function issueLink(
  tx: Executor,
  contract: Contract,
  publicUrl: string,
  target: { userId: string; organisationId: string; purpose: "invitation" | "password_reset" },
  now: Date,
): Promise<{ link: string; expiresAt: Date }> {
  const { secret, hash } = newSecret();
  const expiresAt = addCalendarDuration(
    now,
    contract.identifierPolicy.invitationLink.validFor,
    timeZoneOf(contract),
  );
  await tx.insert(oneTimeTokens).values({ ...target, tokenHash: hash, expiresAt, createdAt: now });
  const page = target.purpose === "invitation" ? "invitation" : "reset";
  return { link: `${publicUrl}/${page}#token=${secret}`, expiresAt };
}

/** The deployment's time zone: the one of its first calendar (Europe/Paris for both shipped contracts). */
export function timeZoneOf(contract: Contract): string {
  return Object.values(contract.calendars)[0]?.timeZone ?? "Europe/Paris";
}
