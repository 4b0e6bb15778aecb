import { type Db, namedContacts, subscriptions } from "@guichet/db";
import {
  type Contract,
  contractLanguages,
  emailOpensTickets,
  formatTarget,
  type Label,
  labelFor,
  localDateIn,
} from "@guichet/domain";
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Principal } from "../../auth/principal.js";
import type { Reader } from "../../i18n/reader.js";
import { timeZoneOf } from "../accounts/issue-link.js";
import { supportPlanOf } from "../organisations/support-plan-of.js";
import { activePortalOutage } from "./portal-outages.js";

/**
 * What the "new request" form offers the signed-in customer, from its plan: the categories in
 * scope (MCR-SUP-08), the services it may report about (DSN-SUP-01), the priority matrix with each
 * level's definition and this plan's target (MCR-SUP-05, MCR-SUP-06), and whether it may open at
 * all (MCR-SUP-04), so the portal explains before the person writes. Labels and targets read in
 * the reader's language among the contract's, else by the fallback order (issue 23, GEN-01).
 */
export async function deskForm(db: Db, contract: Contract, principal: Principal, now: Date, reader: Reader) {
  const spoken = contractLanguages(contract);
  const read = (label: Label) => labelFor(label, reader.language, spoken);
  const organisationId = principal.organisationId;
  const today = localDateIn(now, timeZoneOf(contract));
  const planKey = await supportPlanOf(db, contract, organisationId, today);
  const plan = contract.supportPlans[planKey];
  if (!plan) throw new Error(`unknown plan ${planKey}`);
  const held = await db
    .select({ item: subscriptions.catalogueItemId })
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.organisationId, organisationId),
        lte(subscriptions.startsOn, today),
        or(isNull(subscriptions.endsOn), gte(subscriptions.endsOn, today)),
      ),
    );
  const heldItems = new Set(held.map((h) => h.item));
  const [contact] = await db.select().from(namedContacts).where(eq(namedContacts.userId, principal.userId));
  const { scope } = plan;
  const services = contract.catalogue.items
    .filter((item) => item.kind !== "support-plan" && item.kind !== "option")
    .filter((item) => !scope.catalogueItems || scope.catalogueItems.includes(item.id))
    .filter((item) => !scope.subscribedItemsOnly || heldItems.has(item.id))
    .map((item) => ({ id: item.id, name: read(item.name), subscribed: heldItems.has(item.id) }));
  const outage = await activePortalOutage(db, now);
  return {
    plan: { key: planKey, name: read(plan.name) },
    canOpen: !plan.namedContacts || contact !== undefined,
    namedContactClause: plan.namedContacts?.clause ?? null,
    categories: scope.categories.map((key) => {
      const category = contract.ticketWorkflow.categories[key];
      return { key, label: category ? read(category.label) : key, slaApplies: category?.slaApplies ?? false };
    }),
    services,
    serviceRequired: scope.subscribedItemsOnly,
    scopeClause: scope.clause,
    priorities: Object.entries(contract.priorities.levels).map(([p, level]) => {
      const target = plan.sla.initialResponse?.targets[p];
      return {
        key: p,
        label: read(level.label),
        definition: read(level.definition),
        target: target ? formatTarget(target.target, reader.sla) : null,
        calendar: target?.calendar ?? null,
      };
    }),
    defaultPriority: contract.priorities.default,
    prioritiesClause: contract.priorities.clause,
    emailAccepted: emailOpensTickets(contract, planKey, outage !== null),
    portalOutage: outage,
    // DSN-SUP-03 (DSN annex 3 §1a): the address given on deposit, where the contract mails requests for information.
    contactEmailClause: contract.ticketWorkflow.emailNotifications.infoRequested ?? null,
  };
}
