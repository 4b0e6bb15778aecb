/**
 * Billing's answers (issue 17: invoices, the month's simulation, unmatched vendor accounts), named
 * from the generated types (schema.d.ts, `npm run api:generate`), never a copy of them.
 */
import type { Answer, Body, Query } from "./paths";

export type InvoiceSummary = Answer<"/api/invoices">["items"][number];
export type InvoiceDetail = Answer<"/api/invoices/{invoiceId}">;
export type InvoiceRun = Answer<"/api/billing/invoice-runs", "post">;
export type InvoiceRunInput = Body<"/api/billing/invoice-runs">;
export type MonthSimulation = Answer<"/api/billing/simulation">;
export type UnmatchedAccount = Answer<"/api/billing/unmatched-accounts">["items"][number];
export type CostMonth = Answer<"/api/billing/cost-months">["items"][number];
export type CostExplorer = Answer<"/api/billing/cost-explorer">;
export type CostExplorerQuery = Query<"/api/billing/cost-explorer">;
export type Budgets = Answer<"/api/budgets">;
export type Budget = Budgets["items"][number];
export type BudgetInput = Body<"/api/budgets">;
export type CostImportSummary = Answer<"/api/billing/cost-imports", "post">;
