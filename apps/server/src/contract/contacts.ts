import type { Contract } from "@guichet/domain";

/** Whom people are told to contact about their access: the security contact, else support, else the provider. */
export function securityContactOf(contract: Contract): string {
  const { contacts, name } = contract.provider;
  return contacts.securityEmail ?? contacts.supportEmail ?? name;
}

/**
 * The clause under which the provider suspends access: the contract's own (DSN-SEC-02), else the
 * vendor-access clause of a reseller contract (MCR-ACC-06).
 */
export function suspensionClauseOf(contract: Contract): string {
  return contract.security?.suspensionOnSeriousIncident?.clause ?? "MCR-ACC-06";
}
