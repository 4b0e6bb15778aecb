import { CUSTOMER_ROLES, type CustomerRole } from "../accounts/roles.js";
import type { Label } from "./primitives.js";
import type { Contract } from "./schema.js";

/**
 * What a rule cites when the contract has no clause for it (GEN-02): Guichet applies it as the
 * deployment's own rule and says so, rather than borrowing another provider's clause id. The
 * server's messages and the portal's clause tags show it as "règle du déploiement".
 */
export const DEPLOYMENT_RULE = "deployment-rule";

/**
 * The clause behind each rule of accounts, access and support that the server applies and the
 * portal shows, read from the contract file alone (GEN-01, GEN-02). An optional field is absent
 * where the contract does not have the feature: the portal then does not offer it.
 */
export interface ContractRules {
  /** The invitation link that sets a password (MCR-ACC-01, DSN-ID-02). */
  invitation: string;
  /** A person may be given the right to invite (MCR-ACC-02); absent: only administrators invite. */
  delegatedInvitation?: string;
  /** The Rights section (MCR-ACC-03, DSN-ID-05). */
  rights: string;
  /** Customer roles the portal offers, in the catalogue's order. */
  customerRoles: CustomerRole[];
  /** The password's strength (DSN-ID-02). */
  password: string;
  /** Revoking a lost or compromised identifier (DSN-ID-04). */
  revocation: { clause: string; reasons: { id: string; label: Label }[]; reissue: boolean };
  /** A support engineer invited into the tenant (MCR-ACC-05); absent: no such grants. */
  supportGrants?: string;
  /** Named contacts (MCR-SUP-04); absent: no plan has them. */
  namedContacts?: string;
  /** API tokens of the integrated mode (DSN-SEC-03). */
  apiTokens: string;
  /** The provider suspends a customer's access (DSN-SEC-02, MCR-ACC-06). */
  suspension: string;
  /** The audit trail (DSN-SEC-01). */
  audit: string;
  /** Scheduled maintenance announced with notice (DSN-SUP-07); absent: none is announced. */
  maintenance?: string;
  /** E-mail opens tickets while the portal is declared down (MCR-SUP-03, DSN-SUP-08); absent: no plan says so. */
  portalOutage?: string;
  /** The initial-response targets a report measures against (MCR-SUP-06); absent: no plan states any. */
  slaReport?: string;
  /**
   * The security annex (DSN annex 2, issue 18): security contacts and incidents (DSN-SEC-04),
   * audits and their remediation plans (DSN-SEC-05), client certificates (DSN-SEC-03). Absent
   * where the contract names no security contact: the portal then offers no security page.
   */
  securityAnnex?: {
    contacts: string;
    remediationPlan?: string;
    /** Client certificates for the web services, where the integrated mode accepts them. */
    certificates?: string;
  };
  /** What makes an order and who may order (MCR-ACC-01, DSN-ORD-01); absent: the portal takes no orders. */
  ordering?: string;
  /** Resource quotas per cloud vendor, raised on the customer's request (MCR-ORD-04); absent: none. */
  quotas?: string;
  /** Invoices issued by the deployment (MCR-BIL-01, DSN-ORD-03): `invoicing.clause`; absent: none is issued. */
  invoicing?: string;
  /**
   * The customer's billing section: invoices online, detailed billing, the month's simulation,
   * budgets (MCR-BIL-04): `invoicing.customerSection.clause`, else the deployment's rule.
   */
  billingSection: string;
  /**
   * Cloud consumption resold at the vendors' price lists and imported from FOCUS files (MCR-BIL-01):
   * the price clause of the catalogue's first cloud item priced so; absent (DSN sells none): no
   * cost explorer, budgets, detailed billing or simulation of consumption is offered.
   */
  cloudConsumption?: string;
  /** The day subscriptions are invoiced from (DSN-ORD-03: the order form's reception). */
  invoicingFrom: string;
  /** The vendors' usage credits, on invoice lines of their own (MCR-BIL-03): `invoicing.vendorCredits.clause`. */
  vendorCredits: string;
}

