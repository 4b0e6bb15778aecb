import type { ContractSummary, Me, Role } from "./api/types";
import { clausesOf } from "./clauses";
import type { DeskWords } from "./desk/vocabulary";

/**
 * What the portal offers each person. These mirror the server's policies
 * (apps/server/src/policies/organisation-policy.ts, customer-policy.ts, audit-policy.ts, desk-policy.ts, maintenance-policy.ts,
 * desk-report-policy.ts, commitment-policy.ts), which decide in the end:
 * the portal only avoids showing what would be refused.
 */
const has = (me: Me, ...roles: Role[]) => me.roles.some((role) => roles.includes(role));
const providerStaff = (me: Me, ...roles: Role[]) =>
  me.organisationKind === "provider" && !me.acting && has(me, ...roles);
/** The provider's people who work tickets (desk-policy.ts, deskStaff). */
const deskStaff = (me: Me) => providerStaff(me, "support_agent", "admin", "account_manager");

export const can = {
  manageRights: (me: Me) => me.organisationKind === "customer" && has(me, "customer_admin"),
  /** Creating and importing customers (customer-policy.ts, create). */
  createCustomers: (me: Me) => providerStaff(me, "admin", "account_manager"),
  listOrganisations: (me: Me) =>
    providerStaff(me, "admin", "account_manager", "security_officer", "support_agent"),
  inviteForCustomers: (me: Me) => providerStaff(me, "admin", "account_manager"),
  suspend: (me: Me) => providerStaff(me, "security_officer"),
  searchAudit: (me: Me) => providerStaff(me, "security_officer"),
  /** Its own organisation's audit chain, for a customer's administrator (audit-policy.ts, exportChain). */
  downloadOwnAuditChain: (me: Me) =>
    me.organisationKind === "customer" && !me.acting && has(me, "customer_admin"),
  /** The provider's team (staff-policy.ts, manage): its administrators. */
  manageStaff: (me: Me) => providerStaff(me, "admin"),
  viewOutbox: (me: Me) => providerStaff(me, "admin", "security_officer"),
  useSupportAccess: (me: Me) => me.organisationKind === "provider" && me.via === "session",
  /** The customer's requests; whether this person may open one is the contract's say (MCR-SUP-04). */
  followRequests: (me: Me) =>
    me.organisationKind === "customer" && !me.acting && has(me, "customer_admin", "named_contact", "user"),
  workQueue: deskStaff,
  /** Announcing and cancelling maintenance, declaring and ending portal outages. */
  planMaintenance: (me: Me) => providerStaff(me, "admin", "support_agent"),
  /** The maintenance of the services a customer holds: anyone in a customer's space, agents acting in one too. */
  followMaintenance: (me: Me) => me.organisationKind === "customer" || Boolean(me.acting),
  /** Desk staff for any customer; a customer's administrator for its own organisation. */
  /** A customer's plan, subscriptions and terminations (commitment-policy.ts): its people, or provider staff. */
  viewCommitments: (me: Me) =>
    me.organisationKind === "customer" ||
    providerStaff(me, "admin", "account_manager", "security_officer", "support_agent", "billing"),
  /** A plan change (MCR-SUP-02): the customer's administrator, or the provider's commercial staff for it. */
  changePlan: (me: Me) =>
    (me.organisationKind === "customer" && !me.acting && has(me, "customer_admin")) ||
    providerStaff(me, "admin", "account_manager"),
  /** Recording a termination and completing the tasks it leaves (DSN-ORD-04, MCR-ORD-02). */
  recordTermination: (me: Me) => providerStaff(me, "admin", "account_manager"),
  /** A cloud vendor's suspension or refusal of access (commitment-policy.ts, vendorStatus; MCR-ACC-06). */
  setVendorStatus: (me: Me) => providerStaff(me, "admin", "account_manager", "security_officer"),
  /** Asking for the accounts' transfer once terminated (commitment-policy.ts, requestTransfer; MCR-ORD-03). */
  requestTransfer: (me: Me) => me.organisationKind === "customer" && !me.acting && has(me, "customer_admin"),
  /** Invoices and the month's simulation (billing-policy.ts, viewCosts): a customer's administrators and billing readers, billing staff. */
  viewInvoices: (me: Me) =>
    (me.organisationKind === "customer" && has(me, "customer_admin", "billing_reader")) ||
    providerStaff(me, "admin", "billing", "account_manager"),
  /** A customer's own costs: the explorer and budgets (billing-policy.ts, viewCosts). */
  viewOwnCosts: (me: Me) => me.organisationKind === "customer" && has(me, "customer_admin", "billing_reader"),
  /** Budgets are set by the customer's administrators (billing-policy.ts, manageBudgets). */
  manageBudgets: (me: Me) => me.organisationKind === "customer" && has(me, "customer_admin"),
  /** The month's invoice run (billing-policy.ts, issueInvoices). */
  runInvoices: (me: Me) => providerStaff(me, "admin", "billing"),
  /** Orders, vendor accounts and documents (order-policy.ts, view): a customer's people, or provider staff. */
  /** A customer's notices of changes (notice-policy.ts, viewNotices): its people in their own space. */
  readNotices: (me: Me) => me.organisationKind === "customer" && !me.acting,
  /** The customer's signature of a new version, its termination on a harmful change (notice-policy.ts). */
  answerNotices: (me: Me) => me.organisationKind === "customer" && !me.acting && has(me, "customer_admin"),
  /** A customer's news (news-policy.ts, viewReceived): its people. */
  readNews: (me: Me) => me.organisationKind === "customer",
  /** Every news item with its read receipts (news-policy.ts, viewAll). */
  followNews: (me: Me) =>
    providerStaff(me, "admin", "account_manager", "support_agent", "billing", "security_officer"),
  /** Publishing news (news-policy.ts, publish). */
  publishNews: (me: Me) => providerStaff(me, "admin", "account_manager", "support_agent"),
  /** Announcing a change with notice (notice-policy.ts, announce). */
  announceChanges: (me: Me) => providerStaff(me, "admin", "account_manager"),
  viewOrders: (me: Me) =>
    me.organisationKind === "customer" ||
    providerStaff(me, "admin", "account_manager", "billing", "support_agent"),
  /** Ordering (order-policy.ts, order): the customer's administrator, or commercial staff for it. */
  order: (me: Me) =>
    (me.organisationKind === "customer" && !me.acting && has(me, "customer_admin")) ||
    providerStaff(me, "admin", "account_manager"),
  /** Signing an order form in the portal (order-policy.ts, sign): a person of the operator with the right. */
  signOrder: (me: Me) =>
    me.organisationKind === "customer" && !me.acting && me.via === "session" && has(me, "customer_admin"),
  /** Asking for a higher resource quota (order-policy.ts, requestQuota; MCR-ORD-04). */
  askQuota: (me: Me) => me.organisationKind === "customer" && !me.acting && has(me, "customer_admin"),
  /** Accepting, activating, refusing orders (order-policy.ts, decide). */
  decideOrders: (me: Me) => providerStaff(me, "admin", "account_manager"),
  /** The security annex (security-policy.ts, view): an operator's people, the provider's security staff. */
  viewSecurity: (me: Me) =>
    (me.organisationKind === "customer" && !me.acting) || providerStaff(me, "admin", "security_officer"),
  /** Notifying operators, recording audits, approving plans, certificates (security-policy.ts). */
  securityStaff: (me: Me) => providerStaff(me, "admin", "security_officer"),
  /** An operator's contact and its remediation plans: its administrator (security-policy.ts). */
  keepOperatorSecurity: (me: Me) =>
    me.organisationKind === "customer" && !me.acting && has(me, "customer_admin"),
  viewSlaReport: (me: Me) =>
    deskStaff(me) || (me.organisationKind === "customer" && !me.acting && has(me, "customer_admin")),
};

/** Customers are shown maintenance only where the contract announces it (DSN-SUP-07; none in MCR). */
const maintenanceSection = (me: Me, contract: ContractSummary | undefined) =>
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
  { to: "/droits", label: () => "nav.rights" as const, allowed: can.manageRights },
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
