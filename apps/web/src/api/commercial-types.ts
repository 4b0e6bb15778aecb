/**
 * The commercial API's answers (issue 16: customers, specific conditions), named from the generated
 * types (schema.d.ts, `npm run api:generate`), never a copy of them.
 */
import type { Answer, Body } from "./paths";
import type { components } from "./schema";

export type CustomerView = Answer<"/api/customers">[number];
export type NewCustomer = Body<"/api/customers">;
export type SpecificConditionsView = Answer<"/api/specific-conditions">[number];
export type NewSpecificConditions = Body<"/api/specific-conditions">;

/** One refused field (details.problems of a refusal), already worded in the reader's language. */
export type FieldProblem = components["schemas"]["FieldProblem"];
/** One refused line of a CSV import. */
export type LineProblem = components["schemas"]["LineProblem"];
