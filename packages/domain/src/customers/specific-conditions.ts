/**
 * "Conditions Spécifiques" of a catalogue item (DSN art. 4.2, 6, 9, 14): price, minimum
 * commitment, termination notice and maintenance notice, each version in force from its date.
 * The provider records them (table specific_conditions); the contract file only says
 * "specific-conditions". Readers — order forms, subscriptions, terminations, maintenance — ask
 * "what was in force for item X on date d" with `conditionsInForce`.
 */
export interface SpecificConditions {
  catalogueItemId: string;
  /** First civil date (Europe/Paris, YYYY-MM-DD) the version applies. */
  effectiveFrom: string;
  documentTitle: string;
  documentVersion: string;
  /** Monthly price excluding VAT, in cents. */
  monthlyPriceCents: number;
  /** Minimum commitment from the activation date, in months (0: none) (DSN-ORD-02). */
  minimumMonths: number;
  /** Notice to terminate this item alone, in months (DSN-ORD-04). */
  terminationNoticeMonths: number;
  /**
   * Notice before scheduled maintenance, in calendar days (DSN-SUP-07); null where this version
   * states none (then no notice rule is applied, and announcements say so).
   */
  maintenanceNoticeDays: number | null;
  /**
   * Notice before a change of these conditions takes effect, in months (DSN-BIL-02, DSN 10.2: "délai
   * de préavis tel que défini dans les Conditions Spécifiques"); null or absent: not defined by them.
   */
  changeNoticeMonths?: number | null;
  /** Demo values, shown as such. */
  demo: boolean;
}

/** The version in force on `date` (YYYY-MM-DD): the latest one effective on or before it, else null. */
export function conditionsInForce(
  versions: readonly SpecificConditions[],
  catalogueItemId: string,
  date: string,
): SpecificConditions | null {
  let found: SpecificConditions | null = null;
  for (const version of versions) {
    if (version.catalogueItemId !== catalogueItemId || version.effectiveFrom > date) continue;
    if (!found || version.effectiveFrom > found.effectiveFrom) found = version;
  }
  return found;
}
