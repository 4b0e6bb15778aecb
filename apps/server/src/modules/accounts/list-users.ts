import { type Db, namedContacts, users } from "@guichet/db";
import { asc, eq } from "drizzle-orm";
import { presentUser, type UserView } from "./present-user.js";

/** The people of one organisation, named contacts with their details. */
export async function listUsers(db: Db, organisationId: string): Promise<UserView[]> {
  const rows = await db
    .select({ user: users, contact: namedContacts })
    .from(users)
    .leftJoin(namedContacts, eq(namedContacts.userId, users.id))
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return rows.map((row) => presentUser(row.user, row.contact));
}
