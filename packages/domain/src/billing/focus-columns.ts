import { CHARGE_CATEGORIES, CHARGE_CLASSES, CHARGE_FREQUENCIES } from "./focus-values.js";

/**
 * The FOCUS 1.0–1.3 column rules that matter for billing (MCR-BIL-01, MCR-BIL-02): a file missing
 * one of these columns, or with a value these rules refuse, is refused whole. Other FOCUS columns
 * are kept as they come, for the customer's detailed billing.
 *
 * The vendor is ServiceProviderName (FOCUS 1.3), else ProviderName (1.0–1.2, deprecated in 1.3).
 * Timestamps are UTC (FOCUS requires it): "2024-09-01 00:00:00" without a zone is read as UTC.
 */
export type FocusCheck =
  | { kind: "amount" }
  | { kind: "timestamp" }
  | { kind: "currency" }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "text" };

export interface FocusColumnRule {
  column: string;
  check: FocusCheck;
  /** FOCUS allows null here. */
  nullable: boolean;
}

/** At most 20 digits before the point and 18 after: DECIMAL(38,18), FOCUS's decimals at full precision. */
export const AMOUNT_SCALE = 18;

export const FOCUS_BILLING_COLUMNS: readonly FocusColumnRule[] = [
  { column: "BilledCost", check: { kind: "amount" }, nullable: false },
  { column: "ListCost", check: { kind: "amount" }, nullable: false },
  { column: "EffectiveCost", check: { kind: "amount" }, nullable: false },
  { column: "BillingCurrency", check: { kind: "currency" }, nullable: false },
  { column: "BillingAccountId", check: { kind: "text" }, nullable: false },
  { column: "BillingPeriodStart", check: { kind: "timestamp" }, nullable: false },
  { column: "BillingPeriodEnd", check: { kind: "timestamp" }, nullable: false },
  { column: "ChargePeriodStart", check: { kind: "timestamp" }, nullable: false },
  { column: "ChargePeriodEnd", check: { kind: "timestamp" }, nullable: false },
  { column: "ChargeCategory", check: { kind: "oneOf", values: CHARGE_CATEGORIES }, nullable: false },
  { column: "ChargeFrequency", check: { kind: "oneOf", values: CHARGE_FREQUENCIES }, nullable: false },
  { column: "ChargeClass", check: { kind: "oneOf", values: CHARGE_CLASSES }, nullable: true },
  { column: "ServiceName", check: { kind: "text" }, nullable: false },
];

/** Optional columns billing reads when present (the sub-account matches customers; the region is a dimension). */
export const FOCUS_OPTIONAL_COLUMNS = ["SubAccountId", "RegionId", "RegionName"] as const;

/** The vendor's column, newest first: one of them is required. */
export const FOCUS_VENDOR_COLUMNS = ["ServiceProviderName", "ProviderName"] as const;

/**
 * Rules between columns of a line, each reported on the column named. A charge period outside its
 * billing period is allowed: vendors bill late usage in the next period (the FinOps sample has an
 * Oracle hour of 30 September in October's period).
 */
export const FOCUS_LINE_RULES = [
  { column: "BillingPeriodEnd", rule: "billingPeriodOrder" },
  { column: "ChargePeriodEnd", rule: "chargePeriodOrder" },
] as const;

/** Why a value is refused: a key the server's messages put in words (billing.focus.<key>). */
export type FocusRefusalReason =
  | "missing"
  | "amount"
  | "tooPrecise"
  | "timestamp"
  | "currency"
  | "oneOf"
  | "text"
  | (typeof FOCUS_LINE_RULES)[number]["rule"];
