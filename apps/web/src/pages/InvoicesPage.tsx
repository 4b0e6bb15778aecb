import { Alert, Button, Group, List, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { InvoiceSummary, MonthSimulation } from "../api/billing-types";
import type { Me } from "../api/types";
import { useBillingClauses } from "../billing/billing-clauses";
import { CostImportForm } from "../billing/CostImportForm";
import { CreditNoteButton } from "../billing/CreditNoteButton";
import { DetailedBilling } from "../billing/DetailedBilling";
import { InvoiceDownloads } from "../billing/InvoiceDownloads";
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
              <AnchorLink to="/factures/$invoiceId" params={{ invoiceId: invoice.id }}>
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

/**
 * The month so far and its forecast (MCR-BIL-04), where the contract bills a support fee on
 * consumption, for the month picked: the current one by default (as the server counts it), or a
 * past month with imported costs, which shows its issued invoice where there is one (issue 17).
 */
function Simulation() {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const clauses = useBillingClauses();
  const [month, setMonth] = useState<string | null>(null);
  // The current month is the one the server answers when none is asked (its clock and zone decide).
  const current = useQuery({
    queryKey: billingKeys.simulation(null),
    queryFn: () => billingApi.simulation(),
  });
  const simulation = useQuery({
    queryKey: billingKeys.simulation(month),
    queryFn: () => billingApi.simulation(month ?? undefined),
    // The figures shown stay while another month's load: the picker keeps its place.
    placeholderData: keepPreviousData,
  });
  const months = useQuery({ queryKey: billingKeys.costMonths, queryFn: billingApi.costMonths });
  const invoices = useQuery({ queryKey: billingKeys.invoices, queryFn: () => billingApi.invoices() });
  const s = simulation.data;
  const currentMonth = current.data?.month ?? null;
  if (simulation.error) return <ErrorAlert error={simulation.error} />;
  // A deployment without consumption billing (DSN: a free desk, no cloud) has nothing to simulate.
  if (!s || (s.lines.length === 0 && s.fee.percent === null && month === null)) return null;
  const choices = [
    ...new Set([...(currentMonth ? [currentMonth] : []), ...(months.data?.items ?? []).map((m) => m.month)]),
  ]
    .filter((m) => !currentMonth || m <= currentMonth)
    .sort()
    .reverse();
  const issued = invoices.data?.items.find((i) => i.kind === "invoice" && i.period === s.month);
  return (
    <Section
      title={t("billing.simulation.heading")}
      intro={t("billing.simulation.intro")}
      clause={clauses?.billingSection}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t("billing.simulation.month")}
          value={s.month}
          onChange={(event) => setMonth(event.currentTarget.value)}
          data={choices.map((m) => ({
            value: m,
            label: m === currentMonth ? t("billing.simulation.current", { month: f.month(m) }) : f.month(m),
          }))}
          maw={320}
        />
        {s.month !== currentMonth &&
          (issued ? (
            <Alert color="blue" variant="light" role="status">
              {t("billing.simulation.issued", {
                number: issued.number,
                date: f.date(issued.issueDate),
                exclVat: f.money(issued.totalExclVat, issued.currency),
                inclVat: f.money(issued.totalInclVat, issued.currency),
              })}
            </Alert>
          ) : (
            <Text size="sm" role="status">
              {t("billing.simulation.simulated")}
            </Text>
          ))}
        {s.lines.length === 0 ? <Text>{t("billing.simulation.none")}</Text> : <SimulationFigures s={s} />}
      </Stack>
    </Section>
  );
}

