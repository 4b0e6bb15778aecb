import { Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { ContractSummary, Me, OrganisationView } from "../api/types";
import { clausesOf } from "../clauses";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { InviteButton } from "../organisations/InviteButton";
import { SuspensionButton } from "../organisations/SuspensionButton";
import { can } from "../permissions";
import { useContract } from "../session";

/** Provider staff: every organisation, what it holds, and (security officer) suspension. */
export function OrganisationsPage() {
  return <Allowed when={can.listOrganisations}>{(me) => <Organisations me={me} />}</Allowed>;
}

function Organisations({ me }: { me: Me }) {
  const { t } = useTranslation();
  const contract = useContract().data;
  const organisations = useQuery({ queryKey: keys.organisations, queryFn: api.organisations });
  const [notice, setNotice] = useState<string>();
  if (!contract) return null;
  const clause = clausesOf(contract).suspension;
  return (
    <Stack gap="md">
      <PageHeader title={t("organisations.title")} intro={t("organisations.intro")} />
      <ErrorAlert error={organisations.error} />
      <Notice text={notice} onClose={() => setNotice(undefined)} />
      <RecordTable
        records={organisations.data}
        empty={t("organisations.empty")}
        headings={[
          t("common.name"),
          t("organisations.kind"),
          t("common.status"),
          t("organisations.subscriptions"),
          t("common.actions"),
        ]}
      >
        {(organisation) => (
          <OrganisationRow
            key={organisation.id}
            organisation={organisation}
            contract={contract}
            me={me}
            clause={clause}
            onDone={setNotice}
          />
        )}
      </RecordTable>
    </Stack>
  );
}

function OrganisationRow({
  organisation,
  contract,
  me,
  clause,
  onDone,
}: {
  organisation: OrganisationView;
  contract: ContractSummary;
  me: Me;
  clause: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { label, date } = useLocaleFormat();
  const items = new Map(contract.catalogue.map((item) => [item.id, item.name]));
  const customer = organisation.kind === "customer";
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{organisation.name}</Text>
        <Text size="xs" c="dimmed">
          {organisation.slug}
        </Text>
      </Table.Td>
      <Table.Td>{t(`organisations.kinds.${organisation.kind}`)}</Table.Td>
      <Table.Td>
        <StatusBadge
          status={organisation.status}
          label={t(`organisations.statuses.${organisation.status}`)}
        />
      </Table.Td>
      <Table.Td>
        {organisation.subscriptions.length === 0
          ? t("common.none")
          : organisation.subscriptions.map((held) => {
              const name = items.get(held.catalogueItemId);
              return (
                <Text size="sm" key={`${held.catalogueItemId}-${held.startsOn}`}>
                  {name ? label(name) : held.catalogueItemId} · {date(held.startsOn)}
                  {held.endsOn ? ` → ${date(held.endsOn)}` : ""}
                </Text>
              );
            })}
      </Table.Td>
      <Table.Td>
        {customer && (
          <Group gap="xs">
            {can.suspend(me) && (
              <SuspensionButton organisation={organisation} clause={clause} onDone={onDone} />
            )}
            {can.inviteForCustomers(me) && (
              <InviteButton organisation={organisation} administrator={me.roles.includes("admin")} />
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
