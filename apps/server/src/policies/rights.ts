import type { Principal } from "../auth/principal.js";
import { tenantOf } from "../auth/principal.js";
import { auditPolicy } from "./audit-policy.js";
import { billingPolicy } from "./billing-policy.js";
import { commitmentPolicy } from "./commitment-policy.js";
import { customerPolicy } from "./customer-policy.js";
import { deskPolicy } from "./desk-policy.js";
import { deskReportPolicy } from "./desk-report-policy.js";
import { maintenancePolicy } from "./maintenance-policy.js";
import { newsPolicy } from "./news-policy.js";
import { noticePolicy } from "./notice-policy.js";
import { orderPolicy } from "./order-policy.js";
import { organisationPolicy } from "./organisation-policy.js";
import { securityPolicy } from "./security-policy.js";
import { staffPolicy } from "./staff-policy.js";

/** No organisation's id: a tenant-scoped policy asked about it answers for "any customer but one's own". */
const ANOTHER_ORGANISATION = "";

type Scoped = (p: Principal, organisationId: string) => boolean;

interface Asked {
  p: Principal;
  /** Provider staff in their own space (not acting in a customer's tenant). */
  staffSpace: boolean;
  /** In a customer's space (its people, or an agent acting in it): the policy asked about that customer; elsewhere false. */
  inCustomer: (policy: Scoped) => boolean;
  /** The customer the pages are about: one's own or the one acted in; for staff in their own space, any customer. */
  onCustomers: (policy: Scoped) => boolean;
}

/**
 * What the portal offers a person, each answered by the server's own policies (issue 14: the
 * portal derives its menus and buttons from this list, `GET /api/auth/me` `rights`, never from a
 * second copy of the rules). A tenant-scoped policy is asked about the customer the person's
 * pages are about: its own organisation, or the tenant a support agent was invited into (MCR-ACC-05,
 * MCR 8.4 "les mêmes droits que le Client sur la configuration de son tenant"); for provider staff
 * in their own space, about any customer.
 */
const RIGHT_RULES = {
  /** Changing people's roles (MCR-ACC-03): the page Droits, as its editor. */
  manageRights: ({ inCustomer }) => inCustomer(organisationPolicy.changeRights),
  /** Reading the tenant's people and their rights (the invited agent too, MCR-ACC-05). */
  viewPeople: ({ inCustomer }) => inCustomer(organisationPolicy.listUsers),
  createCustomers: ({ p }) => customerPolicy.create(p),
  listOrganisations: ({ p }) => organisationPolicy.listAll(p),
  inviteForCustomers: ({ staffSpace, onCustomers }) => staffSpace && onCustomers(organisationPolicy.invite),
  suspend: ({ p }) => organisationPolicy.suspend(p),
  searchAudit: ({ p }) => auditPolicy.search(p),
  downloadOwnAuditChain: ({ inCustomer }) => inCustomer(auditPolicy.exportChain),
  manageStaff: ({ p }) => staffPolicy.manage(p),
  viewOutbox: ({ p }) => auditPolicy.viewOutbox(p),
  useSupportAccess: ({ p }) => organisationPolicy.actUnderGrant(p),
  followRequests: ({ p }) => deskPolicy.open(p),
  workQueue: ({ p }) => deskPolicy.work(p),
  planMaintenance: ({ p }) => maintenancePolicy.announce(p),
  followMaintenance: ({ inCustomer }) => inCustomer((q) => maintenancePolicy.view(q)),
  viewCommitments: ({ onCustomers }) => onCustomers(commitmentPolicy.view),
  changePlan: ({ onCustomers }) => onCustomers(commitmentPolicy.changePlan),
  recordTermination: ({ p }) => commitmentPolicy.terminate(p),
  setVendorStatus: ({ p }) => commitmentPolicy.vendorStatus(p),
  requestTransfer: ({ inCustomer }) => inCustomer(commitmentPolicy.requestTransfer),
  viewInvoices: ({ onCustomers }) => onCustomers(billingPolicy.viewCosts),
  viewOwnCosts: ({ inCustomer }) => inCustomer(billingPolicy.viewCosts),
  manageBudgets: ({ inCustomer }) => inCustomer(billingPolicy.manageBudgets),
  runInvoices: ({ p }) => billingPolicy.issueInvoices(p),
  /** A customer's notices: the invited agent reads them too (the tenant's configuration, MCR-ACC-05). */
  readNotices: ({ inCustomer }) => inCustomer(noticePolicy.viewNotices),
  /** Acknowledging a notice is the customer's own act: not an agent acting in its tenant. */
  acknowledgeNotices: ({ inCustomer }) => inCustomer(noticePolicy.read),
  answerNotices: ({ inCustomer }) => inCustomer(noticePolicy.sign),
  readNews: ({ inCustomer }) => inCustomer(newsPolicy.viewReceived),
  followNews: ({ p }) => newsPolicy.viewAll(p),
  publishNews: ({ p }) => newsPolicy.publish(p),
  announceChanges: ({ p }) => noticePolicy.announce(p),
  viewOrders: ({ onCustomers }) => onCustomers(orderPolicy.view),
  order: ({ onCustomers }) => onCustomers(orderPolicy.order),
  signOrder: ({ inCustomer }) => inCustomer(orderPolicy.sign),
  askQuota: ({ inCustomer }) => inCustomer(orderPolicy.requestQuota),
  decideOrders: ({ p }) => orderPolicy.decide(p),
  viewSecurity: ({ onCustomers }) => onCustomers(securityPolicy.view),
  securityStaff: ({ p }) => securityPolicy.viewAll(p),
  keepOperatorSecurity: ({ inCustomer }) => inCustomer(securityPolicy.keepOperatorContact),
  viewSlaReport: ({ onCustomers }) => onCustomers(deskReportPolicy.slaReport),
} satisfies Record<string, (asked: Asked) => boolean>;

export type Right = keyof typeof RIGHT_RULES;
export const RIGHTS = Object.keys(RIGHT_RULES) as [Right, ...Right[]];

/** The rights of this principal, in the order of RIGHTS. */
export function rightsOf(principal: Principal): Right[] {
  const customerTenant = principal.organisationKind === "customer" || principal.acting !== undefined;
  const tenant = tenantOf(principal);
  const asked: Asked = {
    p: principal,
    staffSpace: !customerTenant,
    inCustomer: (policy) => customerTenant && policy(principal, tenant),
    onCustomers: (policy) => policy(principal, customerTenant ? tenant : ANOTHER_ORGANISATION),
  };
  return RIGHTS.filter((right) => RIGHT_RULES[right](asked));
}
