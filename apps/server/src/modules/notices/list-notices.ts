import {
  type ChangeNotice,
  type ContractChange,
  changeNotices,
  contractChanges,
  type Db,
  subscriptions,
  terminations,
} from "@guichet/db";
import { type Contract, heldDuring, type PriceTerms, priceDirection } from "@guichet/domain";
import { desc, eq, sql } from "drizzle-orm";
import type { PriceMove } from "./change-targets.js";

/** A subscription the customer may terminate without penalty on a harmful change (DSN 10.2). */
export interface TerminableService {
  subscriptionId: string;
  catalogueItemId: string;
  name: string;
}

export interface NoticeView {
  notice: ChangeNotice;
  change: ContractChange;
  /** The prices that move for this customer, with what they were and become. */
  prices: { priceKey: string; label: string; before: PriceTerms; after: PriceTerms }[];
  /** Open until the change's date included; empty otherwise. */
  terminable: TerminableService[];
  /** The termination recorded on this change, if any. */
  terminatedOn: string | null;
}

/** The prices of a change that rise for a customer: the services its harmful-change right covers. */
export function risingKeys(
  change: ContractChange,
  notice: Pick<ChangeNotice, "priceKeys" | "harmfulTermination">,
): string[] {
  // A new version of an e-service's specific conditions harmful to this customer (DSN 10.2): that e-service.
  if (change.kind === "specific-conditions") return notice.harmfulTermination ? notice.priceKeys : [];
  return (change.prices as PriceMove[])
    .filter((m) => notice.priceKeys.includes(m.priceKey) && priceDirection(m.before, m.after) === "increase")
    .map((m) => m.priceKey);
}

/** The subscriptions a harmful change lets the customer terminate today (DSN 10.2, DSN-BIL-02). */
export async function terminableServices(
  db: Db,
  contract: Contract,
  change: ContractChange,
  notice: ChangeNotice,
  today: string,
): Promise<TerminableService[]> {
  if (!notice.harmfulTermination || today > change.effectiveFrom) return [];
  const keys = risingKeys(change, notice);
  if (keys.length === 0) return [];
  const held = await db
    .select()
    .from(subscriptions)
    .where(eq(subscriptions.organisationId, notice.organisationId));
  return held
    .filter(
      (s) => keys.includes(s.catalogueItemId) && heldDuring(s, change.effectiveFrom, change.effectiveFrom),
    )
    .map((s) => ({
      subscriptionId: s.id,
      catalogueItemId: s.catalogueItemId,
      name: contract.catalogue.items.find((i) => i.id === s.catalogueItemId)?.name.fr ?? s.catalogueItemId,
    }));
}

/** A customer's notices, the latest first, each with its change (issue 18: the durable copy in the portal). */
export async function listNotices(
  db: Db,
  contract: Contract,
  organisationId: string,
  today: string,
): Promise<NoticeView[]> {
  const rows = await db
    .select({ notice: changeNotices, change: contractChanges })
    .from(changeNotices)
    .innerJoin(contractChanges, eq(contractChanges.id, changeNotices.changeId))
    .where(eq(changeNotices.organisationId, organisationId))
    .orderBy(desc(changeNotices.madeAvailableAt));
  const ended = await db
    .select({
      changeId: sql<string>`${terminations.reason}->>'changeId'`,
      effectiveDate: terminations.effectiveDate,
    })
    .from(terminations)
    .where(eq(terminations.organisationId, organisationId));
  const views: NoticeView[] = [];
  for (const { notice, change } of rows) {
    views.push({
      notice,
      change,
      prices: (change.prices as PriceMove[]).filter((m) => notice.priceKeys.includes(m.priceKey)),
      terminable: await terminableServices(db, contract, change, notice, today),
      terminatedOn: ended.find((e) => e.changeId === change.id)?.effectiveDate ?? null,
    });
  }
  return views;
}
