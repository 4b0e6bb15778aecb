import type { Principal } from "../auth/principal.js";
import { isProviderStaff } from "./common.js";

/** The audit trail is searched by the provider's security officer (DSN-SEC-01). */
export const auditPolicy = {
  search: (p: Principal) => isProviderStaff(p, "security_officer"),
  viewOutbox: (p: Principal) => isProviderStaff(p, "admin", "security_officer"),
} as const;
