import { call, urlOf } from "./client";
import type { NewOrder, NewQuota, NewWholesaleContract, QuotaDecision, QuotaIncrease } from "./orders-types";

/** The orders API (issue 16), one function per route the portal uses, typed from `paths`. */
export const ordersApi = {
  /** One organisation's orders, or every customer's for provider staff (no organisation). */
  orders: (organisationId?: string) =>
    organisationId
      ? call("get", "/api/organisations/{organisationId}/orders", { path: { organisationId } })
      : call("get", "/api/orders"),
  options: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/order-options", { path: { organisationId } }),
  order: (organisationId: string, body: NewOrder) =>
    call("post", "/api/organisations/{organisationId}/orders", { path: { organisationId }, body }),
  orderFormUrl: (orderId: string) => urlOf("/api/orders/{orderId}/order-form.pdf", { path: { orderId } }),
  sign: (orderId: string, body: { sha256: string; signerName: string; signerRole: string }) =>
    call("post", "/api/orders/{orderId}/signature", { path: { orderId }, body }),
  signedScan: (orderId: string, body: { pdfBase64: string; signerName: string; signerRole: string }) =>
    call("post", "/api/orders/{orderId}/signed-scan", { path: { orderId }, body }),
  wholesaleContracts: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/wholesale-contracts", { path: { organisationId } }),
  recordWholesaleContract: (organisationId: string, body: NewWholesaleContract) =>
    call("post", "/api/organisations/{organisationId}/wholesale-contracts", {
      path: { organisationId },
      body,
    }),
  quotas: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/quotas", { path: { organisationId } }),
  setQuota: (organisationId: string, body: NewQuota) =>
    call("post", "/api/organisations/{organisationId}/quotas", { path: { organisationId }, body }),
  askQuota: (organisationId: string, quotaId: string, body: QuotaIncrease) =>
    call("post", "/api/organisations/{organisationId}/quotas/{quotaId}/requests", {
      path: { organisationId, quotaId },
      body,
    }),
  decideQuota: (requestId: string, body: QuotaDecision) =>
    call("post", "/api/quota-requests/{requestId}/decision", { path: { requestId }, body }),
  accept: (orderId: string, body: { vendorAccountId: string; billingAccountId?: string }) =>
    call("post", "/api/orders/{orderId}/accept", { path: { orderId }, body }),
  activate: (orderId: string, activationOn: string) =>
    call("post", "/api/orders/{orderId}/activate", { path: { orderId }, body: { activationOn } }),
  refuse: (orderId: string, reason: string) =>
    call("post", "/api/orders/{orderId}/refuse", { path: { orderId }, body: { reason } }),
  identifiersSent: (orderId: string) =>
    call("post", "/api/orders/{orderId}/identifiers-sent", { path: { orderId }, body: {} }),
  vendorAccounts: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/vendor-accounts", { path: { organisationId } }),
  documents: (organisationId: string) =>
    call("get", "/api/organisations/{organisationId}/documents", { path: { organisationId } }),
};

export const ordersKeys = {
  /** Every query of the area starts with this: an order's decision refreshes them all. */
  all: ["orders"] as const,
  orders: (organisationId?: string) => ["orders", "list", organisationId ?? "all"] as const,
  options: (organisationId: string) => ["orders", "options", organisationId] as const,
  vendorAccounts: (organisationId: string) => ["orders", "vendor-accounts", organisationId] as const,
  documents: (organisationId: string) => ["orders", "documents", organisationId] as const,
  wholesaleContracts: (organisationId: string) => ["orders", "wholesale-contracts", organisationId] as const,
  quotas: (organisationId: string) => ["orders", "quotas", organisationId] as const,
};
