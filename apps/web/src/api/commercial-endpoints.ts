import { request } from "./client";
import type { CustomerView, NewCustomer, SpecificConditionsView } from "./commercial-types";

/** The commercial API (issue 16), one typed function per route the portal uses. */
export const commercialApi = {
  customers: () => request<CustomerView[]>("get", "/api/customers"),
  createCustomer: (input: NewCustomer) =>
    request<{ customer: CustomerView; administrator: { userId: string; identifierDueAt: string | null } }>(
      "post",
      "/api/customers",
      input,
    ),
  importCustomers: (csv: string) =>
    request<{ created: { line: number; organisationId: string; legalName: string }[] }>(
      "post",
      "/api/customers/import",
      { csv },
    ),
  specificConditions: () => request<SpecificConditionsView[]>("get", "/api/specific-conditions"),
};

export const commercialKeys = {
  customers: ["customers"] as const,
  specificConditions: ["specific-conditions"] as const,
};
