/**
 * The subscriptions area's answers (issue 16), named from the generated types (schema.d.ts, `npm
 * run api:generate`), never a copy of them.
 */
import type { Answer, Body } from "./paths";

export type CommitmentsView = Answer<"/api/organisations/{organisationId}/commitments">;
export type CommitmentDecision = Answer<"/api/organisations/{organisationId}/plan-change", "post">;
export type TerminationInput = Body<"/api/organisations/{organisationId}/terminations">;
export type VendorStatusInput =
  Body<"/api/organisations/{organisationId}/subscriptions/{subscriptionId}/vendor-status">;
export type TransferQuote = Body<"/api/organisations/{organisationId}/transfer-requests/{requestId}/quote">;
