import type { frBudgets, frExplorer } from "./fr-budgets";

/** Budgets and alerts, and the cost explorer (issue 17): the keys of fr-budgets.ts. */
export const enBudgets: typeof frBudgets = {
  title: "Budgets and alerts",
  intro:
    "Set a monthly budget (excl. VAT) for the whole account or per vendor: the people you name are warned by e-mail when the month's consumption, or its forecast to the month's end, reaches each threshold, once per threshold and month.",
  wholeAccount: "the whole account",
  list: {
    heading: "Budgets for {{month}}",
    intro:
      "Consumption at the vendors' prices, in the billing currency at the period's ECB rate, before the support fee and VAT; run-rate forecast (recurring consumption to date ÷ days elapsed × days in the month; one-time purchases and credits counted once).",
    empty: "No budget yet.",
    scope: "Scope",
    amount: "Monthly budget",
    actual: "Month to date",
    forecast: "Month-end forecast",
    thresholds: "Thresholds",
    alerts: "Alerts sent",
    recipients: "People warned",
    actions: "Actions",
    noRate: "ECB rate missing",
    noAlert: "none",
    alert: {
      actual: "{{month}}: {{threshold}}% reached ({{spent}}), on {{at}}",
      forecast: "{{month}}: forecast above {{threshold}}% ({{spent}}), on {{at}}",
    },
    remove: "Remove the budget of {{scope}}",
    removeShort: "Remove",
  },
  form: {
    heading: "Set a budget",
    intro: "One budget per scope: setting it again replaces it. Checked at once against the current month.",
    scope: "Scope",
    amount: "Monthly amount excl. VAT ({{currency}})",
    thresholds: "Thresholds in percent of the budget",
    thresholdsHelp: "Separated by commas, e.g. 50, 80, 100.",
    recipients: "People to warn",
    submit: "Save the budget",
    savedQuiet: "Budget saved; no threshold is reached this month.",
    saved_one: "Budget saved; {{count}} alert sent at once.",
    saved_other: "Budget saved; {{count}} alerts sent at once.",
  },
};

/** The cost explorer: the keys of fr-budgets.ts's frExplorer. */
export const enExplorer: typeof frExplorer = {
  title: "Cost explorer",
  csvFile: "costs-{{from}}-{{to}}.csv",
  intro:
    "Your consumption between two dates, by day, vendor, service and region, in the billing currency at each billing period's ECB rate, before the support fee and VAT.",
  filters: "Filters",
  from: "From",
  to: "To",
  vendor: "Vendor",
  service: "Service",
  region: "Region",
  all: "All",
  apply: "Show",
  csv: "Export as CSV",
  total: "Total: {{total}} from {{from}} to {{to}}",
  none: "No consumption in this period.",
  amount: "Amount ({{currency}})",
  table: "Amounts per service",
  rate: "ECB rate of {{day}}: €1 = {{rate}} {{currency}}",
  by: { day: "By day", vendor: "By vendor", service: "By service", region: "By region" },
};
