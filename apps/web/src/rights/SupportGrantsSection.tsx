import { Alert, Button, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { lifecycleStatus, StatusBadge } from "../components/StatusBadge";
import { field, localInputValue, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { RevokeCell, RevokedNotice, useRevocation } from "./revocation";

/**
 * A customer administrator lets a named provider agent into the tenant until a date, and
 * revokes it when done (MCR-ACC-05, MCR-SUP-13). The agent enters with the grant's reference.
 */
export function SupportGrantsSection({
  organisationId,
  clause,
}: {
  organisationId: string;
  clause?: string;
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const grants = useQuery({
    queryKey: keys.supportGrants(organisationId),
    queryFn: () => api.supportGrants(organisationId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.supportGrants(organisationId) });
  const give = useMutation({
    mutationFn: (input: Parameters<typeof api.grantSupport>[1]) => api.grantSupport(organisationId, input),
    onSuccess: refresh,
  });
  const revoke = useRevocation((id) => api.revokeSupportGrant(organisationId, id), refresh);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    give.mutate(
      {
        agentEmail: field(data, "agentEmail"),
        reason: field(data, "reason"),
        expiresAt: localToIso(field(data, "expiresAt")),
      },
      { onSuccess: () => form.reset() },
    );
  };
  const now = Date.now();

  return (
    <Section title={t("rights.grants.heading")} intro={t("rights.grants.intro")} clause={clause}>
      <ErrorAlert error={grants.error ?? revoke.error} />
      <RevokedNotice revocation={revoke}>{t("rights.grants.revoked")}</RevokedNotice>
      <RecordTable
        records={grants.data}
        empty={t("rights.grants.empty")}
        headings={[
          t("rights.grants.agent"),
          t("common.reason"),
          t("rights.grants.until"),
          t("common.status"),
          t("rights.grants.reference"),
          t("common.actions"),
        ]}
      >
        {(grant) => {
          const status = lifecycleStatus(grant, now);
          return (
            <Table.Tr key={grant.id}>
              <Table.Td>
                {grant.agent.name}
                <Text size="xs" c="dimmed">
                  {grant.agent.email}
                </Text>
              </Table.Td>
              <Table.Td>{grant.reason}</Table.Td>
              <Table.Td>{dateTime(grant.expiresAt)}</Table.Td>
              <Table.Td>
                <StatusBadge status={status} label={t(`status.${status}`)} />
              </Table.Td>
              <Table.Td>
                <Code data-testid="grant-reference">{grant.id}</Code>
              </Table.Td>
              <RevokeCell
                revocation={revoke}
                id={grant.id}
                active={status === "active"}
                label={t("rights.grants.revokeLabel", { name: grant.agent.name })}
              >
                {t("rights.grants.revoke")}
              </RevokeCell>
            </Table.Tr>
          );
        }}
      </RecordTable>
      <Title order={3} size="h4">
        {t("rights.grants.giveHeading")}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput name="agentEmail" type="email" label={t("rights.grants.agentEmail")} required />
            <TextInput name="reason" label={t("common.reason")} required minLength={3} maxLength={500} />
            <TextInput
              name="expiresAt"
              type="datetime-local"
              label={t("rights.grants.until")}
              required
              defaultValue={localInputValue(1)}
            />
          </SimpleGrid>
          <ErrorAlert error={give.error} />
          {give.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t("rights.grants.given", { email: give.variables.agentEmail, reference: give.data.grantId })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={give.isPending}>
              {t("rights.grants.give")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
