import { queryString, request, setCsrfToken } from "./client";
import type {
  DeskForm,
  MaintenanceChange,
  MaintenanceHistoryPage,
  MaintenanceView,
  NewMaintenance,
  NewTicket,
  PortalOutage,
  SlaQuery,
  SlaSeries,
  TicketAction,
  TicketPage,
  TicketQuery,
  TicketView,
} from "./desk-types";
import type {
  ApiTokenView,
  AuditEntry,
  AuditQuery,
  ContractSummary,
  Invitation,
  Locale,
  Me,
  NamedContactInput,
  NamedContactQuota,
  OrganisationView,
  OutboxPage,
  Priority,
  Role,
  SupportGrantView,
  UserView,
} from "./types";

const org = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}`;
const ticket = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}`;

/** The API, one typed function per route the portal uses. */
export const api = {
  contract: () => request<ContractSummary>("GET", "/api/contract"),

  async me(): Promise<Me> {
    const me = await request<Me>("GET", "/api/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  },
  async signIn(input: { email: string; password: string; totpCode?: string }) {
    const session = await request<{ csrfToken: string; expiresAt: string }>(
      "POST",
      "/api/auth/sign-in",
      input,
    );
    setCsrfToken(session.csrfToken);
    return session;
  },
  async signOut() {
    await request<null>("POST", "/api/auth/sign-out");
    setCsrfToken(undefined);
  },
  enrolTotp: () => request<{ secret: string; uri: string }>("POST", "/api/auth/totp/enrol"),
  verifyTotp: (code: string) => request<null>("POST", "/api/auth/totp/verify", { code }),
  redeemLink: (token: string, password: string) =>
    request<{ email: string; strength: number }>("POST", "/api/auth/links/redeem", { token, password }),
  requestPasswordReset: (email: string) => request<null>("POST", "/api/auth/password-reset", { email }),
  /** A provider agent enters a customer's tenant under a grant, or leaves it with null (MCR-ACC-05). */
  act: (grantId: string | null) => request<null>("POST", "/api/auth/acting", { grantId }),

  users: (organisationId: string) => request<UserView[]>("GET", `${org(organisationId)}/users`),
  invite: (organisationId: string, invitation: Invitation) =>
    request<{ userId: string }>("POST", `${org(organisationId)}/users`, invitation),
  revokeIdentifier: (organisationId: string, userId: string, reason: string | undefined) =>
    request<{ newUserId: string }>("POST", `${org(organisationId)}/users/${userId}/revoke`, { reason }),
  namedContactQuota: (organisationId: string) =>
    request<NamedContactQuota>("GET", `${org(organisationId)}/named-contacts`),
  addNamedContact: (organisationId: string, contact: NamedContactInput) =>
    request<{ userId: string }>("POST", `${org(organisationId)}/named-contacts`, contact),

  apiTokens: (organisationId: string) => request<ApiTokenView[]>("GET", `${org(organisationId)}/api-tokens`),
  createApiToken: (organisationId: string, input: { name: string; roles: Role[]; expiresAt: string }) =>
    request<{ token: string; apiToken: ApiTokenView }>("POST", `${org(organisationId)}/api-tokens`, input),
  revokeApiToken: (organisationId: string, tokenId: string) =>
    request<null>("POST", `${org(organisationId)}/api-tokens/${tokenId}/revoke`),

  supportGrants: (organisationId: string) =>
    request<SupportGrantView[]>("GET", `${org(organisationId)}/support-grants`),
  grantSupport: (organisationId: string, input: { agentEmail: string; reason: string; expiresAt: string }) =>
    request<{ grantId: string }>("POST", `${org(organisationId)}/support-grants`, input),
  revokeSupportGrant: (organisationId: string, grantId: string) =>
    request<null>("POST", `${org(organisationId)}/support-grants/${grantId}/revoke`),

  organisations: () => request<OrganisationView[]>("GET", "/api/organisations"),
  organisation: (organisationId: string) => request<OrganisationView>("GET", org(organisationId)),
  setSuspension: (organisationId: string, suspended: boolean, reason: string) =>
    request<null>("POST", `${org(organisationId)}/suspension${suspended ? "" : "/lift"}`, { reason }),

  audit: (query: AuditQuery) => request<AuditEntry[]>("GET", `/api/audit${queryString({ ...query })}`),
  /** The same search as a CSV file, for a download link (the session cookie goes with it). */
  auditCsvUrl: (query: AuditQuery) => `/api/audit/export.csv${queryString({ ...query, limit: 1000 })}`,
  /** One organisation's audit chain with its anchors, a JSON file to verify offline (DSN-SEC-01). */
  auditChainUrl: (organisationId: string) => `${org(organisationId)}/audit-chain`,
  outbox: (cursor?: string) => request<OutboxPage>("GET", `/api/outbox${queryString({ cursor })}`),

  deskForm: () => request<DeskForm>("GET", "/api/desk/form"),
  tickets: (query: TicketQuery) => request<TicketPage>("GET", `/api/tickets${queryString({ ...query })}`),
  ticket: (ticketId: string) => request<TicketView>("GET", ticket(ticketId)),
  openTicket: (input: NewTicket) => request<TicketView>("POST", "/api/tickets", input),
  /** Every change on a ticket answers with the ticket as it now stands. */
  reply: (ticketId: string, body: string, visibility: "public" | "internal") =>
    request<TicketView>("POST", `${ticket(ticketId)}/messages`, { body, visibility }),
  changeStatus: (
    ticketId: string,
    input: { action: TicketAction; message?: string; outOfScopeReason?: string | null },
  ) => request<TicketView>("POST", `${ticket(ticketId)}/status`, input),
  changePriority: (
    ticketId: string,
    input: { priority: Priority; reason: string; mode: "set" | "propose" },
  ) => request<TicketView>("POST", `${ticket(ticketId)}/priority`, input),
  assign: (ticketId: string, userId: string | null) =>
    request<TicketView>("POST", `${ticket(ticketId)}/assignee`, { userId }),
  logCall: (ticketId: string, summary: string) =>
    request<TicketView>("POST", `${ticket(ticketId)}/calls`, { summary }),

  /** Maintenance under way or to come: all of it for the provider, the customer's services for a customer. */
  maintenance: async () => (await request<{ items: MaintenanceView[] }>("GET", "/api/maintenance")).items,
  /** Ended and cancelled announcements, a page at a time: `before` is the previous page's `next`. */
  maintenanceHistory: (before?: string) =>
    request<MaintenanceHistoryPage>("GET", `/api/maintenance${queryString({ period: "past", before })}`),
  announceMaintenance: (input: NewMaintenance) =>
    request<MaintenanceChange>("POST", "/api/maintenance", input),
  cancelMaintenance: (maintenanceId: string, reason: string) =>
    request<MaintenanceChange>("POST", `/api/maintenance/${encodeURIComponent(maintenanceId)}/cancel`, {
      reason,
    }),
  currentOutage: async () =>
    (await request<{ outage: PortalOutage | null }>("GET", "/api/portal-outages/current")).outage,
  declareOutage: (input: { reason: string; endsAt: string | null }) =>
    request<PortalOutage>("POST", "/api/portal-outages", input),
  endOutage: (outageId: string) =>
    request<PortalOutage>("POST", `/api/portal-outages/${encodeURIComponent(outageId)}/end`),

  slaSeries: (query: SlaQuery) =>
    request<SlaSeries>("GET", `/api/desk/reports/sla/monthly${queryString({ ...query })}`),
  /** The same months as a CSV file, for a download link, in the interface's language (not the browser's). */
  slaCsvUrl: (query: SlaQuery, lang: Locale) =>
    `/api/desk/reports/sla/monthly${queryString({ ...query, format: "csv", lang })}`,
};

/** Query keys, one place so invalidations cannot drift from the queries. */
export const keys = {
  contract: ["contract"] as const,
  me: ["me"] as const,
  users: (organisationId: string) => ["users", organisationId] as const,
  namedContacts: (organisationId: string) => ["named-contacts", organisationId] as const,
  apiTokens: (organisationId: string) => ["api-tokens", organisationId] as const,
  supportGrants: (organisationId: string) => ["support-grants", organisationId] as const,
  organisations: ["organisations"] as const,
  organisation: (organisationId: string) => ["organisations", organisationId] as const,
  audit: (query: AuditQuery) => ["audit", query] as const,
  outbox: ["outbox"] as const,
  deskForm: ["desk-form"] as const,
  tickets: (query?: TicketQuery) => (query ? (["tickets", query] as const) : (["tickets"] as const)),
  ticket: (ticketId: string) => ["ticket", ticketId] as const,
  maintenance: ["maintenance"] as const,
  /** Under keys.maintenance, so what invalidates the current list refreshes the history too. */
  maintenanceHistory: ["maintenance", "past"] as const,
  outage: ["portal-outage"] as const,
  slaSeries: (query: SlaQuery) => ["sla-series", query] as const,
};
