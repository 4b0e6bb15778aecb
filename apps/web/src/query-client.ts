import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api/client";
import { keys } from "./api/endpoints";

/**
 * A refusal that concerns the session itself (signed out, second factor due, organisation
 * suspended — DSN-SEC-02) makes the portal ask /api/auth/me again, and the session gate shows
 * the right page. The me query is excluded, or its own failure would loop.
 */
function onError(error: Error, queryKey?: readonly unknown[]) {
  if (!(error instanceof ApiError) || queryKey?.[0] === keys.me[0]) return;
  if (error.unauthenticated || error.suspended) void queryClient.invalidateQueries({ queryKey: keys.me });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      // The API's refusals are answers, not glitches: retrying them only delays the message.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});
