import type { ContractRules, ContractSummary } from "./api/types";

/**
 * Clause ids the pages cite next to a rule, and the features the contract has: the server reads
 * them from the contract file alone (packages/domain/src/contract/rules.ts) and sends them with
 * the public contract. An optional one is absent where the contract lacks the feature; a rule the
 * contract gives no clause for is "deployment-rule" (shown as such by ClauseTag).
 */
export type Clauses = ContractRules;

export function clausesOf(contract: ContractSummary): Clauses {
  return contract.rules;
}
