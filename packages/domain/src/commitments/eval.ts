import { z } from "zod";
import type { Contract } from "../contract/schema.js";
import { localDateIn } from "../time/local-date.js";
import { centsOf, decimalOf } from "./amount.js";
import { isCivilDate } from "./civil-date.js";
import type { CommitmentDecision } from "./decision.js";
import { explainCommitment } from "./explain.js";
import { decidePlanChange } from "./plan-change.js";
import {
  decideContractTermination,
  decideServiceTermination,
  type ServiceTerms,
  terminationRulesOf,
} from "./termination.js";

/**
 * The conformance command's pure core (`guichet commitments eval FILE.json`): plan changes and
 * terminations decided by the very functions the product uses, so a program that did not write
 * them can check them. A bad case answers {"id", "error"} and the others still run.
 */

const ZDate = z.string().refine(isCivilDate, { message: 'expected a date such as "2026-01-10"' });
const ZInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/, {
    message: 'expected an instant such as "2026-05-14T10:00:00Z"',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: "not a real instant" });
const ZAmount = z
  .string()
  .refine((s) => centsOf(s) !== undefined, { message: 'expected an amount such as "150.00"' });
const ZMonths = z.number().int().min(0).max(1200);

const ZService = z.strictObject({
  name: z.string().optional(),
  activation: ZDate,
  minimumMonths: ZMonths,
  monthlyPrice: ZAmount,
  noticeMonths: ZMonths,
});

const ZCase = z.discriminatedUnion("kind", [
  z.object({
    id: z.string(),
    kind: z.literal("change-plan"),
    history: z.array(z.strictObject({ plan: z.string(), effective: ZDate })).min(1),
    to: z.string(),
    at: ZInstant,
  }),
  z.object({
    id: z.string(),
    kind: z.literal("terminate-service"),
    service: ZService,
    noticeReceived: ZDate,
    /** Optional: the provider's date, to refuse a letter received after it. */
    today: ZDate.optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal("terminate-contract"),
    services: z.array(ZService),
    noticeReceived: ZDate,
    today: ZDate.optional(),
    /** Where the contract's notice is set elsewhere (MCR), the date the provider gives. */
    effectiveDate: ZDate.optional(),
  }),
]);
type Case = z.infer<typeof ZCase>;

const ZInput = z.object({
  /** The contract the cases run against: a contract file's id in contracts/, or its path (GEN-01). */
  contract: z.string().min(1),
  cases: z.array(z.unknown()),
});

export interface CommitmentResult {
  id: string;
  decision: "accepted" | "refused";
  clause: string;
  effectiveDate: string | null;
  commitmentEnd: string | null;
  feesDue: string | null;
  explanation: string;
}

function terms(service: z.infer<typeof ZService>, index: number): ServiceTerms {
  return {
    name: service.name ?? `#${index + 1}`,
    activation: service.activation,
    minimumMonths: service.minimumMonths,
    monthlyPriceCents: centsOf(service.monthlyPrice) as number,
    noticeMonths: service.noticeMonths,
  };
}

function decide(contract: Contract, c: Case): CommitmentDecision {
  switch (c.kind) {
    case "change-plan": {
      const timeZone = Object.values(contract.calendars)[0]?.timeZone ?? "Europe/Paris";
      return decidePlanChange({
        plans: contract.supportPlans,
        history: c.history,
        to: c.to,
        today: localDateIn(new Date(c.at), timeZone),
      });
    }
    case "terminate-service":
      return decideServiceTermination(terminationRulesOf(contract), terms(c.service, 0), c);
    case "terminate-contract":
      return decideContractTermination(terminationRulesOf(contract), c.services.map(terms), c);
  }
}

function present(id: string, decision: CommitmentDecision, contract: Contract): CommitmentResult {
  return {
    id,
    decision: decision.decision,
    clause: decision.clause,
    effectiveDate: decision.effectiveDate,
    commitmentEnd: decision.commitmentEnd,
    feesDue: decision.feesDueCents === null ? null : decimalOf(decision.feesDueCents),
    explanation: explainCommitment(
      decision,
      "en",
      (plan) => contract.supportPlans[plan]?.name.en ?? plan,
      contract.currency,
    ),
  };
}

/** Runs every case against the named contract (`contractOf` reads the contract file). */
export function evaluateCommitmentCases(
  input: unknown,
  contractOf: (idOrPath: string) => Contract,
): { results: (CommitmentResult | { id: string; error: string })[] } {
  const parsed = ZInput.parse(input);
  const contract = contractOf(parsed.contract);
  return {
    results: parsed.cases.map((raw, index) => {
      const id =
        typeof raw === "object" && raw && "id" in raw && typeof raw.id === "string" ? raw.id : `#${index}`;
      const c = ZCase.safeParse(raw);
      if (!c.success) {
        return {
          id,
          error: c.error.issues.map((i) => `${i.path.join(".") || "case"}: ${i.message}`).join("; "),
        };
      }
      try {
        return present(c.data.id, decide(contract, c.data), contract);
      } catch (error) {
        return { id, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  };
}
