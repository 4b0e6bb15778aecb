import { type Contract, contractRules } from "@guichet/domain";

/** Whom people are told to contact about their access: the security contact, else support, else the provider. */
export function securityContactOf(contract: Contract): string {
  const { contacts, name } = contract.provider;
  return contacts.securityEmail ?? contacts.supportEmail ?? name;
}

/**
 * The clause under which the provider suspends access: the contract's serious-incident clause
 * (DSN-SEC-02), else its access-suspension clause (MCR-ACC-06), else the deployment's rule.
 */
export function suspensionClauseOf(contract: Contract): string {
  return contractRules(contract).suspension;
}
