/**
 * The commercial API's answers (issue 16: customers, specific conditions), named from the generated
 * types (schema.d.ts, `npm run api:generate`), never a copy of them.
 */
import type { Answer, Body } from "./paths";

export type CustomerView = Answer<"/api/customers">[number];
export type NewCustomer = Body<"/api/customers">;
export type SpecificConditionsView = Answer<"/api/specific-conditions">[number];

/**
 * One refused field (details.problems of a refusal), already worded in the reader's language. An
 * error's details are free-form in the document (ApiError), so their shape is named here.
 */
export interface FieldProblem {
  field: string;
  reason: string;
  value: string;
  expected: string;
  message: string;
}

/** One refused line of a CSV import. */
export interface LineProblem extends FieldProblem {
  line: number;
  column: string;
}
