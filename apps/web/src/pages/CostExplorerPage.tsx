import { BarChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import type { CostExplorer, CostExplorerQuery } from "../api/billing-types";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { field } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { costsSection } from "../permissions";

type Row = CostExplorer["rows"][number];
type Dimension = "day" | "vendor" | "service" | "region";

/** Exact decimal sums of the API's amount strings, in cents: the tables and the CSV never go through a float. */
function centsOf(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}
const decimalOf = (cents: bigint) => {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
};

/** The rows summed by one dimension, largest first (by day: in date order). */
function totalsBy(rows: readonly Row[], dimension: Dimension): Array<{ key: string; amount: string }> {
  const sums = new Map<string, bigint>();
  for (const row of rows) {
    const key = row[dimension] || "—";
    sums.set(key, (sums.get(key) ?? 0n) + centsOf(row.amount));
  }
  const entries = [...sums.entries()];
  if (dimension === "day") entries.sort(([a], [b]) => a.localeCompare(b));
  else entries.sort(([, a], [, b]) => (b > a ? 1 : b < a ? -1 : 0));
  return entries.map(([key, cents]) => ({ key, amount: decimalOf(cents) }));
}

function monthStart(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  return { from, to: now.toISOString().slice(0, 10) };
}

/**
 * A CSV of the rows (day, vendor, its name, service, region, amount), decimal points, RFC 4180
 * quoting: the vendor's slug for machines ("google-cloud"), its name for people ("Google Cloud");
 * the amount column names its currency, the contract's (issue 17): amount_eur, amount_chf.
 */
function csvOf(
  rows: readonly Row[],
  currency: string,
  vendorNames: Readonly<Record<string, string>>,
): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = rows.map((r) =>
    [
      r.day ?? "",
      r.vendor ?? "",
      r.vendor ? (vendorNames[r.vendor] ?? r.vendor) : "",
      r.service ?? "",
      r.region ?? "",
      r.amount,
    ]
      .map(quote)
      .join(","),
  );
  return [`day,vendor,vendor_name,service,region,amount_${currency.toLowerCase()}`, ...lines].join("\r\n");
}

/**
 * Explorateur de coûts (MCR 6.1.2, MCR-BIL-04): the customer's costs between two days, filtered by
 * vendor, service and region, charted by day, vendor, service and region (Mantine charts), with
 * the exact figures in a table and as CSV.
 */
export function CostExplorerPage() {
  return <Allowed when={costsSection}>{() => <Explorer />}</Allowed>;
}

