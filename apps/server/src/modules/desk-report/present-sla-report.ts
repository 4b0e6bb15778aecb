import { type Contract, formatTarget, REPORT_EXCLUSIONS, type ResponseFigures } from "@guichet/domain";
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

/** The mean initial response of one plan and priority against its target (MCR-SUP-06, issue 14). */
const ZMeanResponse = z
  .object({
    plan: z.string(),
    planName: z.object({ fr: z.string(), en: z.string() }),
    priority: ZPriority,
    measured: z.number(),
    meanMinutes: ZMinutes,
    /** The target as the contract writes it, and in each language. */
    target: z.object({ text: z.string(), fr: z.string(), en: z.string() }),
    targetMinutes: ZMinutes,
    met: z.boolean().nullable(),
  })
  .meta({ id: "SlaMeanResponse" });

export const ZMonthReport = z
  .object({
    month: z.string(),
    from: z.string(),
    to: z.string(),
    priorities: z.array(ZFigures.extend({ priority: ZPriority })),
    total: ZFigures,
    meanResponse: z.array(ZMeanResponse),
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

function presentMonth(month: SlaReport["months"][number], contract: Contract): z.infer<typeof ZMonthReport> {
  return {
    month: month.month,
    from: month.from.toISOString(),
    to: month.to.toISOString(),
    priorities: month.priorities.map(presentFigures),
    total: presentFigures(month.total),
    meanResponse: month.meanResponse.map((mean) => ({
      ...mean,
      planName: contract.supportPlans[mean.plan]?.name ?? { fr: mean.plan, en: mean.plan },
      meanMinutes: tenth(mean.meanMinutes),
      targetMinutes: tenth(mean.targetMinutes),
      target: {
        text: "text" in mean.target ? mean.target.text : mean.target.kind,
        fr: formatTarget(mean.target, "fr"),
        en: formatTarget(mean.target, "en"),
      },
    })),
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
export function presentSlaReport(report: SlaReport, contract: Contract): z.infer<typeof ZSlaReport> {
  const [month] = report.months;
  if (!month) throw new Error("presentSlaReport: a report of no month");
  return { ...headOf(report), ...presentMonth(month, contract) };
}

export function presentSlaSeries(report: SlaReport, contract: Contract): z.infer<typeof ZSlaSeries> {
  const months = report.months.map((month) => presentMonth(month, contract));
  return { ...headOf(report), from: months[0]?.month ?? "", to: months.at(-1)?.month ?? "", months };
}
