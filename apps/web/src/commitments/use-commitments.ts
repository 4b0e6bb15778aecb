import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, urlOf } from "../api/client";
import type { TerminationInput, TransferQuote, VendorStatusInput } from "../api/commitments-types";

const ORG = "/api/organisations/{organisationId}";
const key = (organisationId: string) => ["commitments", organisationId] as const;

/** A customer's plan, subscriptions and terminations (issue 16). */
export function useCommitments(organisationId: string | undefined, wanted = true) {
  return useQuery({
    queryKey: key(organisationId ?? ""),
    queryFn: () => call("get", `${ORG}/commitments`, { path: { organisationId: organisationId ?? "" } }),
    // `wanted`: the home page asks only once its card comes near the screen.
    enabled: Boolean(organisationId) && wanted,
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
    /** Issue 16: withdraws the change to come before its date (MCR-SUP-02). */
    cancelPlanChange: useMutation({
      mutationFn: () => call("post", `${ORG}/plan-change/cancellation`, { path }),
      onSuccess: refresh,
    }),
    terminate: useMutation({
      mutationFn: (input: TerminationInput) => call("post", `${ORG}/terminations`, { path, body: input }),
      onSuccess: refresh,
    }),
    vendorStatus: useMutation({
      mutationFn: (input: { subscriptionId: string } & VendorStatusInput) =>
        call("post", `${ORG}/subscriptions/{subscriptionId}/vendor-status`, {
          path: { organisationId, subscriptionId: input.subscriptionId },
          body: { action: input.action, reason: input.reason },
        }),
      onSuccess: refresh,
    }),
    requestTransfer: useMutation({
      mutationFn: (recipient: string) =>
        call("post", `${ORG}/transfer-requests`, { path, body: { recipient } }),
      onSuccess: refresh,
    }),
    quoteTransfer: useMutation({
      mutationFn: (input: { requestId: string } & TransferQuote) =>
        call("post", `${ORG}/transfer-requests/{requestId}/quote`, {
          path: { organisationId, requestId: input.requestId },
          body: { amount: input.amount, text: input.text },
        }),
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
