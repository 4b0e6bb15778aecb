import { Alert, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { InvoiceSummary } from "../api/billing-types";
import type { Me } from "../api/types";
import { useBillingClauses } from "../billing/billing-clauses";
import { CostImportForm } from "../billing/CostImportForm";
import { CreditNoteButton } from "../billing/CreditNoteButton";
import { DetailedBilling } from "../billing/DetailedBilling";
import { InvoiceDownloads } from "../billing/InvoiceDownloads";
import { InvoiceRunForm } from "../billing/InvoiceRunForm";
import { Simulation } from "../billing/Simulation";
import { UnmatchedAccounts } from "../billing/UnmatchedAccounts";
import { Allowed } from "../components/Allowed";
import { AnchorLink } from "../components/AnchorLink";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { can, staffSpace } from "../permissions";

/**
 * Factures (MCR 6.1.2, MCR-BIL-04; clauses from the contract file): every invoice and credit note with its PDF (Factur-X) and XML,
 * the simulation of the current month for a customer; for billing staff the month's run and the
 * vendor accounts that match no customer.
 */
export function InvoicesPage() {
  return <Allowed when={can.viewInvoices}>{(me) => <Invoices me={me} />}</Allowed>;
}

function Invoices({ me }: { me: Me }) {
  const { t } = useTranslation();
  const staff = staffSpace(me);
  // Consumption (simulation, detailed billing, unmatched accounts) only where the contract sells it.
  const consumption = Boolean(useBillingClauses()?.cloudConsumption);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("billing.title")}
        intro={
          consumption
            ? t(staff ? "billing.staffIntro" : "billing.intro")
            : t(staff ? "billing.subscriptionStaffIntro" : "billing.subscriptionIntro")
        }
      />
      {can.runInvoices(me) && consumption && <CostImportForm />}
      {can.runInvoices(me) && <InvoiceRunForm />}
      {!staff && consumption && <Simulation />}
      <InvoiceList staff={staff} canCorrect={can.runInvoices(me)} />
      {!staff && consumption && <DetailedBilling />}
      {staff && consumption && <UnmatchedAccounts />}
    </Stack>
  );
}

function InvoiceList({ staff, canCorrect }: { staff: boolean; canCorrect: boolean }) {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const f = useLocaleFormat();
  const invoices = useQuery({ queryKey: billingKeys.invoices, queryFn: () => billingApi.invoices() });
  const [issued, setIssued] = useState<InvoiceSummary | null>(null);
  const headings = [
    t("billing.list.number"),
    t("billing.list.kind"),
    ...(staff ? [t("billing.list.customer")] : []),
    t("billing.list.period"),
    t("billing.list.issued"),
    t("billing.list.due"),
    t("billing.list.totalExclVat"),
    t("billing.list.totalInclVat"),
    t("billing.list.files"),
    ...(canCorrect ? [t("billing.creditNote.column")] : []),
  ];
  return (
    <Section title={t("billing.list.heading")} clause={clauses?.billingSection}>
      <ErrorAlert error={invoices.error} />
      {issued && (
        <Alert color="green" variant="light" role="status">
          {t("billing.creditNote.done", {
            number: issued.number,
            buyer: issued.buyerName,
            exclVat: f.money(issued.totalExclVat, issued.currency),
          })}
        </Alert>
      )}
      <RecordTable records={invoices.data?.items} empty={t("billing.list.empty")} headings={headings}>
        {(invoice: InvoiceSummary) => (
          <Table.Tr key={invoice.id}>
            <Table.Td>
              <AnchorLink
                to="/factures/$invoiceId"
                params={{ invoiceId: invoice.id }}
                style={{ whiteSpace: "nowrap" }}
              >
                {invoice.number}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {invoice.kind === "credit_note" ? t("billing.list.creditNote") : t("billing.list.invoice")}
              {invoice.correctsInvoiceId && (
                <Text size="sm" c="dimmed">
                  {t("billing.list.corrects", {
                    number:
                      invoices.data?.items.find((i) => i.id === invoice.correctsInvoiceId)?.number ??
                      invoice.correctsInvoiceId,
                  })}
                </Text>
              )}
            </Table.Td>
            {staff && <Table.Td>{invoice.buyerName}</Table.Td>}
            <Table.Td>{f.month(invoice.period)}</Table.Td>
            <Table.Td>{f.date(invoice.issueDate)}</Table.Td>
            <Table.Td>{f.date(invoice.dueDate)}</Table.Td>
            <Table.Td>{f.money(invoice.totalExclVat, invoice.currency)}</Table.Td>
            <Table.Td>{f.money(invoice.totalInclVat, invoice.currency)}</Table.Td>
            <Table.Td>
              <InvoiceDownloads invoice={invoice} />
            </Table.Td>
            {canCorrect && (
              <Table.Td>
                {invoice.kind === "invoice" && (
                  <CreditNoteButton invoice={invoice} clause={clauses?.invoicing} onIssued={setIssued} />
                )}
              </Table.Td>
            )}
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
