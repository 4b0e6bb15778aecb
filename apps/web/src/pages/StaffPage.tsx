import { Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { staffApi, staffKeys } from "../api/staff-endpoints";
import { Allowed } from "../components/Allowed";
import { ErrorAlert } from "../components/ErrorAlert";
import { Notice } from "../components/Notice";
import { PageHeader } from "../components/PageHeader";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { StatusBadge } from "../components/StatusBadge";
import { useLocaleFormat } from "../i18n/format";
import { can } from "../permissions";
import { StaffActions } from "../staff/StaffActions";
import { StaffInviteForm } from "../staff/StaffInviteForm";

/** "Équipe": the provider's administrators manage its staff (issue 22), every change audited. */
export function StaffPage() {
  return <Allowed when={can.manageStaff}>{(me) => <Staff myId={me.userId} />}</Allowed>;
}

function Staff({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const staff = useQuery({ queryKey: staffKeys.list, queryFn: staffApi.list });
  const [notice, setNotice] = useState<string>();
  const current = (staff.data ?? []).filter((person) => person.status !== "deactivated");
  return (
    <Stack gap="md">
      <PageHeader title={t("staff.title")} intro={t("staff.intro")} />
      <Notice text={notice} onClose={() => setNotice(undefined)} />
      <Section title={t("staff.listHeading")}>
        <ErrorAlert error={staff.error} />
        <RecordTable
          records={staff.data && current}
          empty={t("staff.empty")}
          minWidth={900}
          headings={[
            t("common.name"),
            t("common.email"),
            t("staff.roles"),
            t("common.status"),
            t("staff.secondFactor"),
            t("staff.lastUsed"),
            t("common.actions"),
          ]}
        >
          {(person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                {person.firstName} {person.lastName}
                {person.id === myId && (
                  <Text span c="dimmed" fz="inherit">
                    {" "}
                    ({t("staff.you")})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{person.email}</Table.Td>
              <Table.Td>{person.roles.map((role) => t(`roles.${role}`)).join(", ")}</Table.Td>
              <Table.Td>
                <StatusBadge status={person.status} label={t(`status.${person.status}`)} />
              </Table.Td>
              <Table.Td>{person.secondFactor ? t("staff.enrolled") : t("staff.notEnrolled")}</Table.Td>
              <Table.Td>{person.lastUsedAt ? dateTime(person.lastUsedAt) : t("common.never")}</Table.Td>
              <Table.Td>
                <StaffActions person={person} isMe={person.id === myId} said={setNotice} />
              </Table.Td>
            </Table.Tr>
          )}
        </RecordTable>
      </Section>
      <Section title={t("staff.inviteHeading")} intro={t("staff.inviteIntro")}>
        <StaffInviteForm />
      </Section>
    </Stack>
  );
}
