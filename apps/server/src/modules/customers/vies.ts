/**
 * VIES, the European Commission's service saying whether an intra-community VAT number is live
 * (issue 17), is the outside world: the product reaches it only through this interface. The
 * adapter shipped answers "not_checked" (no network call is made from here, and none is faked):
 * the back office then says the number was not checked with VIES, never that it is valid.
 */
export type ViesAnswer =
  | { status: "valid" | "invalid"; checkedAt: Date }
  | { status: "not_checked"; checkedAt: null };

export interface ViesChecker {
  /** `vatNumber` compact, with its state's prefix (EL for Greece); `country` ISO 3166-1 alpha-2. */
  check(vatNumber: string, country: string): Promise<ViesAnswer>;
}

export const viesNotChecked: ViesChecker = {
  check: async () => ({ status: "not_checked", checkedAt: null }),
};
