import { Anchor, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { REPORT_EXCLUSIONS, type SlaQuery, type SlaSeries } from "../api/desk-types";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { OrganisationSelect } from "../components/OrganisationSelect";
import { PageHeader } from "../components/PageHeader";
import { Section } from "../components/Section";
import { FilterForm } from "../desk/FilterForm";
import { FiguresTable } from "../desk/report/FiguresTable";
import { MeanResponseTable } from "../desk/report/MeanResponseTable";
import { monthOf, monthsUpTo, shiftMonth } from "../desk/report/months";
import { SlaChart } from "../desk/report/SlaChart";
import { useDeskLabels } from "../desk/vocabulary";
import { field } from "../form-data";
import { TIME_ZONE, useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { useContract } from "../session";

/** The report asked for, kept in the address: whose (desk staff choose), up to which month. */
export interface SlaReportSearch {
  organisationId?: string;
  month?: string;
}

/** How far back the month picker goes: the server serves 24 months at most. */
const PICKABLE_MONTHS = 24;

/**
 * The monthly SLA report (MCR-SUP-06): desk staff choose a customer, a customer's administrator
 * reads its own. The chosen month per priority, then the 12 months up to it as a chart and a
 * table, and the same months as CSV.
 */
export function SlaReportPage() {
  return <Allowed when={can.viewSlaReport}>{(me) => <SlaReport me={me} />}</Allowed>;
}

function SlaReport({ me }: { me: Me }) {
  const { t } = useTranslation();
  const contract = useContract().data;
  const search = useSearch({ from: "/session/rapport-sla" });
  const navigate = useNavigate();
  const staff = can.workQueue(me);
  const current = monthOf(Date.now(), TIME_ZONE);
  const last = search.month && search.month <= current ? search.month : current;
  const query: SlaQuery = {
    organisationId: staff ? search.organisationId : undefined,
    from: shiftMonth(last, -11),
    to: last,
  };
  const chosen = !staff || Boolean(search.organisationId);
  const report = useQuery({
    queryKey: keys.slaSeries(query),
    queryFn: () => api.slaSeries(query),
    enabled: chosen,
    placeholderData: keepPreviousData,
  });

  const filter = (data: FormData) =>
    void navigate({
      to: "/rapport-sla",
      search: {
        organisationId: staff ? field(data, "organisationId") || undefined : undefined,
        month: field(data, "month") || undefined,
      },
    });

  return (
    <Stack gap={0}>
      <PageHeader
        title={t("slaReport.title")}
        intro={t("slaReport.intro")}
        clause={contract && clausesOf(contract).slaReport}
      />
      <ReportFilters
        key={JSON.stringify(search)}
        staff={staff}
        search={search}
        current={current}
        onFilter={filter}
      />
      {!chosen && <Text>{t("slaReport.pickCustomer")}</Text>}
      <ErrorAlert error={report.error} />
      {chosen && report.data && <ReportBody report={report.data} query={query} />}
    </Stack>
  );
}

function ReportFilters({
  staff,
  search,
  current,
  onFilter,
}: {
  staff: boolean;
  search: SlaReportSearch;
  current: string;
  onFilter: (data: FormData) => void;
}) {
  const { t } = useTranslation();
  const { month } = useLocaleFormat();
  return (
    <FilterForm onFilter={onFilter}>
      {staff && (
        <OrganisationSelect
          label={t("slaReport.customer")}
          anyLabel={t("slaReport.chooseCustomer")}
          defaultValue={search.organisationId}
          customersOnly
          required
        />
      )}
      <NativeSelect
        name="month"
        label={t("slaReport.month")}
        defaultValue={search.month ?? current}
        data={monthsUpTo(current, PICKABLE_MONTHS).map((m) => ({ value: m, label: month(m) }))}
      />
    </FilterForm>
  );
}

function ReportBody({ report, query }: { report: SlaSeries; query: SlaQuery }) {
  const { t } = useTranslation();
  const { month, number, dateTime, locale } = useLocaleFormat();
  const labels = useDeskLabels();
  const chosen = report.months.at(-1);
  if (!chosen) return null;
  const excluded = REPORT_EXCLUSIONS.filter((reason) => chosen.total.excluded[reason] > 0).map((reason) =>
    t(`slaReport.exclusions.${reason}`, { count: number(chosen.total.excluded[reason]) }),
  );
  return (
    <>
      <Group justify="space-between" mb="lg" wrap="wrap">
        <Text fw={700} size="lg">
          {t("slaReport.organisation", { name: report.organisationName })}
        </Text>
        <Anchor href={api.slaCsvUrl(query, locale)} download={`sla-${query.from}-${query.to}.csv`}>
          {t("slaReport.csv")}
        </Anchor>
      </Group>
      <Section title={t("slaReport.byPriority", { month: month(chosen.month) })}>
        <FiguresTable
          testId="sla-month"
          caption={t("slaReport.organisation", { name: report.organisationName })}
          rowHeader={t("slaReport.priority")}
          rows={[
            ...chosen.priorities.map((figures) => ({
              key: figures.priority,
              label: labels.priority(figures.priority),
              figures,
            })),
            { key: "total", label: t("slaReport.allPriorities"), figures: chosen.total },
          ]}
        />
        {excluded.length > 0 && <Text>{t("slaReport.excluded", { list: excluded.join(", ") })}</Text>}
        <Text size="sm" c="dimmed">
          {t("slaReport.timesNote", { date: dateTime(report.evaluatedAt) })}
        </Text>
      </Section>
      <Section title={t("slaReport.meanTitle", { month: month(chosen.month) })}>
        <MeanResponseTable month={chosen} />
        <Text size="sm" c="dimmed">
          {t("slaReport.meanNote")}
        </Text>
      </Section>
      <Section title={t("slaReport.series")}>
        <SlaChart months={report.months} />
        <FiguresTable
          testId="sla-series"
          caption={t("slaReport.tableCaption")}
          rowHeader={t("slaReport.month")}
          rows={report.months.map((m) => ({ key: m.month, label: month(m.month), figures: m.total }))}
        />
      </Section>
    </>
  );
}
