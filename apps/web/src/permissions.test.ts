import { describe, expect, it } from "vitest";
import type { ContractSummary, Me } from "./api/types";
import { sectionsFor } from "./permissions";

const operator = {
  userId: "u",
  email: "admin@fibre-poitou.test",
  displayName: "Paul Roy",
  organisationId: "o",
  organisationKind: "customer",
  roles: ["customer_admin"],
  canInvite: true,
  via: "session",
  // The rights as the server answers them (policies/rights.ts): the portal's sections follow them.
  rights: ["manageRights", "viewSecurity", "keepOperatorSecurity"],
} satisfies Me;
const officer = {
  ...operator,
  organisationKind: "provider",
  roles: ["security_officer"],
  rights: ["viewSecurity", "securityStaff", "searchAudit"],
} satisfies Me;
const supportAgent = { ...officer, roles: ["support_agent"], rights: ["workQueue"] } satisfies Me;

/** The contract summary's rules as the server gives them: with the security annex (DSN) or without (MCR). */
const contract = (securityAnnex?: { contacts: string }) => ({ rules: { securityAnnex } }) as ContractSummary;
const paths = (me: Me, summary: ContractSummary) => sectionsFor(me, summary).map((section) => section.to);

// Issue 18: the security annex's page is in the main navigation only where the contract has it.
describe("the Sécurité section (DSN annex 2)", () => {
  it("is offered to an operator and the provider's security officer where the contract has the annex", () => {
    const dsn = contract({ contacts: "DSN-SEC-04" });
    expect(paths(operator, dsn)).toContain("/securite");
    expect(paths(officer, dsn)).toContain("/securite");
    expect(paths(supportAgent, dsn)).not.toContain("/securite");
  });

  it("is not offered where the contract has no security annex (MCR)", () => {
    expect(paths(operator, contract())).not.toContain("/securite");
    expect(paths(officer, contract())).not.toContain("/securite");
  });
});
