import { customerDetails, type Db, specificConditions } from "@guichet/db";
import { type Contract, frenchVatNumber } from "@guichet/domain";
import { DEMO_DATA, DEMO_SPECIFIC_CONDITIONS } from "./demo-data.js";

/** Billing details of a demo customer, by slug: made-up addresses in the provider's region. */
const BILLING: Record<string, { address: string; postalCode: string; city: string; email: string }> = {
  "atelier-lumiere": {
    address: "12 rue des Arts",
    postalCode: "44000",
    city: "Nantes",
    email: "compta@atelier-lumiere.demo",
  },
  "transports-garnier": {
    address: "4 route de Vannes",
    postalCode: "44800",
    city: "Saint-Herblain",
    email: "factures@transports-garnier.demo",
  },
  "biolab-nantes": {
    address: "8 quai de la Fosse",
    postalCode: "44000",
    city: "Nantes",
    email: "compta@biolab-nantes.demo",
  },
  "banque-ducasse": {
    address: "1 place Graslin",
    postalCode: "44000",
    city: "Nantes",
    email: "fournisseurs@banque-ducasse.demo",
  },
  "garage-martin": {
    address: "7 rue de la Gare",
    postalCode: "44100",
    city: "Nantes",
    email: "compta@garage-martin.demo",
  },
  "menuiserie-blanchard": {
    address: "2 impasse des Chênes",
    postalCode: "44300",
    city: "Nantes",
    email: "gestion@menuiserie-blanchard.demo",
  },
  "fibre-poitou": {
    address: "25 avenue de Limoges",
    postalCode: "79000",
    city: "Niort",
    email: "facturation@fibre-poitou.demo",
  },
  "niort-connect": {
    address: "3 rue Ricard",
    postalCode: "79000",
    city: "Niort",
    email: "compta@niort-connect.demo",
  },
  "atlantique-operateur": {
    address: "10 boulevard Main",
    postalCode: "79100",
    city: "Thouars",
    email: "ap@atlantique-operateur.demo",
  },
};

/**
 * DEMO VALUES of Conditions Spécifiques (DEMO_SPECIFIC_CONDITIONS, made up: the real ones are not
 * public) recorded as the provider would record them, flagged `demo` and titled as such, so the
 * documents list and every reader of specific conditions say so. The maintenance notice is the
 * demo's too (DSN art. 14 leaves it to the specific conditions).
 */
const DEMO_MAINTENANCE_NOTICE_DAYS = 15;
/** Demo: the notice before a change of the specific conditions takes effect (DSN 10.2), made up too. */
const DEMO_CHANGE_NOTICE_MONTHS = 1;

/** The commercial part of the demo: customers' billing details, demo specific conditions. */
export async function seedCommercialDemo(
  tx: Db,
  contract: Contract,
  bySlug: Map<string, string>,
  now: Date,
): Promise<void> {
  const data = DEMO_DATA[contract.id];
  if (!data) return;
  for (const customer of data.customers) {
    const billing = BILLING[customer.slug];
    const organisationId = bySlug.get(customer.slug);
    if (!billing || !organisationId) continue;
    await tx.insert(customerDetails).values({
      organisationId,
      siren: customer.registrationNumber,
      vatNumber: frenchVatNumber(customer.registrationNumber),
      billingAddress: billing.address,
      billingPostalCode: billing.postalCode,
      billingCity: billing.city,
      billingCountry: "FR",
      billingEmail: billing.email,
      createdAt: now,
    });
  }
  const items = new Set(contract.catalogue.items.map((i) => i.id));
  if (contract.id !== "deux-sevres-eservices") return;
  const rows = Object.entries(DEMO_SPECIFIC_CONDITIONS)
    .filter(([item]) => items.has(item))
    .map(([item, values]) => ({
      catalogueItemId: item,
      effectiveFrom: "2025-01-01",
      documentTitle: `Conditions Spécifiques ${item} — valeurs de démonstration`,
      documentVersion: "démo 2025-01",
      monthlyPriceCents: values.monthlyPriceCents,
      minimumMonths: values.minimumMonths,
      terminationNoticeMonths: values.noticeMonths,
      maintenanceNoticeDays: DEMO_MAINTENANCE_NOTICE_DAYS,
      changeNoticeMonths: DEMO_CHANGE_NOTICE_MONTHS,
      demo: true,
      createdAt: now,
    }));
  if (rows.length > 0) await tx.insert(specificConditions).values(rows);
}
