import { call } from "./client";
import type { NewCustomer, NewSpecificConditions } from "./commercial-types";

/** The commercial API (issue 16), one function per route the portal uses, typed from `paths`. */
export const commercialApi = {
  customers: () => call("get", "/api/customers"),
  createCustomer: (input: NewCustomer) => call("post", "/api/customers", { body: input }),
  importCustomers: (csv: string) => call("post", "/api/customers/import", { body: { csv } }),
  specificConditions: () => call("get", "/api/specific-conditions"),
  recordSpecificConditions: (body: NewSpecificConditions) =>
    call("post", "/api/specific-conditions", { body }),
};

export const commercialKeys = {
  customers: ["customers"] as const,
  specificConditions: ["specific-conditions"] as const,
};
