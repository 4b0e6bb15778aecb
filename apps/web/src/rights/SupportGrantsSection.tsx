import { Alert, Button, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { DeploymentTimeInput, useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { lifecycleStatus, StatusBadge } from "../components/StatusBadge";
import { field, inputValueOf, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { RevokeCell, RevokedNotice, useRevocation } from "./revocation";

const UNIT_MS: Record<string, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 7 * 86_400_000,
  // The server counts calendar months; the shortest one keeps the form within what it accepts.
  months: 28 * 86_400_000,
  years: 365 * 86_400_000,
};
/** "7 jours", "7 days": the contract's duration in the reader's language. */
const durationText = (longest: { amount: number; unit: string }, locale: string) =>
  new Intl.NumberFormat(locale, {
    style: "unit",
    unit: longest.unit.replace(/s$/, ""),
    unitDisplay: "long",
  }).format(longest.amount);
const longestMs = (longest: { amount: number; unit: string }) =>
  longest.amount * (UNIT_MS[longest.unit] ?? 0);

/**
 * A customer administrator lets a named provider agent into the tenant until a date, and
 * revokes it when done (MCR-ACC-05, MCR-SUP-13). The agent enters with the grant's reference.
 */
export function SupportGrantsSection({
  organisationId,
  clause,
  longest,
}: {
  organisationId: string;
  clause?: string;
  /** The contract's supportTenantAccess.expiresAfter: the form offers no later end (MCR 8.4, issue 14). */
  longest?: { amount: number; unit: string; text: string };
}) {
  const { t } = useTranslation();
  const { dateTime, locale } = useLocaleFormat();
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
  // The end is typed and sent in the deployment's zone, as every date the portal shows (issue 13).
  const zone = useDeploymentTimeZone();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    give.mutate(
      {
        agentEmail: field(data, "agentEmail"),
        reason: field(data, "reason"),
        expiresAt: localToIso(field(data, "expiresAt"), zone),
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
            <DeploymentTimeInput
              name="expiresAt"
              label={t("rights.grants.until")}
              required
              defaultValue={inputValueOf(now + 86_400_000, zone)}
              max={longest ? inputValueOf(now + longestMs(longest), zone) : undefined}
              description={
                longest
                  ? t("rights.grants.longest", { duration: durationText(longest, locale), clause })
                  : undefined
              }
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
