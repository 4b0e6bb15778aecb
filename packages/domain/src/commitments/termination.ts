import type { Term } from "../contract/duration.js";
import type { Contract } from "../contract/schema.js";
import { addMonths, type CivilDate } from "./civil-date.js";
import type { CommitmentDecision, ServiceFees } from "./decision.js";
import { remainingFees } from "./prorate.js";

/**
 * One subscribed service's terms, as its specific conditions set them (DSN art. 4.2, 6, 9):
 * never written in code, given by the provider's data (or by the eval command's input).
 */
export interface ServiceTerms {
  /** How the explanation names the service. */
  name: string;
  activation: CivilDate;
  /** 0: no minimum period. */
  minimumMonths: number;
  monthlyPriceCents: number;
  /** 0: the termination takes effect on the letter's reception. */
  noticeMonths: number;
}

/** What the contract file says about terminations. */
export interface TerminationRules {
  /** The contract's notice (DSN: 3 months, DSN-ORD-04), or where it is set. */
  contractNotice: Term;
  contractClause: string;
  serviceClause: string;
  /** Terminating inside the minimum period makes the remaining fees due (DSN art. 9). */
  remainingFeesDue: boolean;
}

export function terminationRulesOf(contract: Contract): TerminationRules {
  const { notices, commitments } = contract;
  const fallback = commitments.vendorCommitmentsOnTermination?.clause ?? "GEN-01";
  return {
    contractNotice: notices.contractTermination?.period ?? { kind: "none" },
    contractClause: notices.contractTermination?.clause ?? fallback,
    serviceClause: notices.serviceTermination?.clause ?? fallback,
    remainingFeesDue: commitments.earlyTermination?.rule === "remaining-fees-due",
  };
}

/** Fees still due for one service ended on `effective`: the rest of its minimum period. */
function feesOf(service: ServiceTerms, effective: CivilDate): ServiceFees {
  if (service.minimumMonths <= 0) return { service: service.name, minimumEnd: null, cents: 0, months: [] };
  const minimumEnd = addMonths(service.activation, service.minimumMonths);
  const due = remainingFees(service.monthlyPriceCents, effective, minimumEnd);
  return { service: service.name, minimumEnd, ...due };
}

interface Letter {
  /** The date the registered letter was received. */
  noticeReceived: CivilDate;
  /** The provider's date now; a letter received after it is refused. Absent: not checked. */
  today?: CivilDate;
}

function futureLetter(clause: string, letter: Letter): CommitmentDecision | undefined {
  if (letter.today === undefined || letter.noticeReceived <= letter.today) return undefined;
  return {
    decision: "refused",
    clause,
    effectiveDate: null,
    commitmentEnd: null,
    feesDueCents: null,
    reason: {
      code: "termination-notice-in-future",
      noticeReceived: letter.noticeReceived,
      today: letter.today,
    },
  };
}

function accepted(
  rules: TerminationRules,
  clause: string,
  scope: "service" | "contract",
  letter: Letter,
  effectiveDate: CivilDate,
  noticeMonths: number,
  services: readonly ServiceTerms[],
): CommitmentDecision {
  const fees = rules.remainingFeesDue ? services.map((s) => feesOf(s, effectiveDate)) : [];
  return {
    decision: "accepted",
    clause,
    effectiveDate,
    commitmentEnd: null,
    feesDueCents: rules.remainingFeesDue ? fees.reduce((sum, f) => sum + f.cents, 0) : null,
    reason: {
      code: "termination-accepted",
      scope,
      noticeReceived: letter.noticeReceived,
      noticeMonths,
      fees,
    },
  };
}

/**
 * One service terminated by registered letter (DSN art. 9, DSN-ORD-04): it ends its own notice
 * after the letter's reception, counted "de quantième à quantième"; ended before the end of its
 * minimum period, the subscriptions up to that end remain due, prorated by days per calendar month.
 */
export function decideServiceTermination(
  rules: TerminationRules,
  service: ServiceTerms,
  letter: Letter,
): CommitmentDecision {
  const clause = rules.serviceClause;
  const refusal = futureLetter(clause, letter);
  if (refusal) return refusal;
  const effective = addMonths(letter.noticeReceived, service.noticeMonths);
  return accepted(rules, clause, "service", letter, effective, service.noticeMonths, [service]);
}

/**
 * The contract terminated by registered letter (DSN art. 9, DSN-ORD-04): it ends the contract's
 * notice (3 months) after the letter's reception and ends every service on that date, whatever
 * their own notices (interpretation written in contracts/deux-sevres-eservices.yaml); each service
 * still inside its minimum period owes the rest of it. Where the contract's notice is set by
 * another document (MCR: the general conditions, MCR-ORD-02), the provider gives `effectiveDate`.
 */
export function decideContractTermination(
  rules: TerminationRules,
  services: readonly ServiceTerms[],
  letter: Letter & { effectiveDate?: CivilDate },
): CommitmentDecision {
  const clause = rules.contractClause;
  const refusal = futureLetter(clause, letter);
  if (refusal) return refusal;
  const notice = rules.contractNotice;
  if (notice.kind === "duration" && (notice.unit === "months" || notice.unit === "years")) {
    const months = notice.unit === "years" ? notice.amount * 12 : notice.amount;
    return accepted(
      rules,
      clause,
      "contract",
      letter,
      addMonths(letter.noticeReceived, months),
      months,
      services,
    );
  }
  if (notice.kind === "none")
    return accepted(rules, clause, "contract", letter, letter.noticeReceived, 0, services);
  if (letter.effectiveDate !== undefined && letter.effectiveDate >= letter.noticeReceived) {
    const decided = accepted(rules, clause, "contract", letter, letter.effectiveDate, 0, services);
    return { ...decided, reason: { ...decided.reason, dateGiven: true } as typeof decided.reason };
  }
  return {
    decision: letter.effectiveDate === undefined ? "accepted" : "refused",
    clause,
    effectiveDate: null,
    commitmentEnd: null,
    feesDueCents: null,
    reason: {
      code: "termination-notice-elsewhere",
      scope: "contract",
      noticeReceived: letter.noticeReceived,
    },
  };
}
