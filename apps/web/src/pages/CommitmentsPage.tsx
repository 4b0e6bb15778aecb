import { Select, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { PlanSection } from "../commitments/PlanSection";
import { StaffTasks } from "../commitments/StaffTasks";
import { TerminationSection } from "../commitments/TerminationSection";
import { TransfersSection } from "../commitments/TransfersSection";
import { useCommitments } from "../commitments/use-commitments";
import { VendorStatusSection } from "../commitments/VendorStatusSection";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { can, staffSpace } from "../permissions";

export interface CommitmentsSearch {
  organisationId?: string;
}

/** A customer's plan, subscriptions and terminations (issue 16); staff choose the customer. */
export function CommitmentsPage() {
  const search = useSearch({ from: "/session/abonnements" });
  return <Allowed when={can.viewCommitments}>{(me) => <Commitments me={me} search={search} />}</Allowed>;
}

function Commitments({ me, search }: { me: Me; search: CommitmentsSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const staff = staffSpace(me);
  const organisations = useQuery({
    queryKey: keys.organisations,
    queryFn: api.organisations,
    enabled: staff,
  });
  const organisationId = staff ? search.organisationId : (me.acting?.organisationId ?? me.organisationId);
  const view = useCommitments(organisationId);
  const customers = (organisations.data ?? []).filter((o) => o.kind === "customer");
  return (
    <Stack gap="md">
      <PageHeader title={t("commitments.title")} intro={t("commitments.intro")} />
      {staff && (
        <Select
          label={t("commitments.customer")}
          placeholder={t("commitments.chooseCustomer")}
          data={customers.map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId ?? null}
          onChange={(value) =>
            void navigate({ to: "/abonnements", search: value ? { organisationId: value } : {} })
          }
          searchable
          maw={420}
        />
      )}
      <ErrorAlert error={view.error ?? organisations.error} />
      {organisationId && view.data && (
        <>
          <PlanSection organisationId={organisationId} view={view.data} canChange={can.changePlan(me)} />
          <SubscriptionsTable view={view.data} />
          {can.setVendorStatus(me) && (
            <VendorStatusSection organisationId={organisationId} view={view.data} />
          )}
          <TerminationSection
            organisationId={organisationId}
            view={view.data}
            canRecord={can.recordTermination(me)}
          />
          <StaffTasks
            organisationId={organisationId}
            view={view.data}
            canComplete={can.recordTermination(me)}
          />
          <TransfersSection
            organisationId={organisationId}
            view={view.data}
            canRequest={can.requestTransfer(me)}
            canQuote={can.recordTermination(me)}
          />
        </>
      )}
    </Stack>
  );
}

function SubscriptionsTable({ view }: { view: CommitmentsView }) {
  const { t } = useTranslation();
  const { date, money } = useLocaleFormat();
  return (
    <Section title={t("commitments.subscriptionsTitle")}>
      <RecordTable
        records={view.subscriptions}
        empty={t("commitments.noSubscription")}
        headings={[
          t("commitments.item"),
          t("commitments.since"),
          t("commitments.status"),
          t("commitments.monthlyPrice"),
          t("commitments.notice"),
        ]}
        minWidth={640}
      >
        {(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td>{date(s.startsOn)}</Table.Td>
            <Table.Td>
              <StatusBadge status={s.status} label={t(`commitments.statuses.${s.status}`)} />
              {s.endsOn && <Text size="xs">{t("commitments.endsOn", { date: date(s.endsOn) })}</Text>}
            </Table.Td>
            <Table.Td>
              {s.monthlyPrice === null ? t("common.none") : money(s.monthlyPrice, view.currency)}
            </Table.Td>
            <Table.Td>
              {s.noticeMonths === null
                ? t("common.none")
                : t("commitments.noticeMonths", { count: s.noticeMonths })}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
