/**
 * Types of the subscriptions area's endpoints (issue 16), mirroring the server's zod schemas in
 * apps/server/src/modules/subscriptions/schemas.ts until the portal's API types are generated.
 */
export interface Explained {
  clause: string;
  explanation: string;
}

export interface CommitmentsView {
  today: string;
  support: Explained & {
    plan: string;
    planName: string;
    tenancy: "single" | "multi" | null;
    since: string | null;
    commitmentEnd: string | null;
  };
  pendingChange:
    | (Explained & { plan: string; planName: string; effectiveFrom: string; commitmentEnd: string | null })
    | null;
  planChoices: { plan: string; name: string; rank: number }[];
  subscriptions: {
    id: string;
    catalogueItemId: string;
    name: string;
    kind: string;
    startsOn: string;
    endsOn: string | null;
    status: "active" | "suspended" | "terminated";
    endsFrom: string | null;
    monthlyPrice: string | null;
    minimumMonths: number | null;
    noticeMonths: number | null;
    commitmentEnd: string | null;
  }[];
  terminations: (Explained & {
    id: string;
    scope: "contract" | "service" | "vendor";
    subscriptionId: string | null;
    noticeReceived: string;
    effectiveDate: string;
    feesDue: string | null;
  })[];
  tasks: {
    id: string;
    kind: string;
    vendor: string | null;
    clause: string;
    createdAt: string;
    doneAt: string | null;
  }[];
  transferRequests: {
    id: string;
    recipient: string;
    requestedAt: string;
    quote: string | null;
    quoteText: string | null;
    answeredAt: string | null;
  }[];
}

export interface CommitmentDecision extends Explained {
  decision: "accepted" | "refused";
  effectiveDate: string | null;
  commitmentEnd: string | null;
  feesDue: string | null;
}

export interface TerminationInput {
  scope: "contract" | "service";
  subscriptionId?: string;
  noticeReceived: string;
  effectiveDate?: string;
}
