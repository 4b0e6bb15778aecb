import type { CivilDate } from "./civil-date.js";
import type { ProratedMonth } from "./prorate.js";

/**
 * Why a commercial decision came out as it did, as a code and its values; `explainCommitment`
 * turns it into a sentence in the reader's language (the product) or in English (the eval command).
 */
export type CommitmentReason =
  | {
      code: "plan-change-accepted";
      from: string;
      to: string;
      direction: "up" | "down" | "across";
      inCommitment: boolean;
    }
  | { code: "plan-change-downgrade-in-commitment"; from: string; to: string; commitmentEnd: CivilDate }
  | { code: "plan-change-same-plan"; plan: string }
  | { code: "plan-change-unknown-plan"; plan: string }
  | { code: "plan-change-pending"; pendingPlan: string; pendingFrom: CivilDate }
  | { code: "plan-change-commitment-elsewhere"; plan: string }
  /** Issue 16: a change withdrawn before its date; one already in force; none to withdraw. */
  | { code: "plan-change-cancelled"; plan: string; restored: string; effective: CivilDate }
  | { code: "plan-change-cancel-effective"; plan: string; effective: CivilDate; today: CivilDate }
  | { code: "plan-change-cancel-none" }
  | {
      code: "termination-accepted";
      scope: "service" | "contract";
      noticeReceived: CivilDate;
      noticeMonths: number;
      /** The provider gave the date, the notice being set by another document (MCR-ORD-02). */
      dateGiven?: boolean;
      /** Per service, where fees were computed (DSN); empty otherwise. */
      fees: ServiceFees[];
    }
  | { code: "termination-notice-in-future"; noticeReceived: CivilDate; today: CivilDate }
  /** DSN 10.2 (DSN-BIL-02): a harmful change lets the operator terminate, without penalty, on its date. */
  | {
      code: "termination-harmful-change";
      changeTitle: string;
      changeEffective: CivilDate;
      requestedOn: CivilDate;
    }
  | {
      code: "termination-harmful-change-closed";
      changeTitle: string;
      changeEffective: CivilDate;
      today: CivilDate;
    }
  | { code: "termination-notice-elsewhere"; scope: "service" | "contract"; noticeReceived: CivilDate };

/** What one service still owes at termination (DSN art. 9). */
export interface ServiceFees {
  /** The service's label or index, as the caller named it. */
  service: string;
  minimumEnd: CivilDate | null;
  cents: number;
  months: ProratedMonth[];
}

/** A decision on a plan change or a termination: what, from when, at what cost, by which clause. */
export interface CommitmentDecision {
  decision: "accepted" | "refused";
  /** The requirement id of the clause that decided (MCR-SUP-02, DSN-ORD-04, …). */
  clause: string;
  /**
   * When the change or termination takes effect. On a refused downgrade: the earliest date the
   * same change could take effect (MCR-SUP-02); null when no date makes it possible.
   */
  effectiveDate: CivilDate | null;
  /** Plan changes: the commitment after the change (or the one in force, when refused). */
  commitmentEnd: CivilDate | null;
  /** Terminations: what remains due, summed, in cents; null where the contract computes none. */
  feesDueCents: number | null;
  reason: CommitmentReason;
}
