import { REPORT_EXCLUSIONS, type ResponseFigures } from "@guichet/domain";
import { z } from "zod";
import { ZPriority } from "../../http/api-schemas.js";
import type { SlaReport } from "./sla-report.js";

const ZMinutes = z.number().nullable();

const ZFigures = z
  .object({
    counted: z.number(),
    met: z.number(),
    breached: z.number(),
    running: z.number(),
    answered: z.number(),
    medianMinutes: ZMinutes,
    p90Minutes: ZMinutes,
    excluded: z.object(Object.fromEntries(REPORT_EXCLUSIONS.map((reason) => [reason, z.number()]))),
  })
  .meta({ id: "SlaFigures" });

export const ZMonthReport = z
  .object({
    month: z.string(),
    from: z.string(),
    to: z.string(),
    priorities: z.array(ZFigures.extend({ priority: ZPriority })),
    total: ZFigures,
  })
  .meta({ id: "SlaMonth" });

const ZReportHead = {
  organisationId: z.string(),
  organisationName: z.string(),
  timeZone: z.string(),
  evaluatedAt: z.string(),
  /** How medians and percentiles are taken (nearest rank: always an observed time). */
  percentile: z.literal("nearest-rank"),
};

export const ZSlaReport = z.object({ ...ZReportHead, ...ZMonthReport.shape }).meta({ id: "SlaReport" });
export const ZSlaSeries = z
  .object({
    ...ZReportHead,
    from: z.string(),
    to: z.string(),
    months: z.array(ZMonthReport),
  })
  .meta({ id: "SlaSeries" });

/** Business minutes to the tenth: the engine counts in milliseconds, people read minutes. */
const tenth = (minutes: number | null) => (minutes === null ? null : Math.round(minutes * 10) / 10);

function presentFigures<F extends ResponseFigures>(figures: F): F {
  return { ...figures, medianMinutes: tenth(figures.medianMinutes), p90Minutes: tenth(figures.p90Minutes) };
}

function presentMonth(month: SlaReport["months"][number]): z.infer<typeof ZMonthReport> {
  return {
    month: month.month,
    from: month.from.toISOString(),
    to: month.to.toISOString(),
    priorities: month.priorities.map(presentFigures),
    total: presentFigures(month.total),
  };
}

function headOf(report: SlaReport) {
  return {
    organisationId: report.organisation.id,
    organisationName: report.organisation.name,
    timeZone: report.timeZone,
    evaluatedAt: report.evaluatedAt.toISOString(),
    percentile: "nearest-rank" as const,
  };
}

/** One month's report (the first of the report's months). */
export function presentSlaReport(report: SlaReport): z.infer<typeof ZSlaReport> {
  const [month] = report.months;
  if (!month) throw new Error("presentSlaReport: a report of no month");
  return { ...headOf(report), ...presentMonth(month) };
}

export function presentSlaSeries(report: SlaReport): z.infer<typeof ZSlaSeries> {
  const months = report.months.map(presentMonth);
  return { ...headOf(report), from: months[0]?.month ?? "", to: months.at(-1)?.month ?? "", months };
}
