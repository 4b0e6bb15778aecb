/**
 * FOCUS (FinOps Open Cost and Usage Specification) 1.0 to 1.3 allowed values of the columns
 * billing reads. They did not change between those versions.
 */
export const CHARGE_CATEGORIES = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"] as const;
export const CHARGE_FREQUENCIES = ["One-Time", "Recurring", "Usage-Based"] as const;
/** ChargeClass is null for a regular charge. */
export const CHARGE_CLASSES = ["Correction"] as const;

export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];
export type ChargeFrequency = (typeof CHARGE_FREQUENCIES)[number];
