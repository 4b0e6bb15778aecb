import type { Db } from "@guichet/db";
import { makeNamedContact } from "./desk.js";
import { createOrganisation, createUser, type TestUser } from "./factories.js";

/**
 * The cast of most MCR desk tests: the provider with a support agent (second factor enrolled), and a
 * Premium customer whose administrator is a named contact, so it may open tickets (MCR-SUP-04).
 */
export async function premiumDesk(
  db: Db,
): Promise<{ agent: TestUser; premiumId: string; premiumAdmin: TestUser }> {
  const provider = await createOrganisation(db, "provider");
  const agent = await createUser(db, provider.id, ["support_agent"], { totp: true });
  const premium = await createOrganisation(db, "customer", [{ item: "support-premium", from: "2026-01-01" }]);
  const premiumAdmin = await createUser(db, premium.id, ["customer_admin"]);
  await makeNamedContact(db, premium.id, premiumAdmin.id);
  return { agent, premiumId: premium.id, premiumAdmin };
}
