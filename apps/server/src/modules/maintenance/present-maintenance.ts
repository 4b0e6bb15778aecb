import type { maintenanceWindows } from "@guichet/db";
import type { Language } from "@guichet/domain";
import { type Contract, type Locale, orDeploymentRule, parseCalendarDuration } from "@guichet/domain";
import { z } from "zod";
import { formatCalendarDuration } from "../../i18n/format-duration.js";
import { t } from "../../i18n/index.js";
import { catalogueFor } from "../../i18n/reader.js";

export type MaintenanceWindow = typeof maintenanceWindows.$inferSelect;

/** A catalogue item's name in the reader's language; its id if the contract no longer lists it. */
export function serviceName(contract: Contract, catalogueItemId: string, locale: Language): string {
  const name = contract.catalogue.items.find((item) => item.id === catalogueItemId)?.name;
  // The contract's name in the reader's language, else in its own (issue 23).
  return name ? (name[locale] ?? name[catalogueFor(locale, contract)]) : catalogueItemId;
}

export const ZMaintenanceView = z
  .object({
    id: z.string(),
    catalogueItemId: z.string(),
    service: z.string(),
    title: z.string(),
    description: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    expectedMinutes: z.number(),
    announcedAt: z.string(),
    cancelledAt: z.string().nullable(),
    state: z.enum(["upcoming", "in_progress", "over", "cancelled"]),
    clause: z.string(),
    /**
     * The notice applied when it was announced (DSN-SUP-07): its duration as the contract writes
     * them (null: none required, or none stated), where it came from, and `said` in the reader's
     * language; null for an announcement made before Guichet recorded it.
     */
    notice: z
      .object({
        source: z.enum(["contract", "specific-conditions", "not-stated"]),
        duration: z.string().nullable(),
        document: z.string().nullable(),
        said: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "Maintenance" });

export type TMaintenanceView = z.infer<typeof ZMaintenanceView>;

/** Who cancelled an announcement ("Name <e-mail>", as they were named then) and why. */
export interface Cancellation {
  by: string;
  reason: string | null;
}

/** An announcement as GET /api/maintenance lists it: who cancelled it and why, where the reader may know. */
export const ZMaintenanceListed = ZMaintenanceView.extend({
  cancelledBy: z.string().nullable(),
  cancellationReason: z.string().nullable(),
}).meta({ id: "MaintenanceListed" });

export type TMaintenanceListed = z.infer<typeof ZMaintenanceListed>;

type NoticeSource = "contract" | "specific-conditions" | "not-stated";
const NOTICE_SOURCES: readonly string[] = ["contract", "specific-conditions", "not-stated"];

/** The notice recorded with an announcement, worded: never a figure Guichet made up (issue 14). */
function noticeOf(window: MaintenanceWindow, clause: string, locale: Locale): TMaintenanceView["notice"] {
  if (!window.noticeSource || !NOTICE_SOURCES.includes(window.noticeSource)) return null;
  const source = window.noticeSource as NoticeSource;
  const duration = window.notice ? parseCalendarDuration(window.notice) : undefined;
  const document = window.noticeDocument;
  const params = {
    clause,
    document: document ?? "",
    notice: duration ? formatCalendarDuration(duration, locale) : "",
  };
  const key =
    source === "not-stated"
      ? document
        ? "maintenance.notice.not_stated_in"
        : "maintenance.notice.not_stated"
      : source === "contract"
        ? duration
          ? "maintenance.notice.contract"
          : "maintenance.notice.contract_none"
        : duration
          ? "maintenance.notice.specific_conditions"
          : "maintenance.notice.specific_conditions_none";
  return { source, duration: window.notice, document, said: t(locale, key, params) };
}

/** What the portal shows of an announcement: not who announced it (that is in the audit trail). */
export function presentMaintenance(
  contract: Contract,
  window: MaintenanceWindow,
  now: Date,
  locale: Locale,
): TMaintenanceView {
  const clause = orDeploymentRule(contract.ticketWorkflow.maintenance?.clause);
  const state = window.cancelledAt
    ? "cancelled"
    : now < window.startsAt
      ? "upcoming"
      : now < window.endsAt
        ? "in_progress"
        : "over";
  return {
    id: window.id,
    catalogueItemId: window.catalogueItemId,
    service: serviceName(contract, window.catalogueItemId, locale),
    title: window.title,
    description: window.description,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    expectedMinutes: window.expectedMinutes,
    announcedAt: window.announcedAt.toISOString(),
    cancelledAt: window.cancelledAt?.toISOString() ?? null,
    state,
    clause,
    notice: noticeOf(window, clause, locale),
  };
}

/** `cancellation` only for readers who may see it (the provider's staff); null fields otherwise. */
export function presentListed(
  contract: Contract,
  window: MaintenanceWindow,
  now: Date,
  locale: Locale,
  cancellation?: Cancellation,
): TMaintenanceListed {
  return {
    ...presentMaintenance(contract, window, now, locale),
    cancelledBy: cancellation?.by ?? null,
    cancellationReason: cancellation?.reason ?? null,
  };
}