/** The price clause of the first cloud item sold at its vendor's price list, if any. */
function cloudConsumptionOf(contract: Contract): string | undefined {
  for (const item of contract.catalogue.items) {
    const price = item.price ? contract.prices[item.price] : undefined;
    if (item.kind === "cloud" && price?.kind === "vendor-price-list") return price.clause;
  }
  return undefined;
}

/** The clause a contract gives, or the deployment's own rule where it gives none. */
export function orDeploymentRule(clause: string | undefined): string {
  return clause ?? DEPLOYMENT_RULE;
}

function plansByRank(contract: Contract) {
  return Object.values(contract.supportPlans).sort((a, b) => a.rank - b.rank);
}

function customerRolesOf(contract: Contract): CustomerRole[] {
  const declared = contract.identifierPolicy.rights?.roles;
  if (declared) return CUSTOMER_ROLES.filter((role) => declared.includes(role));
  const namedContacts = plansByRank(contract).some((plan) => plan.namedContacts);
  return CUSTOMER_ROLES.filter(
    (role) => role === "customer_admin" || role === "user" || (role === "named_contact" && namedContacts),
  );
}

export function contractRules(contract: Contract): ContractRules {
  const { identifierPolicy: policy, security, ticketWorkflow: workflow } = contract;
  const plans = plansByRank(contract);
  const revocation = policy.revocation;
  return {
    invitation: orDeploymentRule(policy.invitationLink.clause),
    delegatedInvitation: policy.rights?.delegatedInvitation?.clause,
    rights: orDeploymentRule(policy.rights?.clause),
    customerRoles: customerRolesOf(contract),
    password: orDeploymentRule(policy.password.clause),
    revocation: revocation
      ? {
          clause: revocation.clause,
          reasons: Object.entries(revocation.reasons).map(([id, label]) => ({ id, label })),
          reissue: revocation.reissue,
        }
      : { clause: DEPLOYMENT_RULE, reasons: [], reissue: true },
    supportGrants: workflow.supportTenantAccess?.clause,
    namedContacts: plans.some((plan) => plan.namedContacts)
      ? (workflow.namedContactFields?.clause ??
        plans.find((plan) => plan.namedContacts)?.namedContacts?.clause)
      : undefined,
    apiTokens: orDeploymentRule(security?.integratedMode?.clause),
    suspension: orDeploymentRule(
      security?.suspensionOnSeriousIncident?.clause ?? security?.accessSuspension?.clause,
    ),
    audit: orDeploymentRule(security?.attribution?.clause),
    maintenance: workflow.maintenance?.clause,
    portalOutage: plans.find((plan) => plan.channels.email?.accept === "when-portal-unavailable")?.channels
      .email?.clause,
    slaReport: plans.find((plan) => plan.sla.initialResponse)?.sla.initialResponse?.clause,
    quotas: contract.commitments.resourceQuotas?.clause,
    securityAnnex: security?.organisationSecurityContact
      ? {
          contacts: security.organisationSecurityContact.clause,
          remediationPlan: security.remediationPlan?.clause,
          certificates: security.integratedMode?.authentication.includes("certificate")
            ? security.integratedMode.clause
            : undefined,
        }
      : undefined,
    invoicing: contract.invoicing?.clause,
    billingSection: orDeploymentRule(contract.invoicing?.customerSection?.clause),
    cloudConsumption: cloudConsumptionOf(contract),
    invoicingFrom: orDeploymentRule(contract.commitments.invoicingFrom?.clause),
    vendorCredits: orDeploymentRule(contract.invoicing?.vendorCredits?.clause),
    ordering: contract.catalogue.ordering?.clause,
  };
}

/** The named-contact clause of one plan, for refusals about that plan's limit (MCR-SUP-04). */
export function namedContactClauseOf(contract: Contract, plan: string): string {
  return orDeploymentRule(
    contract.supportPlans[plan]?.namedContacts?.clause ?? contract.ticketWorkflow.namedContactFields?.clause,
  );
}
