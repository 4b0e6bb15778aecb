/**
 * The API's answers as the portal reads them: names for the generated types (schema.d.ts, from the
 * server's OpenAPI document by `npm run api:generate`), never a copy of them.
 */

import type { Answer, Body, Query } from "./paths";
import type { components } from "./schema";

export { CUSTOMER_ROLES, PROVIDER_ROLES, TICKET_STATUSES, TOKEN_ROLES } from "./enums";

type Schemas = components["schemas"];

export type Locale = Schemas["Locale"];
export type Label = Schemas["Label"];
export type Role = Schemas["Role"];
export type ProviderRole = Schemas["ProviderRole"];
export type Priority = Schemas["Priority"];
export type TicketStatus = Schemas["TicketStatus"];

/** How a plan's customers reach support (MCR-SUP-03, MCR-SUP-09, DSN-SUP-08). */
export type PlanChannels = Schemas["PlanChannels"];
export type CalendarSummary = Schemas["CalendarSummary"];
export type Weekday = CalendarSummary["days"][number]["day"];
export type ContractSummary = Schemas["ContractSummary"];
/** The clause of each rule, and what the contract offers; "deployment-rule" where it has no clause. */
export type ContractRules = Schemas["ContractRules"];

export type Me = Schemas["Me"];
/** A right the server answers with the person (policies/rights.ts). */
export type Right = Schemas["Right"];
export type UserView = Schemas["User"];
export type UserStatus = UserView["status"];
export type Invitation = Body<"/api/organisations/{organisationId}/users">;
export type NamedContactInput = Body<"/api/organisations/{organisationId}/named-contacts">;
export type NamedContactQuota = Answer<"/api/organisations/{organisationId}/named-contacts">;
export type ApiTokenView = Schemas["ApiToken"];
export type SupportGrantView = Schemas["SupportGrant"];
export type OrganisationView = Schemas["Organisation"];

export type AuditQuery = Query<"/api/audit">;
export type AuditEntry = Schemas["AuditEntry"];
export type OutboxMessage = Schemas["OutboxMessage"];
export type OutboxStatus = OutboxMessage["status"];
export type OutboxPage = Answer<"/api/outbox">;
