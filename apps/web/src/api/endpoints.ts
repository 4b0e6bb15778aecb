import { call, sendForm, setCsrfToken, urlOf } from "./client";
import type {
  MaintenanceChange,
  NewMaintenance,
  NewTicket,
  SlaQuery,
  TicketQuery,
  TicketView,
} from "./desk-types";
import type { Body } from "./paths";
import type { AuditQuery, Invitation, Locale, NamedContactInput, Role } from "./types";

const ORG = "/api/organisations/{organisationId}";
const TICKET = "/api/tickets/{ticketId}";
const inOrg = (organisationId: string) => ({ path: { organisationId } });
const onTicket = (ticketId: string) => ({ path: { ticketId } });

/** The API, one function per route the portal uses, typed from the generated `paths` (schema.d.ts). */
export const api = {
  contract: () => call("get", "/api/contract"),

  async me() {
    const me = await call("get", "/api/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  },
  async signIn(input: Body<"/api/auth/sign-in">) {
    const session = await call("post", "/api/auth/sign-in", { body: input });
    setCsrfToken(session.csrfToken);
    return session;
  },
  async signOut() {
    await call("post", "/api/auth/sign-out");
    setCsrfToken(undefined);
  },
  enrolTotp: () => call("post", "/api/auth/totp/enrol"),
  verifyTotp: (code: string) => call("post", "/api/auth/totp/verify", { body: { code } }),
  redeemLink: (token: string, password: string) =>
    call("post", "/api/auth/links/redeem", { body: { token, password } }),
  requestPasswordReset: (email: string) => call("post", "/api/auth/password-reset", { body: { email } }),
  /** A provider agent enters a customer's tenant under a grant, or leaves it with null (MCR-ACC-05). */
  act: (grantId: string | null) => call("post", "/api/auth/acting", { body: { grantId } }),

  users: (organisationId: string) => call("get", `${ORG}/users`, inOrg(organisationId)),
  invite: (organisationId: string, invitation: Invitation) =>
    call("post", `${ORG}/users`, { ...inOrg(organisationId), body: invitation }),
  revokeIdentifier: (organisationId: string, userId: string, reason: string | undefined) =>
    call("post", `${ORG}/users/{userId}/revoke`, { path: { organisationId, userId }, body: { reason } }),
  /** A person's roles and right to invite (MCR-ACC-03, issue 14). */
  changeRights: (organisationId: string, userId: string, body: { roles: Role[]; canInvite: boolean }) =>
    call("post", `${ORG}/users/{userId}/rights`, { path: { organisationId, userId }, body }),
  namedContactQuota: (organisationId: string) => call("get", `${ORG}/named-contacts`, inOrg(organisationId)),
  addNamedContact: (organisationId: string, contact: NamedContactInput) =>
    call("post", `${ORG}/named-contacts`, { ...inOrg(organisationId), body: contact }),

  apiTokens: (organisationId: string) => call("get", `${ORG}/api-tokens`, inOrg(organisationId)),
  createApiToken: (organisationId: string, input: Body<"/api/organisations/{organisationId}/api-tokens">) =>
    call("post", `${ORG}/api-tokens`, { ...inOrg(organisationId), body: input }),
  revokeApiToken: (organisationId: string, tokenId: string) =>
    call("post", `${ORG}/api-tokens/{tokenId}/revoke`, { path: { organisationId, tokenId } }),

  supportGrants: (organisationId: string) => call("get", `${ORG}/support-grants`, inOrg(organisationId)),
  grantSupport: (organisationId: string, input: Body<"/api/organisations/{organisationId}/support-grants">) =>
    call("post", `${ORG}/support-grants`, { ...inOrg(organisationId), body: input }),
  revokeSupportGrant: (organisationId: string, grantId: string) =>
    call("post", `${ORG}/support-grants/{grantId}/revoke`, { path: { organisationId, grantId } }),

  organisations: () => call("get", "/api/organisations"),
  organisation: (organisationId: string) => call("get", ORG, inOrg(organisationId)),
  setSuspension: (organisationId: string, suspended: boolean, reason: string) =>
    call("post", suspended ? `${ORG}/suspension` : `${ORG}/suspension/lift`, {
      ...inOrg(organisationId),
      body: { reason },
    }),

  audit: (query: AuditQuery) => call("get", "/api/audit", { query }),
  /** The same search as a CSV file, for a download link (the session cookie goes with it). */
  auditCsvUrl: (query: AuditQuery) => urlOf("/api/audit/export.csv", { query: { ...query, limit: 1000 } }),
  /** One organisation's audit chain with its anchors, a JSON file to verify offline (DSN-SEC-01). */
  auditChainUrl: (organisationId: string) => urlOf(`${ORG}/audit-chain`, inOrg(organisationId)),
  outbox: (cursor?: string) => call("get", "/api/outbox", { query: { cursor } }),

  deskForm: () => call("get", "/api/desk/form"),
  tickets: (query: TicketQuery) => call("get", "/api/tickets", { query }),
  ticket: (ticketId: string) => call("get", TICKET, onTicket(ticketId)),
  openTicket: (input: NewTicket) => call("post", "/api/tickets", { body: input }),
  /** Every change on a ticket answers with the ticket as it now stands. */
  reply: (ticketId: string, body: string, visibility: "public" | "internal") =>
    call("post", `${TICKET}/messages`, { ...onTicket(ticketId), body: { body, visibility } }),
  /** The server's limits for files, checked before sending (issue 13). */
  attachmentRules: () => call("get", "/api/attachments/rules"),
  /** A new request with files on its first message: all kept or none. */
  openTicketWithFiles: (input: NewTicket, files: readonly File[], onProgress?: (sent: number) => void) => {
    const form = new FormData();
    form.append("ticket", JSON.stringify(input));
    for (const file of files) form.append("files", file, file.name);
    return sendForm<TicketView>(urlOf("/api/tickets/with-files"), form, onProgress);
  },
  /** A message with files (the text may be empty: the file names stand for it). */
  replyWithFiles: (
    ticketId: string,
    input: { body: string; visibility: "public" | "internal" },
    files: readonly File[],
    onProgress?: (sent: number) => void,
  ) => {
    const form = new FormData();
    form.append("body", input.body);
    form.append("visibility", input.visibility);
    for (const file of files) form.append("files", file, file.name);
    return sendForm<TicketView>(urlOf(`${TICKET}/attachments`, onTicket(ticketId)), form, onProgress);
  },
  changeStatus: (ticketId: string, input: Body<"/api/tickets/{ticketId}/status">) =>
    call("post", `${TICKET}/status`, { ...onTicket(ticketId), body: input }),
  changePriority: (ticketId: string, input: Body<"/api/tickets/{ticketId}/priority">) =>
    call("post", `${TICKET}/priority`, { ...onTicket(ticketId), body: input }),
  assign: (ticketId: string, userId: string | null) =>
    call("post", `${TICKET}/assignee`, { ...onTicket(ticketId), body: { userId } }),
  /** "Escalation required" (issue 23): the customer escalates by the portal, support records phone or e-mail. */
  escalate: (ticketId: string, channel: "portal" | "phone" | "email") =>
    call("post", `${TICKET}/escalations`, { ...onTicket(ticketId), body: { channel } }),
  logCall: (ticketId: string, summary: string) =>
    call("post", `${TICKET}/calls`, { ...onTicket(ticketId), body: { summary } }),

  /** Maintenance under way or to come: all of it for the provider, the customer's services for a customer. */
  maintenance: async () => (await call("get", "/api/maintenance")).items,
  /** Ended and cancelled announcements, a page at a time: `before` is the previous page's `next`. */
  maintenanceHistory: (before?: string) =>
    call("get", "/api/maintenance", { query: { period: "past", before } }),
  announceMaintenance: (input: NewMaintenance): Promise<MaintenanceChange> =>
    call("post", "/api/maintenance", { body: input }),
  cancelMaintenance: (maintenanceId: string, reason: string) =>
    call("post", "/api/maintenance/{maintenanceId}/cancel", { path: { maintenanceId }, body: { reason } }),
  currentOutage: async () => (await call("get", "/api/portal-outages/current")).outage,
  declareOutage: (input: Body<"/api/portal-outages">) => call("post", "/api/portal-outages", { body: input }),
  endOutage: (outageId: string) => call("post", "/api/portal-outages/{outageId}/end", { path: { outageId } }),

  slaSeries: (query: SlaQuery) => call("get", "/api/desk/reports/sla/monthly", { query }),
  /** The same months as a CSV file, for a download link, in the interface's language (not the browser's). */
  slaCsvUrl: (query: SlaQuery, lang: Locale) =>
    urlOf("/api/desk/reports/sla/monthly", { query: { ...query, format: "csv", lang } }),
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
  attachmentRules: ["attachment-rules"] as const,
  tickets: (query?: TicketQuery) => (query ? (["tickets", query] as const) : (["tickets"] as const)),
  ticket: (ticketId: string) => ["ticket", ticketId] as const,
  maintenance: ["maintenance"] as const,
  /** Under keys.maintenance, so what invalidates the current list refreshes the history too. */
  maintenanceHistory: ["maintenance", "past"] as const,
  outage: ["portal-outage"] as const,
  slaSeries: (query: SlaQuery) => ["sla-series", query] as const,
};
