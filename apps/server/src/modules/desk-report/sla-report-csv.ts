import { type Contract, formatTarget, type MeanResponse, type ResponseFigures } from "@guichet/domain";
import { type CsvSeparator, csvDocument } from "../../http/csv.js";
import { type Locale, type MessageKey, t } from "../../i18n/index.js";
import type { SlaReport } from "./sla-report.js";

/**
 * The SLA report as a spreadsheet opens it: one row per month and priority, then the month's total.
 * French readers get ";" between cells and a decimal comma, as their spreadsheets expect; English
 * readers "," and a decimal point. Headers are in the reader's language.
 */
const FIGURE_COLUMNS = [
  ["report.csv.counted", (f) => f.counted],
  ["report.csv.met", (f) => f.met],
  ["report.csv.breached", (f) => f.breached],
  ["report.csv.running", (f) => f.running],
  ["report.csv.answered", (f) => f.answered],
  ["report.csv.median", (f) => f.medianMinutes],
  ["report.csv.p90", (f) => f.p90Minutes],
  ["report.csv.excluded_maintenance", (f) => f.excluded.maintenance],
  ["report.csv.excluded_outOfScope", (f) => f.excluded.outOfScope],
  ["report.csv.excluded_slaNotApplicable", (f) => f.excluded.slaNotApplicable],
  ["report.csv.excluded_noTarget", (f) => f.excluded.noTarget],
] as const satisfies readonly (readonly [MessageKey, (f: ResponseFigures) => number | null])[];

const STYLES: Record<Locale, { separator: CsvSeparator; intl: string }> = {
  fr: { separator: ";", intl: "fr-FR" },
  en: { separator: ",", intl: "en-GB" },
};

const MEAN_COLUMNS = [
  "report.csv.plan",
  "report.csv.mean",
  "report.csv.mean_target",
  "report.csv.mean_met",
] as const satisfies readonly MessageKey[];

export function slaReportCsv(report: SlaReport, locale: Locale, contract: Contract): string {
  const style = STYLES[locale];
  // No thousands separator: a spreadsheet must read "1234,5" as a number.
  const numbers = new Intl.NumberFormat(style.intl, { maximumFractionDigits: 1, useGrouping: false });
  const header = [
    t(locale, "report.csv.month"),
    t(locale, "report.csv.organisation"),
    t(locale, "report.csv.priority"),
    ...FIGURE_COLUMNS.map(([key]) => t(locale, key)),
    ...MEAN_COLUMNS.map((key) => t(locale, key)),
  ];
  const cell = (n: number | null) => (n === null ? "" : numbers.format(n));
  // The mean of MCR-SUP-06 per plan: one plan a month as a rule; a month with a plan change joins
  // each plan's value in the cell, in the same order (issue 14).
  const meanCells = (means: readonly MeanResponse[]) => {
    const join = (value: (mean: MeanResponse) => string) => means.map(value).join(" | ");
    return [
      join((mean) => contract.supportPlans[mean.plan]?.name[locale] ?? mean.plan),
      join((mean) => cell(mean.meanMinutes === null ? null : Math.round(mean.meanMinutes * 10) / 10)),
      join((mean) => formatTarget(mean.target, locale)),
      join((mean) => (mean.met === null ? "" : t(locale, mean.met ? "report.csv.yes" : "report.csv.no"))),
    ];
  };
  const rows = report.months.flatMap((month) => [
    ...month.priorities.map((figures) => [
      month.month,
      report.organisation.name,
      figures.priority,
      ...FIGURE_COLUMNS.map(([, value]) => cell(value(figures))),
      ...meanCells(month.meanResponse.filter((mean) => mean.priority === figures.priority)),
    ]),
    [
      month.month,
      report.organisation.name,
      t(locale, "report.csv.all_priorities"),
      ...FIGURE_COLUMNS.map(([, value]) => cell(value(month.total))),
      ...MEAN_COLUMNS.map(() => ""),
    ],
  ]);
  // Without a byte-order mark, spreadsheets read UTF-8 as Windows-1252 and garble "Priorité".
  return `\uFEFF${csvDocument(header, rows, style.separator)}`;
}
