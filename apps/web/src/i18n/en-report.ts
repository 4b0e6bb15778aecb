import type { frReport } from "./fr-report";

/** The SLA report in English: exactly the French keys. */
export const enReport: typeof frReport = {
  title: "SLA report",
  intro:
    "Initial response times of the tickets, month by month: tickets counted, targets met and missed per priority, median and 90th percentile.",
  customer: "Customer",
  chooseCustomer: "Choose a customer",
  month: "Month",
  pickCustomer: "Choose a customer to show its report.",
  organisation: "Report of {{name}}",
  byPriority: "Per priority — {{month}}",
  priority: "Priority",
  counted: "Tickets counted",
  met: "Target met",
  breached: "Target missed",
  running: "Running",
  median: "Median",
  p90: "90th percentile",
  allPriorities: "All priorities",
  excluded: "Not counted: {{list}}.",
  exclusions: {
    maintenance: "{{count}} during a scheduled maintenance",
    outOfScope: "{{count}} out of scope",
    slaNotApplicable: "{{count}} without a response commitment",
    noTarget: "{{count}} without a target in the plan",
  },
  timesNote:
    "Median and 90th percentile of the initial response times, in business time of the plan's calendar, by nearest rank (always an observed time). Figures evaluated on {{date}}.",
  series: "Over 12 months",
  chartTitle: "Tickets counted per month, from {{from}} to {{to}}",
  chartSummary:
    "Over the period: {{counted}} tickets counted, {{met}} answered in time, {{breached}} late and {{running}} running. The table below gives each month's figures.",
  legend: "Legend",
  tableCaption: "Each month's figures",
  csv: "Download the 12-month report (CSV)",
  meanTitle: "Mean initial response time (MTTI) — {{month}}",
  meanCaption: "Mean of the initial response times, per plan and priority, against the contract's target",
  meanNote:
    "The contract commits to a mean: it is met when the mean is within the target, even if one ticket was late. Counted: answered tickets, and those still unanswered past their target (with the time elapsed).",
  meanNone: "No ticket with a response target this month.",
  plan: "Plan",
  measured: "Tickets measured",
  mean: "Mean",
  target: "Target",
  meanVerdict: "Commitment",
  meanMet: "Met",
  meanMissed: "Not met",
  meanPending: "Not measurable yet",
};
