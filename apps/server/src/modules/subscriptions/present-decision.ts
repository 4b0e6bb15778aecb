import { type CommitmentDecision, type Contract, decimalOf, explainCommitment } from "@guichet/domain";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../http/errors.js";
import { negotiateLocale } from "../../i18n/index.js";

/** A domain decision for the API, explained in the caller's language. */
export function presentDecision(request: FastifyRequest, contract: Contract, decision: CommitmentDecision) {
  const locale = negotiateLocale(request.headers["accept-language"]);
  return {
    decision: decision.decision,
    clause: decision.clause,
    effectiveDate: decision.effectiveDate,
    commitmentEnd: decision.commitmentEnd,
    feesDue: decision.feesDueCents === null ? null : decimalOf(decision.feesDueCents),
    currency: contract.currency,
    explanation: explainCommitment(
      decision,
      locale,
      (plan) => contract.supportPlans[plan]?.name[locale] ?? plan,
      contract.currency,
    ),
  };
}

/**
 * A refused decision as one error citing its clause, and the earliest date where there is one
 * (MCR-SUP-02: a downgrade inside the commitment). A letter dated in the future names its field.
 */
export function refusedDecision(
  request: FastifyRequest,
  contract: Contract,
  decision: CommitmentDecision,
): AppError {
  const presented = presentDecision(request, contract, decision);
  const field =
    decision.reason.code === "termination-notice-in-future"
      ? "noticeReceived"
      : decision.reason.code.startsWith("plan-change") &&
          !decision.reason.code.startsWith("plan-change-cancel")
        ? "to"
        : "effectiveDate";
  return new AppError("contract_rule", presented.explanation, {
    clause: decision.clause,
    field,
    reason: decision.reason.code,
    earliestDate: decision.effectiveDate,
    commitmentEnd: decision.commitmentEnd,
  });
}
