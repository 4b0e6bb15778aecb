import type { Me, Role } from "./api/types";

/**
 * What the portal offers each person. These mirror the server's policies
 * (apps/server/src/policies/organisation-policy.ts, audit-policy.ts), which decide in the end:
 * the portal only avoids showing what would be refused.
 */
const has = (me: Me, ...roles: Role[]) => me.roles.some((role) => roles.includes(role));
const providerStaff = (me: Me, ...roles: Role[]) =>
  me.organisationKind === "provider" && !me.acting && has(me, ...roles);

export const can = {
  manageRights: (me: Me) => me.organisationKind === "customer" && has(me, "customer_admin"),
  listOrganisations: (me: Me) =>
    providerStaff(me, "admin", "account_manager", "security_officer", "support_agent"),
  inviteForCustomers: (me: Me) => providerStaff(me, "admin", "account_manager"),
  suspend: (me: Me) => providerStaff(me, "security_officer"),
  searchAudit: (me: Me) => providerStaff(me, "security_officer"),
  viewOutbox: (me: Me) => providerStaff(me, "admin", "security_officer"),
  useSupportAccess: (me: Me) => me.organisationKind === "provider" && me.via === "session",
};

/** Where a person lands after signing in. */
export function landingPath(me: Me): string {
  if (can.manageRights(me)) return "/droits";
  if (can.listOrganisations(me)) return "/organisations";
  return "/";
}

/** The portal's sections after the home page, each with the rule that shows it. */
export const SECTIONS = [
  { to: "/droits", label: "nav.rights", allowed: can.manageRights },
  { to: "/organisations", label: "nav.organisations", allowed: can.listOrganisations },
  { to: "/journal", label: "nav.audit", allowed: can.searchAudit },
  { to: "/courriels", label: "nav.outbox", allowed: can.viewOutbox },
  { to: "/assistance", label: "nav.assistance", allowed: can.useSupportAccess },
] as const;

export function sectionsFor(me: Me) {
  return SECTIONS.filter((section) => section.allowed(me));
}
