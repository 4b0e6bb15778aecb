import { Alert, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { MonthSimulation } from "../api/billing-types";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useBillingClauses } from "./billing-clauses";

/**
 * The month so far and its forecast (MCR-BIL-04), where the contract bills a support fee on
 * consumption, for the month picked: the current one by default (as the server counts it), or a
 * past month with imported costs, which shows its issued invoice where there is one (issue 17).
 */
export function Simulation() {
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