function Explorer() {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const [query, setQuery] = useState<CostExplorerQuery>({ ...monthStart(), by: "day,vendor,service,region" });
  const result = useQuery({
    queryKey: billingKeys.explorer(query),
    queryFn: () => billingApi.costExplorer(query),
  });
  // The choices of the filters: every vendor, service and region of the period, unfiltered.
  const choicesQuery = { from: query.from, to: query.to, by: "vendor,service,region" };
  const choices = useQuery({
    queryKey: billingKeys.explorer(choicesQuery),
    queryFn: () => billingApi.costExplorer(choicesQuery),
  });
  const values = (d: Dimension) =>
    [...new Set((choices.data?.rows ?? []).map((r) => r[d] ?? ""))].filter(Boolean).sort();
  // Vendors are shown by the name their files give them ("AWS"), filtered by their slug ("aws").
  const vendorNames = (choices.data ?? result.data)?.vendorNames ?? {};
  const labelOf = (d: Dimension, value: string) => (d === "vendor" ? (vendorNames[value] ?? value) : value);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string) => field(form, name) || undefined;
    setQuery({
      from: field(form, "from"),
      to: field(form, "to"),
      by: "day,vendor,service,region",
      vendor: optional("vendor"),
      service: optional("service"),
      region: optional("region"),
    });
  };
  const rows = result.data?.rows ?? [];
  const currency = result.data?.currency ?? "";
  const download = () => {
    const blob = new Blob([csvOf(rows, currency, vendorNames)], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = t("explorer.csvFile", { from: query.from, to: query.to });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const total = decimalOf(rows.reduce((sum, r) => sum + centsOf(r.amount), 0n));
  return (
    <Stack gap="md">
      <PageHeader title={t("explorer.title")} intro={t("explorer.intro")} />
      <form onSubmit={submit} aria-label={t("explorer.filters")}>
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" name="from" label={t("explorer.from")} defaultValue={query.from} required />
          <TextInput type="date" name="to" label={t("explorer.to")} defaultValue={query.to} required />
          {(["vendor", "service", "region"] as const).map((d) => (
            <NativeSelect
              key={d}
              name={d}
              label={t(`explorer.${d}`)}
              defaultValue={query[d] ?? ""}
              data={[
                { value: "", label: t("explorer.all") },
                ...values(d).map((v) => ({ value: v, label: labelOf(d, v) })),
              ]}
              maw={260}
            />
          ))}
          <Button type="submit">{t("explorer.apply")}</Button>
          <Button variant="light" onClick={download} disabled={rows.length === 0}>
            {t("explorer.csv")}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={result.error ?? choices.error} />
      {result.data && (
        <Text fw={600} role="status">
          {t("explorer.total", {
            total: f.money(total, currency),
            from: f.date(query.from),
            to: f.date(query.to),
          })}
        </Text>
      )}
      {result.data && rows.length === 0 && <Text>{t("explorer.none")}</Text>}
      {rows.length > 0 && <Charts rows={rows} currency={currency} labelOf={labelOf} />}
      {rows.length > 0 && <Figures rows={rows} currency={currency} />}
      {result.data && result.data.rates.length > 0 && (
        <Text size="sm">
          {result.data.rates
            .map((r) =>
              t("explorer.rate", {
                day: f.date(r.day),
                // The ECB's figure as published, with the reader's decimal separator.
                rate: f.locale === "fr" ? r.unitsPerEuro.replace(".", ",") : r.unitsPerEuro,
                currency: r.currency,
              }),
            )
            .join(" ; ")}
        </Text>
      )}
    </Stack>
  );
}

function Charts({
  rows,
  currency,
  labelOf,
}: {
  rows: readonly Row[];
  currency: string;
  labelOf: (d: Dimension, value: string) => string;
}) {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const chart = (d: Dimension) =>
    totalsBy(rows, d)
      .slice(0, d === "day" ? undefined : 12)
      .map((x) => ({ key: d === "day" ? f.date(x.key) : labelOf(d, x.key), amount: Number(x.amount) }));
  const money = (value: number) => f.money(value.toFixed(2), currency);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {(["day", "vendor", "service", "region"] as const).map((d) => (
        <figure key={d} style={{ margin: 0 }} aria-label={t(`explorer.by.${d}`)}>
          <Title order={2} size="h4" mb="xs">
            {t(`explorer.by.${d}`)}
          </Title>
          <BarChart
            // Every bar labelled: up to 12 vendors, services or regions, each its own row.
            h={d === "day" ? 240 : 80 + 28 * chart(d).length}
            data={chart(d)}
            dataKey="key"
            orientation={d === "day" ? "horizontal" : "vertical"}
            series={[{ name: "amount", label: t("explorer.amount", { currency }), color: "blue.6" }]}
            valueFormatter={money}
            yAxisProps={d === "day" ? undefined : { width: 160, interval: 0 }}
          />
        </figure>
      ))}
    </SimpleGrid>
  );
}

function Figures({ rows, currency }: { rows: readonly Row[]; currency: string }) {
  const { t } = useTranslation();
  const f = useLocaleFormat();
  const byService = totalsBy(rows, "service");
  return (
    <Section title={t("explorer.table")}>
      <RecordTable
        records={byService}
        empty={t("explorer.none")}
        headings={[t("explorer.service"), t("explorer.amount", { currency })]}
        minWidth={360}
      >
        {(x) => (
          <Table.Tr key={x.key}>
            <Table.Td>{x.key}</Table.Td>
            <Table.Td>{f.money(x.amount, currency)}</Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
