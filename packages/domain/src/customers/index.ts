/** Customers and what the provider records for them: company identifiers, specific conditions, CSV import. */
export * from "./company-identifiers.js";
export * from "./countries.js";
export * from "./csv-parse.js";
export * from "./customer-csv.js";
export * from "./customer-record.js";
export * from "./eu-vat-numbers.js";
export * from "./specific-conditions.js";
