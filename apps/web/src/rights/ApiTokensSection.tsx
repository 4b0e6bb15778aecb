import { Alert, Button, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import type { TOKEN_ROLES } from "../api/types";
import { CheckboxFieldset } from "../components/CheckboxFieldset";
import { CopyValue } from "../components/CopyValue";
import { DeploymentTimeInput, useDeploymentTimeZone } from "../components/DeploymentTimeInput";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { RolesInForce } from "../components/RolesInForce";
import { Section } from "../components/Section";
import { lifecycleStatus, StatusBadge } from "../components/StatusBadge";
import { checked, field, inputValueOf, localToIso } from "../form-data";
import { useLocaleFormat } from "../i18n/format";
import { RevokeCell, RevokedNotice, useRevocation } from "./revocation";

/**
 * API tokens for integrated mode (DSN-SEC-03). A new token's secret is shown once, with a copy
 * button; afterwards only its first characters are known.
 */
export function ApiTokensSection({
  organisationId,
  clause,
  roles,
}: {
  organisationId: string;
  clause: string;
  /** The token roles the contract offers its customers. */
  roles: (typeof TOKEN_ROLES)[number][];
}) {
  const { t } = useTranslation();
  const { dateTime } = useLocaleFormat();
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: keys.apiTokens(organisationId),
    queryFn: () => api.apiTokens(organisationId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.apiTokens(organisationId) });
  const create = useMutation({
    mutationFn: (input: Parameters<typeof api.createApiToken>[1]) =>
      api.createApiToken(organisationId, input),
    onSuccess: refresh,
  });
  const revoke = useRevocation((id) => api.revokeApiToken(organisationId, id), refresh);

  // The expiry is typed and sent in the deployment's zone, as every date the portal shows (issue 13).
  const zone = useDeploymentTimeZone();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        name: field(data, "name"),
        roles: checked(data, "roles", roles),
        expiresAt: localToIso(field(data, "expiresAt"), zone),
      },
      { onSuccess: () => form.reset() },
    );
  };
  const now = Date.now();

  return (
    <Section title={t("rights.tokens.heading")} intro={t("rights.tokens.intro")} clause={clause}>
      <ErrorAlert error={tokens.error ?? revoke.error} />
      {create.data && (
        <Alert
          color="yellow"
          variant="light"
          title={t("rights.tokens.createdTitle", { name: create.data.apiToken.name })}
        >
          <Stack gap="xs">
            <Text size="sm">{t("rights.tokens.createdText")}</Text>
            <CopyValue
              label={t("rights.tokens.secret")}
              value={create.data.token}
              copyLabel={t("rights.tokens.copy")}
              copiedLabel={t("rights.tokens.copied")}
            />
          </Stack>
        </Alert>
      )}
      <RevokedNotice revocation={revoke}>{t("rights.tokens.revoked")}</RevokedNotice>
      <RecordTable
        records={tokens.data}
        empty={t("rights.tokens.empty")}
        headings={[
          t("common.name"),
          t("rights.tokens.prefix"),
          t("rights.tokens.rolesInForce"),
          t("rights.tokens.expires"),
          t("rights.tokens.lastUsed"),
          t("common.status"),
          t("common.actions"),
        ]}
      >
        {(token) => {
          const status = lifecycleStatus(token, now);
          return (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <RolesInForce
                  made={token.roles}
                  inForce={token.rolesInForce}
                  narrowed={token.narrowed}
                  owner={token.owner}
                />
              </Table.Td>
              <Table.Td>{dateTime(token.expiresAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t("common.never")}</Table.Td>
              <Table.Td>
                <StatusBadge status={status} label={t(`status.${status}`)} />
              </Table.Td>
              <RevokeCell
                revocation={revoke}
                id={token.id}
                active={status === "active"}
                label={t("rights.tokens.revokeLabel", { name: token.name })}
              >
                {t("rights.tokens.revoke")}
              </RevokeCell>
            </Table.Tr>
          );
        }}
      </RecordTable>
      <Title order={3} size="h4">
        {t("rights.tokens.createHeading")}
      </Title>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput name="name" label={t("rights.tokens.name")} required maxLength={100} />
            <DeploymentTimeInput
              name="expiresAt"
              label={t("rights.tokens.expires")}
              required
              defaultValue={inputValueOf(Date.now() + 90 * 86_400_000, zone)}
            />
          </SimpleGrid>
          <CheckboxFieldset
            legend={t("rights.tokens.roles")}
            name="roles"
            options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            defaultChecked={["user"]}
          />
          <ErrorAlert error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("rights.tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
