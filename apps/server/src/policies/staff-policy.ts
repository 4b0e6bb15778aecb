import type { Principal } from "../auth/principal.js";
import { isProviderStaff } from "./common.js";

/**
 * The provider's own staff (issue 22): its administrators invite staff with provider roles,
 * change their roles and remove them, from the back office. Nobody else touches the provider's
 * people (a customer, an account manager, an agent acting in a tenant).
 */
export const staffPolicy = {
  manage: (p: Principal) => isProviderStaff(p, "admin"),
} as const;
