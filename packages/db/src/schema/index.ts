/**
 * The database schema, one file per area. Times are UTC instants (timestamptz); local dates
 * (a subscription's start) are `date`. Tenant-owned tables carry `organisation_id`.
 * Migrations are generated from this with `npm run db:generate` and committed.
 */
export * from "./accounts.js";
export * from "./audit.js";
export * from "./billing.js";
export * from "./budgets.js";
export * from "./commitments.js";
export * from "./customers.js";
export * from "./deployment.js";
export * from "./desk.js";
export * from "./invoices.js";
export * from "./mail.js";
export * from "./news.js";
export * from "./notices.js";
export * from "./orders.js";
export * from "./organisations.js";
export * from "./security.js";
