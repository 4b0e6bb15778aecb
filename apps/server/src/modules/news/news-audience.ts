import { type Db, namedContacts, organisations, subscriptions, users } from "@guichet/db";
import { heldDuring } from "@guichet/domain";
import { and, arrayOverlaps, asc, eq, inArray } from "drizzle-orm";

/** A customer a news item reaches. */
export interface NewsRecipient {
  organisationId: string;
  name: string;
}

/**
 * The customers a news item reaches on its day: every customer, or those holding the service
 * (a subscription running that day, heldDuring).
 */
export async function newsAudience(
  db: Db,
  catalogueItemId: string | null,
  today: string,
): Promise<NewsRecipient[]> {
  const customers = await db
    .select({ organisationId: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "customer"))
    .orderBy(asc(organisations.name));
  if (catalogueItemId === null) return customers;
  const held = await db
    .select({
      organisationId: subscriptions.organisationId,
      startsOn: subscriptions.startsOn,
      endsOn: subscriptions.endsOn,
    })
    .from(subscriptions)
    .where(eq(subscriptions.catalogueItemId, catalogueItemId));
  const holders = new Set(held.filter((s) => heldDuring(s, today, today)).map((s) => s.organisationId));
  return customers.filter((c) => holders.has(c.organisationId));
}

/**
 * Who an incident's mail goes to in one customer (MCR 8.2.4): its named contacts with an active
 * identifier ("les seuls points de contacts utilisés pour informer le Client de tout Incident"), or
 * its administrators where the contract says so.
 */
export async function incidentMailPeople(
  db: Db,
  organisationId: string,
  to: "named-contacts" | "administrators",
) {
  const person = { email: users.email, firstName: users.firstName, locale: users.locale };
  if (to === "named-contacts")
    return db
      .select(person)
      .from(namedContacts)
      .innerJoin(users, eq(users.id, namedContacts.userId))
      .where(and(eq(namedContacts.organisationId, organisationId), eq(users.status, "active")))
      .orderBy(asc(users.email));
  return db
    .select(person)
    .from(users)
    .where(
      and(
        inArray(users.organisationId, [organisationId]),
        eq(users.status, "active"),
        arrayOverlaps(users.roles, ["customer_admin"]),
      ),
    )
    .orderBy(asc(users.email));
}
