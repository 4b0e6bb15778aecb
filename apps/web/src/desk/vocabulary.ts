import type { ContractSummary, Priority, TicketStatus } from "../api/types";
import { useLocaleFormat } from "../i18n/format";
import { useContract } from "../session";

/**
 * The desk's words, as the contract names its tickets (`ticketWorkflow.vocabulary`): "Demandes" in
 * the Espace Client Cloud, "Signalisations" on e-soutien (DSN-SUP-01), or the contract's own noun
 * ("contract", issue 23) in the portal's sentences.
 */
export type DeskWords = ContractSummary["ticketWorkflow"]["vocabulary"]["wording"];

/** The wording of the desk's texts (`deskWords.<wording>.*`); their words: `useTicketWords`. */
export function deskWordsOf(contract: ContractSummary | undefined): DeskWords {
  return contract?.ticketWorkflow.vocabulary.wording ?? "requests";
}

export function useDeskWords(): DeskWords {
  return deskWordsOf(useContract().data);
}

/**
 * The contract's own labels for what a ticket carries (status, category, priority, service,
 * out-of-scope reason), in the interface's language; the raw id where the contract has none.
 */
export function useDeskLabels() {
  const contract = useContract().data;
  const { label } = useLocaleFormat();
  const workflow = contract?.ticketWorkflow;
  const find = <T extends { id: string; label: { fr: string; en: string } }>(
    list: T[] | undefined,
    id: string,
  ) => {
    const found = list?.find((item) => item.id === id);
    return found ? label(found.label) : id;
  };
  return {
    /** The statuses the contract's workflow has, in lifecycle order. */
    statuses: (workflow?.statuses ?? []).map((status) => status.id),
    status: (status: TicketStatus) => find(workflow?.statuses, status),
    category: (category: string) => find(workflow?.categories, category),
    priority: (priority: Priority) => find(contract?.priorities, priority),
    outOfScope: (reason: string) => find(workflow?.outOfScope?.reasons, reason),
    isOutOfScope: (reason: string) => Boolean(workflow?.outOfScope?.reasons.some((r) => r.id === reason)),
    service: (itemId: string) => {
      const item = contract?.catalogue.find((candidate) => candidate.id === itemId);
      return item ? label(item.name) : itemId;
    },
  };
}
