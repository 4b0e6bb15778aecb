import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, urlOf } from "../api/client";
import type { TerminationInput } from "../api/commitments-types";

const ORG = "/api/organisations/{organisationId}";
const key = (organisationId: string) => ["commitments", organisationId] as const;

/** A customer's plan, subscriptions and terminations (issue 16). */
export function useCommitments(organisationId: string | undefined) {
  return useQuery({
    queryKey: key(organisationId ?? ""),
    queryFn: () => call("get", `${ORG}/commitments`, { path: { organisationId: organisationId ?? "" } }),
    enabled: Boolean(organisationId),
  });
}

/** The writes of the page; each refreshes the view once done. */
export function useCommitmentActions(organisationId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key(organisationId) });
  const path = { organisationId };
  return {
    changePlan: useMutation({
      mutationFn: (to: string) => call("post", `${ORG}/plan-change`, { path, body: { to } }),
      onSuccess: refresh,
    }),
    terminate: useMutation({
      mutationFn: (input: TerminationInput) => call("post", `${ORG}/terminations`, { path, body: input }),
      onSuccess: refresh,
    }),
    completeTask: useMutation({
      mutationFn: (taskId: string) =>
        call("post", `${ORG}/staff-tasks/{taskId}/done`, { path: { organisationId, taskId } }),
      onSuccess: refresh,
    }),
  };
}

/** The registered letter's address (a plain text download). */
export const letterUrl = (organisationId: string, subscriptionId?: string) =>
  urlOf("/api/organisations/{organisationId}/termination-letter", {
    path: { organisationId },
    query: subscriptionId ? { subscriptionId } : {},
  });
