import { customerDetails, type Db, organisations } from "@guichet/db";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";

/** A customer as the back office shows it: never more than these fields. */
export const ZCustomerView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(["active", "suspended"]),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  /** A customer established abroad: its own country's registration number (issue 17). */
  registrationNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  /**
   * What VIES said of the VAT number when it was recorded; "not_checked" is shown as such (the
   * shipped adapter makes no check), null without a number or for a number outside the EU.
   */
  vies: z.enum(["valid", "invalid", "not_checked"]).nullable().meta({ id: "ViesStatus" }),
  billing: z
    .object({
      address: z.string(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
      email: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type CustomerView = z.infer<typeof ZCustomerView>;

/** Customers with their billing details (none for those created before details were kept). */
export async function listCustomers(db: Db, onlyId?: string): Promise<CustomerView[]> {
  const rows = await db
    .select({ organisation: organisations, details: customerDetails })
    .from(organisations)
    .leftJoin(customerDetails, eq(customerDetails.organisationId, organisations.id))
    .where(and(eq(organisations.kind, "customer"), onlyId ? eq(organisations.id, onlyId) : undefined))
    .orderBy(asc(organisations.name));
  return rows.map(({ organisation, details }) => ({
    id: organisation.id,
    slug: organisation.slug,
    name: organisation.name,
    status: organisation.status,
    siren: details ? details.siren : organisation.registrationNumber,
    siret: details?.siret ?? null,
    registrationNumber: details?.registrationNumber ?? null,
    vatNumber: details?.vatNumber ?? null,
    vies: details?.viesStatus ?? null,
    billing: details
      ? {
          address: details.billingAddress,
          postalCode: details.billingPostalCode,
          city: details.billingCity,
          country: details.billingCountry,
          email: details.billingEmail,
        }
      : null,
    createdAt: organisation.createdAt.toISOString(),
  }));
}
