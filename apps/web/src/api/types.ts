/**
 * The API's answers as the portal reads them. They mirror the server's zod response schemas
 * (apps/server/src/modules/**); the OpenAPI document at /api/openapi.json is the reference.
 */

export type Locale = "fr" | "en";
export type Label = Record<Locale, string>;

export const PROVIDER_ROLES = [
  "admin",
  "support_agent",
  "account_manager",
  "billing",
  "security_officer",
] as const;
export const CUSTOMER_ROLES = ["customer_admin", "named_contact", "user", "billing_reader"] as const;
export type Role = (typeof PROVIDER_ROLES)[number] | (typeof CUSTOMER_ROLES)[number];
/** Roles an API token may carry (DSN-SEC-03). */
export const TOKEN_ROLES = ["named_contact", "user", "billing_reader"] as const;

export const PRIORITIES = ["P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TICKET_STATUSES = ["new", "in_progress", "on_hold", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** How a plan's customers reach support (MCR-SUP-03, MCR-SUP-09, DSN-SUP-08). */
export interface PlanChannels {
  portal: boolean;
  email: {
    accept: "always" | "when-portal-unavailable" | "never";
    /** Absent: the deployment's desk mailbox (ContractSummary.deskMailAddress). */
    address?: string;
    senderMustBe?: "account-administrator" | "named-contact" | "identifier-holder";
    subjectNeedsReference: boolean;
    clause: string;
  };
  phone?: { priorities: Priority[]; requiresExistingTicket: boolean; clause: string };
  clause: string;
}

export interface CalendarSummary {
  id: string;
  /** The contract's name for the calendar ("Heures Ouvrées"); absent when it names it by id only. */
  label?: Label;
  timeZone: string;
  /** Open days only, in week order, with their local opening ranges ("09:00"–"19:00"). */
  days: { day: Weekday; ranges: [string, string][] }[];
  closedOnHolidays: boolean;
}

export interface ContractSummary {
  id: string;
  version: string;
  title: Label;
  provider: { name: string; portalName: Label; supportDeskName?: Label };
  priorities: { id: Priority; label: Label; definition?: Label }[];
  prioritiesClause: string;
  supportPlans: {
    id: string;
    name: Label;
    clause: string;
    initialResponse?: { priority: Priority; target: Label; calendar: string }[];
    channels: PlanChannels;
  }[];
  calendars: CalendarSummary[];
  ticketWorkflow: {
    referencePrefix: string;
    vocabulary: "requests" | "reports";
    statuses: { id: TicketStatus; label: Label; clause: string }[];
    categories: { id: string; label: Label; slaApplies: boolean; clause: string }[];
    closing: { mode: "confirmation-or-auto-close" | "on-resolution"; clause: string };
    outOfScope: {
      action: "close-with-reason" | "refuse-at-deposit";
      reasons: { id: string; label: Label }[];
      clause: string;
    };
    priorityDispute?: { clause: string };
  };
  catalogue: { id: string; kind: string; name: Label }[];
  /** zxcvbn's 0–4 scale (DSN-ID-02). */
  passwordPolicy: { minimumStrength: number; recommendedStrength: number };
  deskMailAddress: string | null;
  /** The clause of each rule, and what the contract offers; "deployment-rule" where it has no clause. */
  rules: ContractRules;
}

/** Mirrors the domain's ContractRules (packages/domain/src/contract/rules.ts). */
export interface ContractRules {
  invitation: string;
  delegatedInvitation?: string;
  rights: string;
  customerRoles: (typeof CUSTOMER_ROLES)[number][];
  password: string;
  revocation: { clause: string; reasons: { id: string; label: Label }[]; reissue: boolean };
  supportGrants?: string;
  namedContacts?: string;
  apiTokens: string;
  suspension: string;
  audit: string;
  maintenance?: string;
  portalOutage?: string;
  slaReport?: string;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationKind: "provider" | "customer";
  roles: Role[];
  canInvite: boolean;
  via: "session" | "api_token";
  csrfToken?: string;
  /** Set while a provider agent acts in a customer's tenant (MCR-ACC-05). */
  acting?: { organisationId: string; organisationName: string; grantId: string };
}

export type UserStatus = "invited" | "active" | "deactivated" | "suspended" | "revoked";

export interface UserView {
  id: string;
  organisationId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: Locale;
  status: UserStatus;
  statusReason: string | null;
  statusChangedAt: string;
  roles: Role[];
  canInvite: boolean;
  secondFactor: boolean;
  lastUsedAt: string | null;
  identifierDueAt: string | null;
  namedContact: { jobTitle: string; phone: string; availability: string } | null;
}

export interface Invitation {
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  canInvite?: boolean;
  locale?: Locale;
}

export interface NamedContactInput {
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  phone: string;
  availability: string;
  locale?: Locale;
}

export interface NamedContactQuota {
  plan: string;
  planName: Label;
  limit: number | "unlimited";
  current: number;
  clause: string;
}

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  roles: Role[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface SupportGrantView {
  id: string;
  organisationId: string;
  agent: { id: string; name: string; email: string };
  reason: string;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
}

export interface OrganisationView {
  id: string;
  kind: "provider" | "customer";
  slug: string;
  name: string;
  status: "active" | "suspended";
  subscriptions: { catalogueItemId: string; startsOn: string; endsOn: string | null }[];
}

export interface AuditQuery {
  email?: string;
  organisationId?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  actorOrganisationId: string | null;
  organisationId: string | null;
  grantId: string | null;
  via: string;
  apiTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "failure";
  data: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface OutboxMessage {
  id: string;
  organisationId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxPage {
  items: OutboxMessage[];
  nextCursor: string | null;
}
