import { call, urlOf } from "./client";

/** Billing (issue 17), one function per route the portal uses, typed from `paths`. */
export const billingApi = {
  invoices: (organisationId?: string) =>
    call("get", "/api/invoices", { query: organisationId ? { organisationId } : {} }),
  runInvoices: (month: string) => call("post", "/api/billing/invoice-runs", { body: { month } }),
  simulation: () => call("get", "/api/billing/simulation"),
  unmatchedAccounts: () => call("get", "/api/billing/unmatched-accounts"),
  /** Download addresses (the browser follows them; each download is audited by the server). */
  pdfUrl: (invoiceId: string) => urlOf("/api/invoices/{invoiceId}/pdf", { path: { invoiceId } }),
  xmlUrl: (invoiceId: string) => urlOf("/api/invoices/{invoiceId}/xml", { path: { invoiceId } }),
};

export const billingKeys = {
  invoices: ["invoices"] as const,
  simulation: ["billing-simulation"] as const,
  unmatched: ["unmatched-accounts"] as const,
};
