import { type Clauses, clausesOf } from "../clauses";
import { useContract } from "../session";

/**
 * The clauses the billing pages cite (invoices, the billing section, cloud consumption), read from
 * the contract file by the server (rules.ts), never written in a page; undefined while it loads.
 */
export function useBillingClauses(): Clauses | undefined {
  const contract = useContract().data;
  return contract ? clausesOf(contract) : undefined;
}