function SimulationFigures({ s }: { s: MonthSimulation }) {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  // A month whose every day is imported has nothing left to forecast.
  const forecast = s.daysElapsed < s.daysInMonth;
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {t("billing.simulation.monthToDate", {
          day: f.date(s.lastDay),
          amount: f.money(s.monthToDate, s.currency),
        })}
      </Text>
      <RecordTable
        records={s.lines}
        empty={t("billing.simulation.none")}
        headings={[
          t("billing.simulation.vendor"),
          t("billing.simulation.service"),
          t("billing.simulation.amount"),
          ...(forecast ? [t("billing.simulation.lineForecast")] : []),
        ]}
        minWidth={forecast ? 560 : 480}
      >
        {(line) => (
          <Table.Tr key={`${line.vendor}/${line.service}/${line.credit}`}>
            <Table.Td>{s.vendorNames[line.vendor] ?? line.vendor}</Table.Td>
            <Table.Td>
              {line.credit ? t("billing.simulation.credit", { service: line.service }) : line.service}
            </Table.Td>
            <Table.Td>{f.money(line.billed, s.currency)}</Table.Td>
            {forecast && <Table.Td>{f.money(line.forecast, s.currency)}</Table.Td>}
          </Table.Tr>
        )}
      </RecordTable>
      <Text>
        {t("billing.simulation.fee", {
          amount: f.money(s.fee.fee, s.currency),
          explanation: s.fee.explanation,
        })}
      </Text>
      {forecast && (
        <>
          <Text fw={600}>
            {t("billing.simulation.forecast", {
              total: f.money(s.forecast.total, s.currency),
              fee: f.money(s.forecast.fee.fee, s.currency),
            })}
          </Text>
          <Text size="sm">
            {t("billing.simulation.method", { elapsed: s.daysElapsed, days: s.daysInMonth })}
          </Text>
        </>
      )}
      <Text size="sm">{t("billing.simulation.resold")}</Text>
      {s.rates.map((r) => (
        <Text size="sm" key={r.currency}>
          {t("billing.simulation.rate", {
            day: f.date(r.day),
            rate: f.locale === "fr" ? r.unitsPerEuro.replace(".", ",") : r.unitsPerEuro,
            currency: r.currency,
          })}
        </Text>
      ))}
    </Stack>
  );
}

function previousMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return d.toISOString().slice(0, 7);
}

function InvoiceRunForm() {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(previousMonth);
  const run = useMutation({
    mutationFn: billingApi.runInvoices,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: billingKeys.invoices }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(month);
  };
  return (
    <Section title={t("billing.run.heading")} intro={t("billing.run.intro")} clause={clauses?.invoicing}>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t("billing.run.month")}
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            pattern="\d{4}-\d{2}"
            required
            w={200}
          />
          <Button type="submit" loading={run.isPending}>
            {t("billing.run.submit")}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={run.error} />
      {run.data && (
        <Alert color="green" variant="light" role="status">
          <Text>{t("billing.run.done", { count: run.data.issued.length })}</Text>
          {run.data.skipped.length > 0 && (
            <List size="sm">
              {run.data.skipped.map((s) => (
                <List.Item key={s.organisationId}>
                  {t("billing.run.skipped", { name: s.name, reason: t(`billing.run.reasons.${s.reason}`) })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Section>
  );
}

/** A full-precision decimal ("12.34567") to two places, half-up, without a float: "12.35". */
function twoPlaces(text: string): string {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  let cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  if (Number(fraction[2] ?? "0") >= 5) cents += 1n;
  const shown = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
  return negative && cents !== 0n ? `-${shown}` : shown;
}

function UnmatchedAccounts() {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const f = useLocaleFormat();
  const accounts = useQuery({ queryKey: billingKeys.unmatched, queryFn: billingApi.unmatchedAccounts });
  return (
    <Section
      title={t("billing.unmatched.heading")}
      intro={t("billing.unmatched.intro")}
      clause={clauses?.cloudConsumption}
    >
      <ErrorAlert error={accounts.error} />
      <RecordTable
        records={accounts.data?.items}
        empty={t("billing.unmatched.empty")}
        headings={[
          t("billing.unmatched.vendor"),
          t("billing.unmatched.account"),
          t("billing.unmatched.subAccount"),
          t("billing.unmatched.billed"),
          t("billing.unmatched.lines"),
          t("billing.unmatched.days"),
        ]}
      >
        {(a) => (
          <Table.Tr key={`${a.vendor}/${a.billingAccountId}/${a.subAccountId}/${a.currency}`}>
            <Table.Td>{accounts.data?.vendorNames[a.vendor] ?? a.vendor}</Table.Td>
            {/* Vendors' ids can be long unbroken strings (Oracle OCIDs): they wrap rather than widen the table. */}
            <Table.Td style={{ wordBreak: "break-all" }}>{a.billingAccountId}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{a.subAccountId || t("common.none")}</Table.Td>
            <Table.Td>{f.money(twoPlaces(a.billedCost), a.currency)}</Table.Td>
            <Table.Td>{f.number(a.lineCount)}</Table.Td>
            <Table.Td>
              {f.date(a.firstDay)} – {f.date(a.lastDay)}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
