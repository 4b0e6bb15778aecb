import { formatMoney, type SpecificConditions } from "@guichet/domain";
import { type Locale, t } from "../../i18n/index.js";
import type { NewConditions } from "./plan-conditions-change.js";

/** What a new version of specific conditions moves, in words: the change's text each operator reads. */
export function conditionsWords(
  itemName: string,
  before: SpecificConditions,
  after: NewConditions,
  locale: Locale,
  /** The contract's currency, the conditions' price's (issue 17). */
  currency: string,
): string {
  const parts: string[] = [];
  const moved = (key: Parameters<typeof t>[1], a: string | number, b: string | number) => {
    if (a !== b) parts.push(t(locale, key, { before: a, after: b }));
  };
  moved(
    "notice.conditions.price",
    formatMoney(before.monthlyPriceCents, locale, currency),
    formatMoney(after.monthlyPriceCents, locale, currency),
  );
  moved("notice.conditions.minimum", before.minimumMonths, after.minimumMonths);
  moved("notice.conditions.termination", before.terminationNoticeMonths, after.terminationNoticeMonths);
  moved(
    "notice.conditions.maintenance",
    before.maintenanceNoticeDays ?? "—",
    after.maintenanceNoticeDays ?? "—",
  );
  moved("notice.conditions.change", before.changeNoticeMonths ?? "—", after.changeNoticeMonths ?? "—");
  moved(
    "notice.conditions.document",
    `${before.documentTitle} ${before.documentVersion}`,
    `${after.documentTitle} ${after.documentVersion}`,
  );
  return t(locale, "notice.conditions.body", { item: itemName, terms: parts.join(" ; ") });
}
