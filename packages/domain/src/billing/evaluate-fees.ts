import { z } from "zod";
import type { Contract } from "../contract/index.js";
import type { Locale } from "../sla/messages.js";
import { centsToDecimal, type Exact, parseDecimal } from "./exact.js";
import { explainSupportFee } from "./explain-fee.js";
import { type EuroRates, feeBasis, MissingRateError } from "./fee-basis.js";
import { CHARGE_CATEGORIES, CHARGE_FREQUENCIES } from "./focus-values.js";
import { supportFee, UnknownPlanError } from "./support-fee.js";

/**
 * The conformance command's pure core (`guichet billing eval FILE.json`, MCR-BIL-02): support-fee
 * cases run through the very functions the product bills with.
 *
 * Input: {"contract", "cases": [{"id", "plan", "month": "YYYY-MM", "rates": {"USD": "1.0845"},
 * "lines": [{"ChargeCategory", "ChargeFrequency", "ListCost", "BilledCost", "BillingCurrency"}]}]}.
 * Rates are units of the currency per euro (ECB). Amounts are decimal strings (a JSON number is
 * read from its shortest text, which is the literal written for up to 15 significant digits).
 * Output: {"results": [{"id", "basis", "fee", "minimumApplied", "clause", "explanation"}]}, or
 * {"id", "error"} for a case that cannot be computed; the other cases still run.
 */

const ZAmount = z.union([z.string(), z.number()]).transform((value, ctx): Exact => {
  const exact = parseDecimal(String(value));
  if (!exact) {
    ctx.addIssue({
      code: "custom",
      message: `expected a decimal amount such as "12.34", got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return exact;
});

const ZLine = z.object({
  ChargeCategory: z.enum(CHARGE_CATEGORIES),
  ChargeFrequency: z.enum(CHARGE_FREQUENCIES).nullish(),
  ListCost: ZAmount,
  BilledCost: ZAmount.optional(),
  BillingCurrency: z.string().regex(/^[A-Z]{3}$/, { message: "expected an ISO 4217 code such as EUR" }),
});

const ZCase = z.object({
  id: z.string().optional(),
  plan: z.string(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month such as "2026-10"' }),
  rates: z.record(z.string(), ZAmount).default({}),
  lines: z.array(ZLine),
});

const ZInput = z.object({ contract: z.string().optional(), cases: z.array(z.unknown()) });

export type FeeCaseResult =
  | { id: string; basis: string; fee: string; minimumApplied: boolean; clause: string; explanation: string }
  | { id: string; error: string };

export class BillingEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BillingEvalError";
  }
}

/** The contract the file names, to be loaded by the caller (the domain reads no files). */
export function feeCasesContract(input: unknown): string | undefined {
  const parsed = ZInput.safeParse(input);
  if (!parsed.success) throw new BillingEvalError('expected {"contract": "…", "cases": […]}');
  return parsed.data.contract;
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `${issue?.path.join(".") || "case"}: ${issue?.message ?? "invalid"}`;
  }
  if (error instanceof MissingRateError)
    return `no rate for ${error.currency}: give "rates": {"${error.currency}": "…"} (units per euro)`;
  if (error instanceof UnknownPlanError) return error.message;
  throw error;
}

export function evaluateFeeCases(
  input: unknown,
  contract: Contract,
  locale: Locale = "fr",
): { results: FeeCaseResult[] } {
  feeCasesContract(input);
  const { cases } = ZInput.parse(input);
  const results = cases.map((raw, index): FeeCaseResult => {
    const id = (raw as { id?: unknown } | null)?.id;
    const caseId = typeof id === "string" ? id : `#${index}`;
    try {
      const c = ZCase.parse(raw);
      const rates: EuroRates = c.rates;
      const amounts = c.lines.map((line) => ({
        chargeCategory: line.ChargeCategory,
        chargeFrequency: line.ChargeFrequency ?? null,
        listCost: line.ListCost,
        currency: line.BillingCurrency,
      }));
      // In the contract's billing currency, as its invoices (EUR for both shipped contracts, issue 17).
      const fee = supportFee(contract, c.plan, feeBasis(amounts, rates, contract.currency));
      return {
        id: caseId,
        basis: centsToDecimal(fee.basisCents),
        fee: centsToDecimal(fee.feeCents),
        minimumApplied: fee.minimumApplied,
        clause: fee.clause,
        explanation: explainSupportFee(fee, contract, locale),
      };
    } catch (error) {
      return { id: caseId, error: describe(error) };
    }
  });
  return { results };
}
