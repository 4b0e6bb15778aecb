import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../api/client";
import type { CommitmentDecision, CommitmentsView, TerminationInput } from "../api/commitments-types";

const org = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}`;
const key = (organisationId: string) => ["commitments", organisationId] as const;

/** A customer's plan, subscriptions and terminations (issue 16). */
export function useCommitments(organisationId: string | undefined) {
  return useQuery({
    queryKey: key(organisationId ?? ""),
    queryFn: () => request<CommitmentsView>("get", `${org(organisationId ?? "")}/commitments`),
    enabled: Boolean(organisationId),
  });
}

/** The writes of the page; each refreshes the view once done. */
export function useCommitmentActions(organisationId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key(organisationId) });
  return {
    changePlan: useMutation({
      mutationFn: (to: string) =>
        request<CommitmentDecision>("post", `${org(organisationId)}/plan-change`, { to }),
      onSuccess: refresh,
    }),
    terminate: useMutation({
      mutationFn: (input: TerminationInput) =>
        request<CommitmentDecision & { terminationId: string; tasks: number }>(
          "post",
          `${org(organisationId)}/terminations`,
          input,
        ),
      onSuccess: refresh,
    }),
    completeTask: useMutation({
      mutationFn: (taskId: string) =>
        request<null>("post", `${org(organisationId)}/staff-tasks/${encodeURIComponent(taskId)}/done`),
      onSuccess: refresh,
    }),
  };
}

/** The registered letter's address (a plain text download). */
export const letterUrl = (organisationId: string, subscriptionId?: string) =>
  `${org(organisationId)}/termination-letter${subscriptionId ? `?subscriptionId=${encodeURIComponent(subscriptionId)}` : ""}`;
