import { Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CommitmentsView } from "../api/commitments-types";
import { api, keys } from "../api/endpoints";
import type { Me } from "../api/types";
import { PlanSection } from "../commitments/PlanSection";
import { TerminationSection } from "../commitments/TerminationSection";
import { useCommitments } from "../commitments/use-commitments";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";

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
  const staff = me.organisationKind === "provider";
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
          <TerminationSection
            organisationId={organisationId}
            view={view.data}
            canRecord={can.recordTermination(me)}
            noticeElsewhere={false}
          />
          {view.data.transferRequests.length > 0 && <Transfers view={view.data} />}
        </>
      )}
    </Stack>
  );
}

function SubscriptionsTable({ view }: { view: CommitmentsView }) {
  const { t } = useTranslation();
  const { date, money } = useLocaleFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="subscriptions-title">
      <Title order={2} size="h3" id="subscriptions-title">
        {t("commitments.subscriptionsTitle")}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("commitments.item")}</Table.Th>
              <Table.Th scope="col">{t("commitments.since")}</Table.Th>
              <Table.Th scope="col">{t("commitments.status")}</Table.Th>
              <Table.Th scope="col">{t("commitments.monthlyPrice")}</Table.Th>
              <Table.Th scope="col">{t("commitments.notice")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.subscriptions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{date(s.startsOn)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={s.status} label={t(`commitments.statuses.${s.status}`)} />
                  {s.endsOn && <Text size="xs">{t("commitments.endsOn", { date: date(s.endsOn) })}</Text>}
                </Table.Td>
                <Table.Td>{s.monthlyPrice === null ? t("common.none") : money(s.monthlyPrice)}</Table.Td>
                <Table.Td>
                  {s.noticeMonths === null
                    ? t("common.none")
                    : t("commitments.noticeMonths", { count: s.noticeMonths })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Transfers({ view }: { view: CommitmentsView }) {
  const { t } = useTranslation();
  const { money } = useLocaleFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="transfers-title">
      <Title order={2} size="h3" id="transfers-title">
        {t("commitments.transfersTitle")}
      </Title>
      {view.transferRequests.map((r) => (
        <Text key={r.id} size="sm">
          {r.recipient} —{" "}
          {r.quote === null
            ? t("commitments.awaitingQuote")
            : t("commitments.quote", { amount: money(r.quote), text: r.quoteText ?? "" })}
        </Text>
      ))}
    </Stack>
  );
}
