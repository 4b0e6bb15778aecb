import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TicketView } from "../api/desk-types";
import { api, keys } from "../api/endpoints";

/**
 * A ticket as its page reads it. Its route asks for it as the page opens (router.tsx), alongside
 * the page's code and the session: the few seconds of freshness keep the page from asking again
 * the moment it mounts.
 */
export const ticketQuery = (ticketId: string) =>
  queryOptions({ queryKey: keys.ticket(ticketId), queryFn: () => api.ticket(ticketId), staleTime: 5_000 });

export function useTicket(ticketId: string) {
  return useQuery(ticketQuery(ticketId));
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
