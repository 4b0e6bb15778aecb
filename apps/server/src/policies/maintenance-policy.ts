import type { Principal } from "../auth/principal.js";
import { isProviderStaff } from "./common.js";

/** The provider's people who plan work on the services and run the desk. */
const operationsStaff = (p: Principal) => isProviderStaff(p, "admin", "support_agent");

/**
 * Scheduled maintenance (DSN-SUP-07) and portal outages (MCR-SUP-03, DSN-SUP-08). Announcements are
 * public knowledge to whoever is signed in; what a customer is shown is narrowed to the services
 * it holds by the use case (listMaintenance), and the database lets only the provider write them.
 */
export const maintenancePolicy = {
  view: (_p: Principal) => true,
  announce: operationsStaff,
  cancel: operationsStaff,
  declareOutage: operationsStaff,
  endOutage: operationsStaff,
} as const;

/** Provider staff signed in as themselves see every announcement; anyone else, its tenant's. */
export const seesAllMaintenance = (p: Principal) => p.organisationKind === "provider" && !p.acting;
