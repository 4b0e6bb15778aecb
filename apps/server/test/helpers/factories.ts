import { type Db, organisations, subscriptions, users } from "@guichet/db";
import type { Role } from "@guichet/domain";
import { hashPassword } from "../../src/modules/accounts/passwords.js";
import { newTotpSecret } from "../../src/modules/accounts/totp.js";

/** A password strong enough for every shipped contract's minimum. */
export const STRONG_PASSWORD = "Vélo rouge sur le quai de Niort, 1987 !";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createOrganisation(
  db: Db,
  kind: "provider" | "customer",
  holds: { item: string; from: string }[] = [],
): Promise<{ id: string; name: string }> {
  const slug = `org-${unique()}`;
  const [organisation] = await db
    .insert(organisations)
    .values({ kind, slug, name: `Organisation ${slug}` })
    .returning({ id: organisations.id, name: organisations.name });
  if (!organisation) throw new Error("no organisation");
  if (holds.length > 0) {
    await db
      .insert(subscriptions)
      .values(
        holds.map((h) => ({ organisationId: organisation.id, catalogueItemId: h.item, startsOn: h.from })),
      );
  }
  return organisation;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** An active person with a password; provider staff get an enrolled TOTP second factor. */
export async function createUser(
  db: Db,
  organisationId: string,
  roles: Role[],
  options: { totp?: boolean; canInvite?: boolean } = {},
): Promise<TestUser> {
  const email = `person-${unique()}@example.fr`;
  const totpSecret = options.totp ? newTotpSecret() : null;
  const [user] = await db
    .insert(users)
    .values({
      organisationId,
      email,
      firstName: "Camille",
      lastName: `Martin ${unique()}`,
      roles,
      canInvite: options.canInvite ?? false,
      status: "active",
      passwordHash: await hashPassword(STRONG_PASSWORD),
      totpSecret,
    })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  return { id: user.id, email, password: STRONG_PASSWORD, totpSecret };
}
