import { Anchor, Group, List, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { InvoiceDetail } from "../api/billing-types";
import { useBillingClauses } from "../billing/billing-clauses";
import { CreditNoteButton } from "../billing/CreditNoteButton";
import { InvoiceDownloads } from "../billing/InvoiceDownloads";
import { Allowed } from "../components/Allowed";
import { AnchorLink } from "../components/AnchorLink";
import { ErrorAlert } from "../components/ErrorAlert";
import { FactList } from "../components/FactList";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

/**
 * One invoice or credit note read online (MCR 6.1.2 "consulter l'ensemble des factures en ligne",
 * MCR-BIL-04): its lines in words (the rate and its day, the fee's basis and percentage), the VAT,
 * the totals and the mentions, as the PDF and the Factur-X XML say them, with both downloads.
 */
export function InvoicePage() {
  return <Allowed when={can.viewInvoices}>{(me) => <Invoice canCorrect={can.runInvoices(me)} />}</Allowed>;
}

function Invoice({ canCorrect }: { canCorrect: boolean }) {
  const { t } = useTranslation();
  const { invoiceId } = useParams({ from: "/session/factures/$invoiceId" });
  const invoice = useQuery({
    queryKey: billingKeys.invoice(invoiceId),
    queryFn: () => billingApi.invoice(invoiceId),
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/factures" size="sm">
        {t("billing.invoice.back")}
      </Anchor>
      <ErrorAlert error={invoice.error} />
      {invoice.data && <InvoiceBody invoice={invoice.data} canCorrect={canCorrect} />}
    </Stack>
  );
}

function InvoiceBody({ invoice, canCorrect }: { invoice: InvoiceDetail; canCorrect: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = useLocaleFormat();
  const clauses = useBillingClauses();
  const money = (amount: string) => f.money(amount, invoice.currency);
  const facts: [string, ReactNode][] = [
    [t("billing.list.customer"), invoice.buyerName],
    [t("billing.list.period"), f.month(invoice.period)],
    [t("billing.list.issued"), f.date(invoice.issueDate)],
    [t("billing.list.due"), f.date(invoice.dueDate)],
  ];
  if (invoice.correctsInvoiceId)
    facts.push([
      t("billing.invoice.corrects"),
      <AnchorLink key="corrects" to="/factures/$invoiceId" params={{ invoiceId: invoice.correctsInvoiceId }}>
        {invoice.correctsNumber}
      </AnchorLink>,
    ]);
  const title =
    invoice.kind === "credit_note"
      ? t("billing.invoice.creditNoteTitle", { number: invoice.number })
      : t("billing.invoice.title", { number: invoice.number });
  return (
    <>
      <PageHeader title={title} clause={clauses?.billingSection} />
      <FactList facts={facts} columns={5} />
      <Group gap="md" justify="space-between">
        <InvoiceDownloads invoice={invoice} />
        {canCorrect && invoice.kind === "invoice" && (
          <CreditNoteButton
            invoice={invoice}
            clause={clauses?.invoicing}
            onIssued={(creditNote) =>
              void navigate({ to: "/factures/$invoiceId", params: { invoiceId: creditNote.id } })
            }
          />
        )}
      </Group>
      <Section title={t("billing.invoice.lines")}>
        <RecordTable
          records={invoice.lines}
          empty={t("billing.invoice.noLine")}
          headings={[t("billing.invoice.line"), t("billing.list.totalExclVat")]}
          // Two columns: the amounts stay in sight on a phone while the words wrap.
          minWidth={320}
        >
          {(line, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <Text fw={500}>{line.name}</Text>
                <Text size="sm" c="dimmed">
                  {line.detail}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap", textAlign: "right" }}>{money(line.amount)}</Table.Td>
            </Table.Tr>
          )}
        </RecordTable>
        <Stack gap={4} align="flex-end">
          <Text>{t("billing.invoice.totalExclVat", { amount: money(invoice.totalExclVat) })}</Text>
          {invoice.vatBreakdown.map((v) => (
            <Text key={v.ratePercent}>
              {t("billing.invoice.vat", {
                rate: f.percent(Number(v.ratePercent)),
                basis: money(v.basis),
                amount: money(v.vat),
              })}
            </Text>
          ))}
          <Text fw={700}>{t("billing.invoice.totalInclVat", { amount: money(invoice.totalInclVat) })}</Text>
        </Stack>
      </Section>
      <Section title={t("billing.invoice.mentions")}>
        <List size="sm">
          {invoice.mentions.vat && <List.Item>{invoice.mentions.vat}</List.Item>}
          <List.Item>{invoice.mentions.terms}</List.Item>
          <List.Item>{invoice.mentions.penalty}</List.Item>
          <List.Item>{invoice.mentions.indemnity}</List.Item>
          <List.Item>{invoice.mentions.discount}</List.Item>
        </List>
      </Section>
    </>
  );
}
