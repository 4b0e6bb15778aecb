import { type Db, rowsOf, securityContacts, users } from "@guichet/db";
import { type Contract, LANGUAGES, type Language } from "@guichet/domain";
import { and, arrayContains, eq, sql } from "drizzle-orm";

/** Someone a security mail goes to: a contact's mailbox or a person. */
export interface SecurityRecipient {
  email: string;
  firstName: string;
  /** Their language; a mailbox reads the contract's locale (the mail falls back from it, issue 23). */
  locale: Language;
}

/**
 * The provider's side of the security annex (DSN-SEC-04): the contact its staff set in the
 * portal, else the contract's security address, else its security officers (a function that
 * answers their addresses only, as an operator's tenant sees no provider staff).
 */
export async function providerSecurityRecipients(tx: Db, contract: Contract): Promise<SecurityRecipient[]> {
  const [contact] = await tx.select().from(securityContacts).where(eq(securityContacts.side, "provider"));
  if (contact) return [{ email: contact.email, firstName: contact.name, locale: contract.locale }];
  const address = contract.provider.contacts.securityEmail;
  if (address) return [{ email: address, firstName: contract.provider.name, locale: contract.locale }];
  const officers = rowsOf<{ email: string; locale: string; first_name: string }>(
    await tx.execute(sql`SELECT email, locale, first_name FROM provider_security_officers()`),
  );
  return officers.map((row) => ({
    email: row.email,
    firstName: row.first_name,
    locale: LANGUAGES.find((language) => language === row.locale) ?? contract.locale,
  }));
}

/** An operator's side: its security contact, else its active administrators. */
export async function operatorSecurityRecipients(
  tx: Db,
  contract: Contract,
  organisationId: string,
): Promise<SecurityRecipient[]> {
  const [contact] = await tx
    .select()
    .from(securityContacts)
    .where(eq(securityContacts.organisationId, organisationId));
  if (contact) return [{ email: contact.email, firstName: contact.name, locale: contract.locale }];
  const admins = await tx
    .select({ email: users.email, firstName: users.firstName, locale: users.locale })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.status, "active"),
        arrayContains(users.roles, ["customer_admin"]),
      ),
    );
  return admins;
}
