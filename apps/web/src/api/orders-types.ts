/**
 * The orders area's answers (issue 16: orders, vendor accounts, documents), named from the generated
 * types (schema.d.ts, `npm run api:generate`), never a copy of them.
 */
import type { Answer, Body } from "./paths";

export type OrderView = Answer<"/api/orders">[number];
export type NewOrder = Body<"/api/organisations/{organisationId}/orders">;
export type OrderOptions = Answer<"/api/organisations/{organisationId}/order-options">;
export type VendorAccountView = Answer<"/api/organisations/{organisationId}/vendor-accounts">[number];
export type DocumentsView = Answer<"/api/organisations/{organisationId}/documents">;
export type WholesaleContractView = Answer<"/api/organisations/{organisationId}/wholesale-contracts">[number];
export type NewWholesaleContract = Body<"/api/organisations/{organisationId}/wholesale-contracts">;
export type QuotaView = Answer<"/api/organisations/{organisationId}/quotas">[number];
export type NewQuota = Body<"/api/organisations/{organisationId}/quotas">;
export type QuotaIncrease = Body<"/api/organisations/{organisationId}/quotas/{quotaId}/requests">;
export type QuotaDecision = Body<"/api/quota-requests/{requestId}/decision">;
export type OrderDecision = "accept" | "activate" | "refuse" | "identifiers-sent";
