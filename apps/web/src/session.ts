import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, keys } from "./api/endpoints";
import type { ContractSummary } from "./api/types";
import { followContractLanguages, setTicketWords } from "./i18n";

/** The contract's languages and ticket words, applied to the portal's texts. */
function adopt(contract: ContractSummary): ContractSummary {
  // The portal opens in the contract's locale unless the reader chose another of its languages.
  followContractLanguages(contract.languages);
  setTicketWords(contract.ticketWorkflow.vocabulary.words);
  return contract;
}

/**
 * The summary the server writes into the page it serves (apps/server/src/http/web.ts), so the
 * first paint is the page itself rather than a spinner waiting for `GET /api/contract` (issue 13,
 * first load). Absent under the development server: then the request is made.
 */
function inlinedContract(): ContractSummary | undefined {
  const block = document.getElementById("guichet-contract");
  if (!block?.textContent) return undefined;
  try {
    return adopt(JSON.parse(block.textContent) as ContractSummary);
  } catch {
    return undefined;
  }
}

const inlined = inlinedContract();

/** The public contract summary: portal name, plans, password policy. Read once per visit. */
export function useContract() {
  return useQuery({
    queryKey: keys.contract,
    queryFn: async () => adopt(await api.contract()),
    ...(inlined ? { initialData: inlined } : {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The question "who is signed in", shared by the session gate and the route that asks it early (router.tsx). */
export const meQuery = queryOptions({ queryKey: keys.me, queryFn: api.me, retry: false, staleTime: 30_000 });

/**
 * Who is signed in. Its error says why not: signed out (401), second factor due (401 with
 * details.secondFactor) or organisation suspended (403) — see ApiError.
 */
export function useMe() {
  return useQuery(meQuery);
}
