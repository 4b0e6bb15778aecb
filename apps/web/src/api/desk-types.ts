/**
 * The service desk's answers, named from the generated types (schema.d.ts): the texts in them
 * (labels, explanations, refusals) come already in the reader's language.
 */

import type { Answer, Body, Query } from "./paths";
import type { components } from "./schema";

export { REPORT_EXCLUSIONS } from "./enums";

type Schemas = components["schemas"];

export type TicketAction = Schemas["TicketAction"];
export type TicketChannel = Schemas["TicketChannel"];
/** One SLA clock now (MCR-SUP-06, MCR-SUP-10), as lists show it. */
export type SlaClockState = Schemas["SlaClockState"];
export type ClockState = SlaClockState["state"];
/** A clock on the ticket's own page: with its explanation in words, citing the clause (GEN-02). */
export type SlaClock = Schemas["SlaClock"];
export type TicketSummary = Schemas["TicketSummary"];
export type TicketPage = Schemas["TicketPage"];
export type TimelineEntry = Schemas["TimelineEntry"];
export type TimelineType = TimelineEntry["type"];
export type TicketView = Schemas["Ticket"];
/** The portal always names its page: `limit` and `offset` are given. */
export type TicketQuery = Query<"/api/tickets"> & Required<Pick<Query<"/api/tickets">, "limit" | "offset">>;

/** What the signed-in customer may open (MCR-SUP-04..06, MCR-SUP-08, DSN-SUP-01). */
export type DeskForm = Schemas["DeskForm"];
export type NewTicket = Body<"/api/tickets">;

/** The portal declared unavailable by the provider (MCR-SUP-03, DSN-SUP-08); no end: until ended. */
export type PortalOutage = Schemas["PortalOutage"];
/** A scheduled maintenance of a service (DSN-SUP-07). */
export type MaintenanceView = Schemas["Maintenance"];
export type MaintenanceListed = Schemas["MaintenanceListed"];
/** Ended and cancelled announcements, latest start first; `next` asks for the page after (DSN-SUP-07). */
export type MaintenanceHistoryPage = Answer<"/api/maintenance">;
export type NewMaintenance = Body<"/api/maintenance">;
/** An announcement or a cancellation, and how many people of how many customers were told by e-mail. */
export type MaintenanceChange = Schemas["MaintenanceChange"];

export type ReportExclusion = Schemas["ReportExclusion"];
/** Initial-response figures of some tickets (MCR-SUP-06); times in business minutes, to the tenth. */
export type SlaFigures = Schemas["SlaFigures"];
export type SlaMonth = Schemas["SlaMonth"];
/** A customer's figures month by month. */
export type SlaSeries = Schemas["SlaSeries"];
/** The portal always names the months it shows. */
type MonthlyQuery = Query<"/api/desk/reports/sla/monthly">;
export type SlaQuery = Pick<MonthlyQuery, "organisationId"> & Required<Pick<MonthlyQuery, "from" | "to">>;
