import { type Db, vendorAccounts, wholesaleContracts } from "@guichet/db";
import { addMonths, type Contract, localDateIn } from "@guichet/domain";
import { timeZoneOf } from "../modules/accounts/issue-link.js";
import { systemActor } from "../modules/audit/record-audit.js";
import { submitOrder } from "../modules/orders/submit-order.js";
import { subscriptionsInForce } from "../modules/subscriptions/in-force.js";
import { recordTermination } from "../modules/subscriptions/record-termination.js";
import { requestPlanChange } from "../modules/subscriptions/request-plan-change.js";
import { DEMO_DATA } from "./demo-data.js";

const DEMO_ACTOR = systemActor("demo data");

/**
 * Issue 16's demo: customers in each state of the commercial life cycle, each reached through the
 * product's own use cases. MCR: vendor accounts with console links for every cloud held (made-up
 * ids), Garage Martin's first order waiting for the provider, Atelier Lumière's plan change to
 * come, Menuiserie Blanchard terminated. DSN: the wholesale contracts each operator holds
 * (DSN-ORD-01), Niort Connect's order form to sign, Atlantique Opérateur's contract terminated by a
 * letter received four months ago.
 */
export async function seedOrdersDemo(
  tx: Db,
  contract: Contract,
  bySlug: Map<string, string>,
  people: Map<string, string>,
  now: Date,
): Promise<void> {
  const data = DEMO_DATA[contract.id];
  if (!data) return;
  const id = (slug: string) => bySlug.get(slug) ?? "";
  const context = { contract, database: { db: tx } };
  const today = localDateIn(now, timeZoneOf(contract));
  const order = async (slug: string, email: string, catalogueItemId: string) => {
    const item = contract.catalogue.items.find((i) => i.id === catalogueItemId);
    const ordered = await submitOrder(
      context,
      DEMO_ACTOR,
      {
        organisationId: id(slug),
        catalogueItemId,
        idempotencyKey: `demo-${slug}-${catalogueItemId}`,
        ...(item?.vendor ? { vendorTerms: { accepted: true, url: item.vendor.termsUrl } } : {}),
        orderedBy: { userId: people.get(email) ?? "", name: email },
      },
      now,
    );
    if (!ordered.ok) throw new Error(`demo order of ${slug}: ${ordered.reason}`);
  };
  const terminate = async (slug: string, noticeReceived: string, effectiveDate?: string) => {
    const ended = await recordTermination(
      tx,
      contract,
      DEMO_ACTOR,
      {
        organisationId: id(slug),
        scope: "contract",
        noticeReceived,
        ...(effectiveDate ? { effectiveDate } : {}),
      },
      now,
    );
    if (!ended.ok) throw new Error(`demo termination of ${slug}: ${JSON.stringify(ended)}`);
  };
  if (contract.catalogue.ordering?.requires === "accepted-order-form") {
    for (const customer of data.customers) {
      const held = await subscriptionsInForce(tx, contract, id(customer.slug), today);
      for (const subscription of held) {
        const item = contract.catalogue.items.find((i) => i.id === subscription.catalogueItemId);
        if (item?.kind !== "cloud") continue;
        await tx.insert(vendorAccounts).values({
          organisationId: id(customer.slug),
          catalogueItemId: item.id,
          vendorAccountId: `demo-${customer.slug}-${item.id}`,
          billingAccountId: `demo-billing-${customer.slug}`,
          consoleUrl: item.vendor?.consoleUrl ?? "",
          subscriptionId: subscription.subscriptionId,
          createdAt: now,
        });
      }
    }
    await order("garage-martin", "dirigeant@garage-martin.demo", "azure");
    const change = await requestPlanChange(
      tx,
      contract,
      DEMO_ACTOR,
      { organisationId: id("atelier-lumiere"), to: "standard" },
      now,
    );
    if (change.decision !== "accepted") throw new Error(`demo plan change: ${change.clause}`);
    await terminate("menuiserie-blanchard", today, today);
    return;
  }
  const wholesale = [
    {
      slug: "fibre-poitou",
      title: "Offre Accès FTTE",
      reference: "DEMO-FTTE-2025",
      allows: ["eligibilite-ftte", "e-sav"],
    },
    {
      slug: "niort-connect",
      title: "Offre d'accès FTTH",
      reference: "DEMO-FTTH-2025",
      allows: ["e-rdv-grand-public", "e-mutation-fibre", "tao", "e-sav"],
    },
    {
      slug: "atlantique-operateur",
      title: "Offre d'accès FTTH",
      reference: "DEMO-FTTH-2024",
      allows: ["eep", "tao", "e-sav"],
    },
  ];
  for (const held of wholesale) {
    await tx.insert(wholesaleContracts).values({
      organisationId: id(held.slug),
      title: `${held.title} (démonstration)`,
      reference: held.reference,
      allowsItems: held.allows,
      signedOn: "2025-01-01",
      recordedAt: now,
    });
  }
  await order("niort-connect", "admin@niort-connect.demo", "tao");
  await terminate("atlantique-operateur", addMonths(today, -4));
}
