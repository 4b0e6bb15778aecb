import { useQuery } from "@tanstack/react-query";
import { api, keys } from "./api/endpoints";
import { followContractLanguages, setTicketWords } from "./i18n";

/** The public contract summary: portal name, plans, password policy. Read once per visit. */
export function useContract() {
  return useQuery({
    queryKey: keys.contract,
    queryFn: async () => {
      const contract = await api.contract();
      // The portal opens in the contract's locale unless the reader chose another of its languages.
      followContractLanguages(contract.languages);
      setTicketWords(contract.ticketWorkflow.vocabulary.words);
      return contract;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Who is signed in. Its error says why not: signed out (401), second factor due (401 with
 * details.secondFactor) or organisation suspended (403) — see ApiError.
 */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: api.me, retry: false, staleTime: 30_000 });
}
