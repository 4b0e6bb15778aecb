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
  vatNumber: z.string().nullable(),
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
    siren: details?.siren ?? organisation.registrationNumber,
    siret: details?.siret ?? null,
    vatNumber: details?.vatNumber ?? null,
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
