import type { frBilling } from "./fr-billing";

/** Invoices, the month's simulation and the staff's invoice run (issue 17): the keys of fr-billing.ts. */
export const enBilling: typeof frBilling = {
  title: "Invoices",
  intro:
    "Your invoices and credit notes, to read online or download as PDF (Factur-X) and XML, and the simulation of the current month's invoice.",
  staffIntro:
    "Issue the month's invoices, read each customer's, and see the vendor accounts no customer holds.",
  subscriptionIntro: "Your invoices and credit notes, to read online or download as PDF (Factur-X) and XML.",
  subscriptionStaffIntro: "Issue the month's invoices and read each customer's.",
  list: {
    heading: "Invoices and credit notes",
    empty: "No invoice yet.",
    number: "Number",
    kind: "Document",
    invoice: "Invoice",
    creditNote: "Credit note",
    customer: "Customer",
    period: "Period",
    issued: "Issued on",
    due: "Due date",
    totalExclVat: "Total excl. VAT",
    totalInclVat: "Total incl. VAT",
    files: "Files",
    pdf: "PDF {{number}}",
    xml: "XML {{number}}",
    corrects: "corrects invoice {{number}}",
  },
  invoice: {
    back: "← Invoices and credit notes",
    title: "Invoice {{number}}",
    creditNoteTitle: "Credit note {{number}}",
    corrects: "Corrects invoice",
    lines: "Lines",
    line: "Description",
    noLine: "No line.",
    totalExclVat: "Total excl. VAT: {{amount}}",
    vat: "VAT {{rate}} on {{basis}}: {{amount}}",
    totalInclVat: "Total incl. VAT: {{amount}}",
    mentions: "Payment terms and mentions",
  },
  creditNote: {
    column: "Correction",
    action: "Issue a credit note",
    actionLabel: "Issue a credit note on invoice {{number}}",
    title: "Credit note on invoice {{number}}",
    intro:
      "An issued invoice never changes: a credit note corrects it, numbered in the same sequence. Invoice of {{buyer}}, {{total}} excl. VAT.",
    amount: "Credit note amount excluding VAT ({{currency}})",
    amountHint:
      "Leave empty to cancel the whole invoice ({{total}} excl. VAT); otherwise an amount up to that total.",
    reasonHint: "The reason is printed on the credit note and kept in the audit trail.",
    confirm: "Issue the credit note",
    done: "Credit note {{number}} issued for {{buyer}}: {{exclVat}} excl. VAT.",
  },
  detail: {
    heading: "Detailed billing",
    intro:
      "Your cost lines of each month as the vendors export them (FinOps FOCUS), as CSV or Parquet: your accounts' lines only.",
    empty: "No consumption imported yet.",
    month: "Month",
    lines: "Lines",
    files: "Files",
    csv: "CSV of {{month}}",
    parquet: "Parquet of {{month}}",
    preparing: "Being prepared: this month's lines were just imported, they will be here in a moment.",
  },
  simulation: {
    heading: "Simulation of the month's invoice",
    month: "Month simulated",
    current: "{{month}} (current month)",
    issued:
      "Invoice {{number}} issued on {{date}} for this month: {{exclVat}} excl. VAT, {{inclVat}} incl. VAT. Its amounts are the ones that count; the simulation below recomputes them from the imported costs.",
    simulated: "No invoice issued for this month: amounts simulated from the imported costs.",
    intro:
      "The month to date at the vendors' prices, in the billing currency at the period's ECB rate, the support fee it implies and a forecast to the month's end.",
    none: "No consumption imported for this month.",
    monthToDate: "Month to date (up to {{day}}): {{amount}}",
    vendor: "Vendor",
    service: "Service",
    amount: "Month to date",
    lineForecast: "Month-end forecast",
    credit: "{{service}} (usage credit allocated by the vendor)",
    fee: "Support fee: {{amount}} — {{explanation}}",
    forecast: "Month-end forecast: {{total}} of consumption + {{fee}} support fee",
    method:
      "Method: run rate. The month's recurring consumption to date divided by the {{elapsed}} days elapsed, times the month's {{days}} days; one-time purchases and credits count once.",
    resold:
      "The vendors' taxes are not resold: the invoice applies its own VAT. A usage credit a vendor allocates is passed on as it bills it, on a line of its own.",
    rate: "ECB rate of {{day}}: €1 = {{rate}} {{currency}}",
  },
  run: {
    heading: "Issue a month's invoices",
    intro:
      "One invoice per customer that owes something, all or nothing; a customer already invoiced for the month is left as it is. A missing exchange rate stops the run, naming the currency and the day.",
    month: "Month (YYYY-MM)",
    submit: "Issue the invoices",
    done_one: "{{count}} invoice issued.",
    done_other: "{{count}} invoices issued.",
    skipped: "{{name}}: {{reason}}",
    reasons: {
      already_invoiced: "already invoiced for this month",
      nothing_owed: "nothing to invoice",
      no_billing_details: "no billing details",
    },
  },
  import: {
    heading: "Import cost files",
    intro:
      "The vendors' FinOps FOCUS exports (CSV, gzip'd CSV or Parquet), at once, all or nothing: the same file again changes nothing, a restated file replaces its period's.",
    files: "FOCUS files",
    submit: "Import",
    sending: "Sending the files",
    done_one: "{{lines}} lines read; {{count}} vendor account without a customer.",
    done_other: "{{lines}} lines read; {{count}} vendor accounts without a customer.",
    unit_one: "{{vendor}}, account {{account}}, {{month}} ({{lines}} line): {{outcome}}",
    unit_other: "{{vendor}}, account {{account}}, {{month}} ({{lines}} lines): {{outcome}}",
    outcomes: {
      imported: "imported",
      replaced: "replacing the period's earlier import",
      unchanged: "already imported (the same file: nothing changes)",
    },
  },
  unmatched: {
    heading: "Vendor accounts without a customer",
    intro:
      "Imported cost lines no customer holds: billed to no one until the account is recorded on a customer.",
    empty: "Every imported account belongs to a customer.",
    vendor: "Vendor",
    account: "Billing account",
    subAccount: "Sub-account",
    billed: "Amount (currency)",
    lines: "Lines",
    days: "From … to",
  },
};
