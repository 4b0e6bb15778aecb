import type { ContractSummary } from "./api/types";

/**
 * Requirement ids the pages cite next to a rule (REQUIREMENTS.md). The public contract summary
 * does not carry them yet, so they are chosen by contract the way the server's routes do
 * (organisations/routes.ts picks DSN-SEC-02 or MCR-ACC-06 by contract id); undefined where the
 * deployment's contract has no such clause.
 */
export interface Clauses {
  invitation: string;
  canInvite?: string;
  rights: string;
  password: string;
  revokeIdentifier: string;
  supportGrants?: string;
  /** Named contacts exist only where the contract limits who opens tickets (MCR-SUP-04; none in DSN). */
  namedContacts?: string;
  apiTokens: string;
  suspension: string;
  audit: string;
  /** Scheduled maintenance announced with notice (DSN-SUP-07); the MCR contract provides none. */
  maintenance?: string;
  /** What gives a declared portal outage its effect (MCR-SUP-03, DSN-SUP-08); none: information only. */
  portalOutage?: string;
  /** The initial-response figures a report measures against (MCR-SUP-06; DSN-SUP-06's working hours). */
  slaReport: string;
}

/**
 * E-mail opens tickets only while the portal is down for some plan: that plan's e-mail clause,
 * the rule the server's outageClauseOf reads (maintenance/present-outage.ts).
 */
function portalOutageClause(contract: ContractSummary): string | undefined {
  return contract.supportPlans.find((plan) => plan.channels.email.accept === "when-portal-unavailable")
    ?.channels.email.clause;
}

export function clausesOf(contract: ContractSummary): Clauses {
  const dsn = contract.id === "deux-sevres-eservices";
  return {
    invitation: dsn ? "DSN-ID-02" : "MCR-ACC-01",
    canInvite: dsn ? undefined : "MCR-ACC-02",
    rights: dsn ? "DSN-ID-05" : "MCR-ACC-03",
    password: "DSN-ID-02",
    revokeIdentifier: "DSN-ID-04",
    supportGrants: dsn ? undefined : "MCR-ACC-05",
    namedContacts: dsn ? undefined : "MCR-SUP-04",
    apiTokens: "DSN-SEC-03",
    suspension: dsn ? "DSN-SEC-02" : "MCR-ACC-06",
    audit: "DSN-SEC-01",
    maintenance: dsn ? "DSN-SUP-07" : undefined,
    portalOutage: portalOutageClause(contract),
    slaReport: dsn ? "DSN-SUP-06" : "MCR-SUP-06",
  };
}
