import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { type Contract, type ContractRules, contractRules, DEPLOYMENT_RULE, parseContract } from "./index.js";

/** The test suite's third provider (test/contracts/boreal-cloud.yaml). */
function thirdProvider(): Contract {
  const text = readFileSync(new URL("../../../../test/contracts/boreal-cloud.yaml", import.meta.url), "utf8");
  const result = parseContract(text, "boreal-cloud.yaml");
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.contract;
}

/** Every clause id a value cites, wherever it sits in the parsed contract. */
function clausesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string" && /^[A-Z]{2,4}(?:-[A-Z]{2,4})?-\d{2}$/.test(value)) found.add(value);
  else if (Array.isArray(value)) for (const item of value) clausesIn(item, found);
  else if (value && typeof value === "object")
    for (const item of Object.values(value)) clausesIn(item, found);
  return found;
}

function citedBy(rules: ContractRules): string[] {
  return [...clausesIn(rules)];
}

describe("contractRules: every clause the portal and server cite comes from the contract (GEN-01, GEN-02)", () => {
  const mcr = shippedContract("multicloud-ready");
  const dsn = shippedContract("deux-sevres-eservices");

  it("reads MultiCloud Ready's clauses, and names its own rule where it has none", () => {
    const rules = contractRules(mcr);
    expect(rules).toMatchObject({
      invitation: "MCR-ACC-01",
      delegatedInvitation: "MCR-ACC-02",
      rights: "MCR-ACC-03",
      customerRoles: ["customer_admin", "named_contact", "user", "billing_reader"],
      password: DEPLOYMENT_RULE,
      revocation: { clause: DEPLOYMENT_RULE, reasons: [], reissue: true },
      supportGrants: "MCR-ACC-05",
      namedContacts: "MCR-SUP-04",
      apiTokens: DEPLOYMENT_RULE,
      suspension: "MCR-ACC-06",
      audit: DEPLOYMENT_RULE,
      slaReport: "MCR-SUP-06",
    });
    expect(rules.maintenance).toBeUndefined();
    // MCR-SUP-03 (issue 14): no MCR plan takes e-mail because the portal is down.
    expect(rules.portalOutage).toBeUndefined();
    // No security contact in MCR's text: no security annex, no Sécurité page (issue 18).
    expect(rules.securityAnnex).toBeUndefined();
  });

  it("reads the billing clauses (MCR-BIL-01, MCR-BIL-04, DSN-ORD-03), and sells cloud consumption only where a cloud item is priced at its vendor's list", () => {
    expect(contractRules(mcr)).toMatchObject({
      invoicing: "MCR-BIL-01",
      billingSection: "MCR-BIL-04",
      cloudConsumption: "MCR-BIL-01",
      invoicingFrom: DEPLOYMENT_RULE,
    });
    const rules = contractRules(dsn);
    expect(rules).toMatchObject({
      invoicing: "DSN-ORD-03",
      billingSection: DEPLOYMENT_RULE,
      invoicingFrom: "DSN-ORD-03",
    });
    expect(rules.cloudConsumption).toBeUndefined();
  });

  it("reads Deux-Sèvres Numérique's: no named contacts, grants or invoice readers; its revocation reasons", () => {
    const rules = contractRules(dsn);
    expect(rules).toMatchObject({
      invitation: "DSN-ID-02",
      rights: "DSN-ID-05",
      customerRoles: ["customer_admin", "user"],
      password: "DSN-ID-02",
      apiTokens: "DSN-SEC-03",
      suspension: "DSN-SEC-02",
      audit: "DSN-SEC-01",
      maintenance: "DSN-SUP-07",
      portalOutage: "DSN-SUP-08",
      slaReport: "DSN-SUP-06",
    });
    expect(rules.revocation).toEqual({
      clause: "DSN-ID-04",
      reissue: true,
      reasons: [
        { id: "loss", label: { fr: "Perte", en: "Loss" } },
        { id: "fraud", label: { fr: "Suspicion de fraude", en: "Suspected fraud" } },
      ],
    });
    // The security annex (DSN annex 2): contacts and incidents, plans, client certificates.
    expect(rules.securityAnnex).toEqual({
      contacts: "DSN-SEC-04",
      remediationPlan: "DSN-SEC-05",
      certificates: "DSN-SEC-03",
    });
    expect(rules.delegatedInvitation).toBeUndefined();
    expect(rules.supportGrants).toBeUndefined();
    expect(rules.namedContacts).toBeUndefined();
  });

  it("reads a third provider's own ids, and offers none of the features it lacks", () => {
    const rules = contractRules(thirdProvider());
    expect(rules).toMatchObject({
      invitation: "BNC-ACC-01",
      rights: "BNC-ACC-04",
      customerRoles: ["customer_admin", "user"],
      password: "BNC-ACC-02",
      revocation: { clause: "BNC-ACC-05", reissue: false },
      suspension: DEPLOYMENT_RULE,
      apiTokens: DEPLOYMENT_RULE,
      audit: DEPLOYMENT_RULE,
      slaReport: "BNC-SUP-04",
    });
    for (const absent of [
      "delegatedInvitation",
      "supportGrants",
      "namedContacts",
      "maintenance",
      "portalOutage",
    ]) {
      expect(rules).not.toHaveProperty(absent, expect.anything());
    }
  });

  it.each([
    ["multicloud-ready", mcr],
    ["deux-sevres-eservices", dsn],
    ["boreal-cloud", thirdProvider()],
  ])("cites for %s only clauses its own file contains", (_, contract) => {
    const own = clausesIn(contract);
    for (const clause of citedBy(contractRules(contract))) expect(own).toContain(clause);
  });

  it("without a Rights section offers an administrator, users and named contacts only where a plan has them", () => {
    const { rights: _, ...policy } = dsn.identifierPolicy;
    const rules = contractRules({ ...dsn, identifierPolicy: policy });
    expect(rules.customerRoles).toEqual(["customer_admin", "user"]);
    expect(rules.rights).toBe(DEPLOYMENT_RULE);
    const { rights: __, ...mcrPolicy } = mcr.identifierPolicy;
    expect(contractRules({ ...mcr, identifierPolicy: mcrPolicy }).customerRoles).toEqual([
      "customer_admin",
      "named_contact",
      "user",
    ]);
  });
});
