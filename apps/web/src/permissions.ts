import { RIGHTS } from "./api/enums";
import type { ContractSummary, Me, Right } from "./api/types";
import { clausesOf } from "./clauses";
import type { DeskWords } from "./desk/vocabulary";

/**
 * What the portal offers each person: the rights the server answers with the person
 * (`GET /api/auth/me` `rights`, computed by its own policies in apps/server/src/policies/rights.ts),
 * never a second copy of the rules (issue 14). The server decides in the end; the portal only
 * avoids showing what would be refused, and offers all the person may use, e.g. a support agent
 * invited into a tenant (MCR-ACC-05, MCR 8.4) its costs, budgets and quotas.
 */
export const can = Object.fromEntries(
  RIGHTS.map((right) => [right, (me: Me) => me.rights.includes(right)]),
) as { [R in Right]: (me: Me) => boolean };

/**
 * Provider staff in their own space (choosing among customers), not an agent acting in a
 * customer's tenant, whose pages are about that customer.
 */
export const staffSpace = (me: Me) => me.organisationKind === "provider" && !me.acting;

/** Customers are shown maintenance only where the contract announces it (DSN-SUP-07; none in MCR). */
export const maintenanceSection = (me: Me, contract: ContractSummary | undefined) =>
  can.planMaintenance(me) ||
  (can.followMaintenance(me) && Boolean(contract && clausesOf(contract).maintenance));

/**
 * Coûts and Budgets: a customer's own cloud consumption, only where the contract sells it (the
 * contract's cloud items at vendor price lists, rules.cloudConsumption), never by the deployment.
 */
export const costsSection = (me: Me, contract: ContractSummary | undefined) =>
  can.viewOwnCosts(me) && Boolean(contract && clausesOf(contract).cloudConsumption);

/** Where a person lands after signing in. */
export function landingPath(me: Me): string {
  if (can.manageRights(me)) return "/droits";
  if (can.followRequests(me)) return "/demandes";
  if (can.listOrganisations(me)) return "/organisations";
  return "/";
}

/**
 * The portal's sections after the home page, each with the rule that shows it (some depend on
 * the contract too). The desk's labels take the deployment's vocabulary ("Demandes" or
 * "Signalisations", desk/vocabulary.ts).
 */
export const SECTIONS = [
  {
    to: "/demandes",
    label: (words: DeskWords) => `deskWords.${words}.nav` as const,
    allowed: can.followRequests,
  },
  { to: "/aide", label: () => "nav.help" as const, allowed: can.followRequests },
  { to: "/file", label: () => "nav.queue" as const, allowed: can.workQueue },
  { to: "/maintenance", label: () => "nav.maintenance" as const, allowed: maintenanceSection },
  { to: "/rapport-sla", label: () => "nav.slaReport" as const, allowed: can.viewSlaReport },
  { to: "/abonnements", label: () => "nav.commitments" as const, allowed: can.viewCommitments },
  { to: "/factures", label: () => "nav.invoices" as const, allowed: can.viewInvoices },
  { to: "/couts", label: () => "nav.costs" as const, allowed: costsSection },
  { to: "/budgets", label: () => "nav.budgets" as const, allowed: costsSection },
  { to: "/commandes", label: () => "nav.orders" as const, allowed: can.viewOrders },
  { to: "/documents", label: () => "nav.documents" as const, allowed: can.viewOrders },
  { to: "/avis", label: () => "nav.notices" as const, allowed: can.readNotices },
  {
    to: "/actualites",
    label: () => "nav.news" as const,
    allowed: (me: Me) => can.readNews(me) || can.followNews(me),
  },
  { to: "/changements", label: () => "nav.changes" as const, allowed: can.announceChanges },
  {
    to: "/securite",
    label: () => "nav.security" as const,
    // Only where the contract has the security annex (DSN annex 2; none in MCR).
    allowed: (me: Me, contract: ContractSummary | undefined) =>
      can.viewSecurity(me) && Boolean(contract?.rules.securityAnnex),
  },
  {
    to: "/droits",
    label: () => "nav.rights" as const,
    allowed: (me: Me) => can.manageRights(me) || can.viewPeople(me),
  },
  { to: "/organisations", label: () => "nav.organisations" as const, allowed: can.listOrganisations },
  { to: "/clients", label: () => "nav.customers" as const, allowed: can.createCustomers },
  { to: "/equipe", label: () => "nav.staff" as const, allowed: can.manageStaff },
  {
    to: "/journal",
    label: () => "nav.audit" as const,
    allowed: (me: Me) => can.searchAudit(me) || can.downloadOwnAuditChain(me),
  },
  { to: "/courriels", label: () => "nav.outbox" as const, allowed: can.viewOutbox },
  {
    to: "/assistance",
    label: () => "nav.assistance" as const,
    // Only where the contract lets customers invite support into their tenant (MCR-ACC-05).
    allowed: (me: Me, contract: ContractSummary | undefined) =>
      can.useSupportAccess(me) && Boolean(contract?.rules.supportGrants),
  },
] as const;

export function sectionsFor(me: Me, contract: ContractSummary | undefined) {
  return SECTIONS.filter((section) => section.allowed(me, contract));
}
