import { type Db, outbox, users } from "@guichet/db";
import type { Language } from "@guichet/domain";
import { and, eq } from "drizzle-orm";
import { createCustomerWithAdmin } from "./factories.js";

/** The mails of one kind queued for an address: what a reader in some language was sent (issue 23). */
export function mailsTo(db: Db, email: string, kind: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)));
}

/** A customer holding `plan` from 2026-01-01, its administrator stored reading `language`. */
export async function createCustomerReading(db: Db, plan: string, language: Language) {
  const { customerId, admin } = await createCustomerWithAdmin(db, [{ item: plan, from: "2026-01-01" }]);
  await db.update(users).set({ locale: language }).where(eq(users.id, admin.id));
  return { organisationId: customerId, admin };
}
