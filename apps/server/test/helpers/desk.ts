import { type Db, namedContacts, outbox } from "@guichet/db";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createOrganisation, createUser, type TestUser } from "./factories.js";
import type { SignedIn } from "./session.js";

/** Makes a person a named contact with the details MCR-SUP-04 requires. */
export async function makeNamedContact(db: Db, organisationId: string, userId: string): Promise<void> {
  await db.insert(namedContacts).values({
    userId,
    organisationId,
    jobTitle: "Responsable exploitation",
    phone: "+33 5 49 00 00 00",
    availability: "lun.–ven. 9 h–18 h",
  });
}

export async function openTicketAs(
  app: FastifyInstance,
  session: SignedIn,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url: "/api/tickets",
    headers: { ...session.headers, ...headers },
    payload: { title: "Console inaccessible", description: "La console renvoie une erreur 503.", ...body },
  });
}

export async function act(
  app: FastifyInstance,
  session: SignedIn,
  ticketId: string,
  path: string,
  payload: object,
) {
  return app.inject({
    method: "POST",
    url: `/api/tickets/${ticketId}/${path}`,
    headers: session.headers,
    payload,
  });
}

/** The mails written about a ticket, newest first. */
export async function mailsAbout(db: Db, ticketId: string) {
  return db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(desc(outbox.createdAt));
}

/** A Premium customer (since 1 January 2026) and its administrator, a named contact (MCR-SUP-04). */
export async function premiumNamedContact(db: Db): Promise<{ organisationId: string; contact: TestUser }> {
  const { id: organisationId } = await createOrganisation(db, "customer", [
    { item: "support-premium", from: "2026-01-01" },
  ]);
  const contact = await createUser(db, organisationId, ["customer_admin"]);
  await makeNamedContact(db, organisationId, contact.id);
  return { organisationId, contact };
}
