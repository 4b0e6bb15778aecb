import type { BudgetInput, CostExplorerQuery, CostImportSummary } from "./billing-types";
import { call, sendForm, urlOf } from "./client";

/** Billing (issue 17), one function per route the portal uses, typed from `paths`. */
export const billingApi = {
  invoices: (organisationId?: string) =>
    call("get", "/api/invoices", { query: organisationId ? { organisationId } : {} }),
  /** One invoice or credit note with its lines in words, its VAT and its mentions, in the reader's language. */
  invoice: (invoiceId: string) => call("get", "/api/invoices/{invoiceId}", { path: { invoiceId } }),
  runInvoices: (month: string) => call("post", "/api/billing/invoice-runs", { body: { month } }),
  /** Corrects an issued invoice: the whole of it, or `amount` excluding VAT ("12.50"). */
  issueCreditNote: (invoiceId: string, body: { reason: string; amount?: string }) =>
    call("post", "/api/invoices/{invoiceId}/credit-notes", { path: { invoiceId }, body }),
  /** A month's simulation (MCR-BIL-04); no month: the current one, as the server counts it. */
  simulation: (month?: string) => call("get", "/api/billing/simulation", { query: month ? { month } : {} }),
  unmatchedAccounts: () => call("get", "/api/billing/unmatched-accounts"),
  /** FOCUS files as one import, all or nothing (MCR-BIL-01), with the share of bytes sent so far. */
  importCosts: (files: readonly File[], onProgress?: (sent: number) => void) => {
    const form = new FormData();
    for (const file of files) form.append("files", file, file.name);
    return sendForm<CostImportSummary>(urlOf("/api/billing/cost-imports"), form, onProgress);
  },
  costMonths: () => call("get", "/api/billing/cost-months"),
  budgets: () => call("get", "/api/budgets"),
  saveBudget: (body: BudgetInput) => call("post", "/api/budgets", { body }),
  deleteBudget: (budgetId: string) => call("delete", "/api/budgets/{budgetId}", { path: { budgetId } }),
  costExplorer: (query: CostExplorerQuery) => call("get", "/api/billing/cost-explorer", { query }),
  /** Download addresses (the browser follows them; each download is audited by the server). */
  pdfUrl: (invoiceId: string) => urlOf("/api/invoices/{invoiceId}/pdf", { path: { invoiceId } }),
  xmlUrl: (invoiceId: string) => urlOf("/api/invoices/{invoiceId}/xml", { path: { invoiceId } }),
  /** The customer's own FOCUS lines of a month (MCR 6.1.2 "facturation détaillée"). */
  detailUrl: (month: string, format: "csv" | "parquet") =>
    format === "csv"
      ? urlOf("/api/billing/detailed-lines/csv", { query: { month } })
      : urlOf("/api/billing/detailed-lines/parquet", { query: { month } }),
};

export const billingKeys = {
  invoices: ["invoices"] as const,
  /** Under `invoices`: a credit note issued refreshes the list and every detail. */
  invoice: (invoiceId: string) => ["invoices", invoiceId] as const,
  simulation: (month: string | null) => ["billing-simulation", month] as const,
  unmatched: ["unmatched-accounts"] as const,
  costMonths: ["cost-months"] as const,
  budgets: ["budgets"] as const,
  explorer: (query: CostExplorerQuery) => ["cost-explorer", query] as const,
};
