import { type Db, organisations, subscriptionPeriods, subscriptions, users } from "@guichet/db";
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
  holds: {
    item: string;
    from: string;
    tenancy?: "single" | "multi";
    monthlyPriceCents?: number;
    minimumMonths?: number;
    noticeMonths?: number;
  }[] = [],
): Promise<{ id: string; name: string }> {
  const slug = `org-${unique()}`;
  const [organisation] = await db
    .insert(organisations)
    .values({ kind, slug, name: `Organisation ${slug}` })
    .returning({ id: organisations.id, name: organisations.name });
  if (!organisation) throw new Error("no organisation");
  for (const h of holds) {
    // A subscription and the first period of its history (issue 16), as startSubscription writes them.
    const [held] = await db
      .insert(subscriptions)
      .values({ organisationId: organisation.id, catalogueItemId: h.item, startsOn: h.from })
      .returning({ id: subscriptions.id });
    await db.insert(subscriptionPeriods).values({
      subscriptionId: (held as { id: string }).id,
      organisationId: organisation.id,
      effectiveFrom: h.from,
      // null: the catalogue item's plan (a support-plan item), as for rows older than the history.
      plan: null,
      tenancy: h.tenancy ?? null,
      monthlyPriceCents: h.monthlyPriceCents ?? null,
      minimumMonths: h.minimumMonths ?? null,
      noticeMonths: h.noticeMonths ?? null,
      status: "active",
      cause: "started",
      clause: "GEN-01",
    });
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

/** A customer holding `holds`, and its administrator. */
export async function createCustomerWithAdmin(
  db: Db,
  holds: { item: string; from: string }[] = [],
): Promise<{ customerId: string; admin: TestUser }> {
  const customerId = (await createOrganisation(db, "customer", holds)).id;
  return { customerId, admin: await createUser(db, customerId, ["customer_admin"]) };
}
