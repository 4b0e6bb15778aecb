import type { Principal } from "../auth/principal.js";
import { isCustomerAdminOf } from "./common.js";
import { isDeskStaff } from "./desk-policy.js";

/** The service desk's reports (MCR-SUP-06). */
export const deskReportPolicy = {
  /** The provider's desk staff for any customer; a customer's administrator for its own organisation. */
  slaReport: (p: Principal, organisationId: string) => isDeskStaff(p) || isCustomerAdminOf(p, organisationId),
} as const;
