import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TicketView } from "../api/desk-types";
import { api, keys } from "../api/endpoints";

export function useTicket(ticketId: string) {
  return useQuery({ queryKey: keys.ticket(ticketId), queryFn: () => api.ticket(ticketId) });
}

/**
 * A change to a ticket (reply, status, priority, assignment, call). The server answers with the
 * ticket as it now stands, which replaces the cached one; lists are read again.
 */
export function useTicketChange<Input>(ticketId: string, change: (input: Input) => Promise<TicketView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (view) => {
      queryClient.setQueryData(keys.ticket(ticketId), view);
      void queryClient.invalidateQueries({ queryKey: keys.tickets() });
    },
  });
}
