import type { Principal } from "../auth/principal.js";
import { inTenant, isProviderStaff } from "./common.js";

/**
 * The news page (issue 18: DSN-POR-01, MCR 8.2.4). The provider's administrators, account managers
 * (commercial news) and support agents (technical news, an incident they detected) publish; every
 * provider staff member follows the read receipts; a customer's people read their organisation's
 * news, and only a person reading as herself leaves a receipt (not staff acting in the tenant).
 */
export const newsPolicy = {
  publish: (p: Principal) => isProviderStaff(p, "admin", "account_manager", "support_agent"),
  viewAll: (p: Principal) =>
    isProviderStaff(p, "admin", "account_manager", "support_agent", "billing", "security_officer"),
  viewReceived: (p: Principal, organisationId: string) =>
    p.organisationKind === "customer" && inTenant(p, organisationId),
  read: (p: Principal, organisationId: string) =>
    p.organisationKind === "customer" && inTenant(p, organisationId) && !p.acting,
} as const;
